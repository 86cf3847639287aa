using System.Net;
using System.Net.Sockets;
using Attention.Sdk.Core.Tests.Support;
using Attention.Sdk.Http;

namespace Attention.Sdk.Core.Tests.Http;

/// <summary>A SocketException at any depth, however a handler throws it, is the SDK's transport failure and is classified for retry.</summary>
public sealed class SocketFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Shapes => ["bare", "in IOException", "in HttpRequestException", "in IOException in InvalidOperationException"];

    private static Exception Wrap(string shape, SocketError error)
    {
        var socket = new SocketException((int)error);
        return shape switch
        {
            "bare" => socket,
            "in IOException" => new IOException("Unable to read data from the transport connection.", socket),
            "in HttpRequestException" => new HttpRequestException("An error occurred while sending the request.", socket),
            _ => new InvalidOperationException("handler", new IOException("transport", socket)),
        };
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Reset_on_every_attempt_of_a_get_ends_in_a_transport_exception_after_the_retries(string shape)
    {
        var transport = new ScriptedHandler();
        for (var i = 0; i < 3; i++)
        {
            transport.ThenThrow(Wrap(shape, SocketError.ConnectionReset));
        }

        var options = TestApis.FastOptions(transport: transport);
        options.MaxRetries = 2;
        var connection = TestApis.Connect(TestApis.Keyed, options);

        var error = await Assert.ThrowsAsync<AttentionTransportException>(() => connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "things"), Ct));

        Assert.Equal(3, transport.Sent.Count);
        Assert.Equal(3, error.Attempts);
        Assert.False(error.RequestWasNotSent);
        Assert.IsType<SocketException>(FindSocket(error));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Reset_then_success_of_a_get_is_retried_to_the_success(string shape)
    {
        var transport = new ScriptedHandler().ThenThrow(Wrap(shape, SocketError.ConnectionReset)).Then(HttpStatusCode.OK, "{}");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));

        var response = await connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "things"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, transport.Sent.Count);
    }

    [Fact]
    public async Task Bare_reset_of_a_post_without_the_promise_is_not_retried()
    {
        var transport = new ScriptedHandler().ThenThrow(new SocketException((int)SocketError.ConnectionReset)).Then(HttpStatusCode.OK, "{}");
        var connection = TestApis.Connect(TestApis.Unkeyed, TestApis.FastOptions(transport: transport));

        var error = await Assert.ThrowsAsync<AttentionTransportException>(() => connection.SendRawAsync(new ApiRequest(HttpMethod.Post, "things").WithBody("{}"u8), Ct));

        Assert.Single(transport.Sent);
        Assert.False(error.RequestWasNotSent);
    }

    [Fact]
    public async Task Bare_connection_refused_of_a_post_without_the_promise_is_retried_because_nothing_was_sent()
    {
        var transport = new ScriptedHandler().ThenThrow(new SocketException((int)SocketError.ConnectionRefused)).Then(HttpStatusCode.OK, "{}");
        var connection = TestApis.Connect(TestApis.Unkeyed, TestApis.FastOptions(transport: transport));

        await connection.SendRawAsync(new ApiRequest(HttpMethod.Post, "things").WithBody("{}"u8), Ct);

        Assert.Equal(2, transport.Sent.Count);
    }

    [Fact]
    public async Task Bare_connection_refused_without_retries_says_nothing_was_sent()
    {
        var transport = new ScriptedHandler().ThenThrow(new SocketException((int)SocketError.ConnectionRefused));
        var options = TestApis.FastOptions(transport: transport);
        options.MaxRetries = 0;
        var connection = TestApis.Connect(TestApis.Unkeyed, options);

        var error = await Assert.ThrowsAsync<AttentionTransportException>(() => connection.SendRawAsync(new ApiRequest(HttpMethod.Post, "things").WithBody("{}"u8), Ct));

        Assert.True(error.RequestWasNotSent);
    }

    [Fact]
    public async Task Caller_cancellation_wrapping_the_aborted_socket_is_a_cancellation_not_a_transport_failure()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var transport = new DelegatingTransport((_, _) =>
        {
            cts.Cancel();
            throw new TaskCanceledException("The operation was canceled.", new IOException("aborted", new SocketException((int)SocketError.OperationAborted)));
        });
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "things"), cts.Token));

        Assert.IsNotType<AttentionTransportException>(error);
    }

    private static Exception? FindSocket(Exception error)
    {
        for (var current = error.InnerException; current is not null; current = current.InnerException)
        {
            if (current is SocketException)
            {
                return current;
            }
        }

        return null;
    }
}
