using System.Text.Json.Nodes;
using Attentium.Client.Tests.Solana.Rpc;
using Attentium.Payments;
using Attentium.Solana;

namespace Attentium.Client.Tests.Payments;

/// <summary>PaymentExpiredException only when the signed transaction's own blockhash is no longer valid.</summary>
public class ProvenExpiryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (SolanaPayments Payments, FakeRpcHandler Handler, SolanaRpcClient Rpc) Create(Func<int, bool> blockhashValid, TimeSpan timeout)
    {
        var heights = 200UL;
        var validityChecks = 0;
        var handler = new FakeRpcHandler(request => (string)request["method"]! switch
        {
            "getSignatureStatuses" => FakeRpcHandler.Result("""{"context":{"slot":1},"value":[null]}"""),
            "getBlockHeight" => FakeRpcHandler.Result((heights++).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "isBlockhashValid" => FakeRpcHandler.Result($$"""{"context":{"slot":1},"value":{{(blockhashValid(++validityChecks) ? "true" : "false")}}}"""),
            _ => FakeRpcHandler.Result("\"ignored\""),
        });
        var rpc = new SolanaRpcClient(new SolanaRpcClientOptions { Endpoint = new Uri("http://rpc.test/"), ConfirmationPollInterval = TimeSpan.FromMilliseconds(5), ResendInterval = TimeSpan.FromHours(1) }, new HttpClient(handler));
        var options = new AttentiumClientOptions { ConfirmationTimeout = timeout };
        return (new SolanaPayments(rpc, new TransactionInspector(new TransactionInspectionOptions(), rpc), new InMemoryPaymentLedger(), options), handler, rpc);
    }

    private static (string Signature, byte[] Bytes, string Blockhash) Signed()
    {
        var agent = Keypair.Generate();
        var blockhash = Keypair.Generate().PublicKey.ToBase58();
        var tx = Transaction.FromMessage(MessageCompiler.CompileLegacy(agent.PublicKey, [MemoInstructions.Memo("x")], blockhash));
        tx.Sign(agent);
        return (tx.Signature!, tx.Serialize(), blockhash);
    }

    private static IEnumerable<JsonObject> Calls(FakeRpcHandler handler, string method)
    {
        lock (handler.Requests)
        {
            return [.. handler.Requests.Where(r => (string)r["method"]! == method)];
        }
    }

    [Fact]
    public async Task Past_the_bound_but_with_a_valid_blockhash_the_wait_goes_on_until_the_node_calls_it_invalid()
    {
        var (payments, handler, rpc) = Create(check => check < 3, TimeSpan.FromMinutes(1));
        using var _ = rpc;
        var (signature, bytes, blockhash) = Signed();

        var error = await Assert.ThrowsAsync<PaymentExpiredException>(() => payments.ConfirmAsync("cmp", signature, 100, bytes, Ct));

        Assert.Equal(signature, error.Signature);
        var checks = Calls(handler, "isBlockhashValid").ToList();
        Assert.Equal(3, checks.Count);
        Assert.All(checks, c => Assert.Equal(blockhash, (string)c["params"]![0]!));
        Assert.All(checks, c => Assert.Equal("processed", (string)c["params"]![1]!["commitment"]!));
    }

    [Fact]
    public async Task A_blockhash_that_stays_valid_ends_in_not_confirmed_never_expired()
    {
        var (payments, _, rpc) = Create(_ => true, TimeSpan.FromMilliseconds(300));
        using var __ = rpc;
        var (signature, bytes, _) = Signed();

        var error = await Assert.ThrowsAsync<PaymentNotConfirmedException>(() => payments.ConfirmAsync("cmp", signature, 100, bytes, Ct));

        Assert.Contains("resume with this signature", error.Message);
    }

    [Fact]
    public async Task Failing_validity_check_is_not_reported_as_expiry()
    {
        var handler = new FakeRpcHandler(request => (string)request["method"]! switch
        {
            "getSignatureStatuses" => FakeRpcHandler.Result("""{"context":{"slot":1},"value":[null]}"""),
            "getBlockHeight" => FakeRpcHandler.Result("500"),
            _ => FakeRpcHandler.Json("""{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"Method not found"}}"""),
        });
        using var rpc = new SolanaRpcClient(new SolanaRpcClientOptions { Endpoint = new Uri("http://rpc.test/"), ConfirmationPollInterval = TimeSpan.FromMilliseconds(5) }, new HttpClient(handler));
        var payments = new SolanaPayments(rpc, new TransactionInspector(new TransactionInspectionOptions(), rpc), new InMemoryPaymentLedger(), new AttentiumClientOptions());
        var (signature, bytes, _) = Signed();

        var error = await Assert.ThrowsAsync<PaymentNotConfirmedException>(() => payments.ConfirmAsync("cmp", signature, 100, bytes, Ct));

        Assert.Contains("expiry could not be proven", error.Message);
    }
}
