using System.Net;
using Attention.Sdk.Reliability.Tests.Support;
using Attentium.Solana;

namespace Attention.Sdk.Reliability.Tests;

/// <summary>Two gaps the reliability suites found in the Solana JSON-RPC client, pinned down on their own.</summary>
public sealed class SolanaRpcRegressionTests
{
    private static SolanaRpcClient Rpc(ScriptedTransport transport) =>
        new(new SolanaRpcClientOptions { Endpoint = new Uri("http://rpc.test/") }, new HttpClient(transport, disposeHandler: false));

    [Fact]
    public async Task Answer_with_an_unknown_charset_is_a_typed_exception_not_invalid_operation()
    {
        var transport = new ScriptedTransport((_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("""{"detail":"bad"}""") };
            response.Content.Headers.Remove("Content-Type");
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-99");
            return response;
        });

        var error = await Assert.ThrowsAnyAsync<AttentionException>(() => Rpc(transport).GetBlockHeightAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.IsType<SolanaRpcTransportException>(error);
    }

    [Fact]
    public async Task Already_cancelled_token_sends_nothing()
    {
        var transport = new ScriptedTransport((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"jsonrpc":"2.0","id":1,"result":5}""") });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Rpc(transport).GetBlockHeightAsync(cancellationToken: new CancellationToken(canceled: true)));

        Assert.Equal(0, transport.Attempts);
    }
}
