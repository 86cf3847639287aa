using System.Net.Sockets;
using Attention.Sdk;
using Attentium.Solana;

namespace Attentium.Client.Tests.Solana.Rpc;

/// <summary>Every network failure of the RPC client, however the handler throws it, is an <see cref="AttentionTransportException"/>.</summary>
public sealed class RpcTransportFailureTests
{
    private sealed class ThrowingHandler(Func<Exception> failure) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            throw failure();
        }
    }

    public static TheoryData<string> Shapes => ["bare", "in IOException", "in HttpRequestException", "in IOException in InvalidOperationException"];

    private static Exception Wrap(string shape)
    {
        var socket = new SocketException((int)SocketError.ConnectionReset);
        return shape switch
        {
            "bare" => socket,
            "in IOException" => new IOException("transport", socket),
            "in HttpRequestException" => new HttpRequestException("send failed", socket),
            _ => new InvalidOperationException("handler", new IOException("transport", socket)),
        };
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Socket_failure_from_the_callers_handler_is_an_rpc_transport_exception(string shape)
    {
        var handler = new ThrowingHandler(() => Wrap(shape));
        using var client = new SolanaRpcClient(new SolanaRpcClientOptions { Endpoint = new Uri("http://rpc.test/") }, new HttpClient(handler));

        var error = await Assert.ThrowsAsync<SolanaRpcTransportException>(() => client.GetLatestBlockhashAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.IsAssignableFrom<AttentionTransportException>(error);
        Assert.Equal("getLatestBlockhash", error.RpcMethod);
        Assert.False(error.RequestWasNotSent);
    }

    [Fact]
    public async Task Socket_reset_through_the_sdk_pipeline_is_retried_then_an_rpc_transport_exception()
    {
        var handler = new ThrowingHandler(() => new SocketException((int)SocketError.ConnectionReset));
        using var client = new SolanaRpcClient(new SolanaRpcClientOptions
        {
            Endpoint = new Uri("http://rpc.test/"),
            Transport = handler,
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        });

        await Assert.ThrowsAsync<SolanaRpcTransportException>(() => client.GetLatestBlockhashAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task Caller_cancellation_wrapping_the_aborted_socket_stays_a_cancellation()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var handler = new ThrowingHandler(() =>
        {
            cts.Cancel();
            return new TaskCanceledException("The operation was canceled.", new IOException("aborted", new SocketException((int)SocketError.OperationAborted)));
        });
        using var client = new SolanaRpcClient(new SolanaRpcClientOptions { Endpoint = new Uri("http://rpc.test/") }, new HttpClient(handler));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetLatestBlockhashAsync(cancellationToken: cts.Token));
    }

    [Fact]
    public void Rpc_transport_exception_is_caught_by_the_sdk_transport_type()
    {
        Assert.True(typeof(AttentionTransportException).IsAssignableFrom(typeof(SolanaRpcTransportException)));
    }
}
