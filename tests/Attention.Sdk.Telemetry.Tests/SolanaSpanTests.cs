using System.Diagnostics;
using Attention.Sdk.Telemetry.Tests.Support;
using Attentium;
using Attentium.Campaigns;
using Attentium.Solana;

namespace Attention.Sdk.Telemetry.Tests;

/// <summary>Solana JSON-RPC spans are named by their method (RPC semantic conventions), and a payment's steps are spans of their own.</summary>
public sealed class SolanaSpanTests : IDisposable
{
    // The path holds a provider token: no span may show it.
    private static readonly Uri s_endpoint = new("https://rpc.telemetry.test/TOKEN_abc123/");
    private static readonly string s_blockhash = Keypair.Generate().PublicKey.ToBase58();
    private readonly TraceCapture _trace = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _trace.Dispose();

    private static SolanaRpcClient Rpc(FakeRpcNode node) => new(new SolanaRpcClientOptions
    {
        Endpoint = s_endpoint,
        Transport = node,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        ConfirmationPollInterval = TimeSpan.FromMilliseconds(1),
    });

    private static string Blockhash() => FakeRpcNode.Result($$$"""{"context":{"slot":1},"value":{"blockhash":"{{{s_blockhash}}}","lastValidBlockHeight":1000}}""");

    [Fact]
    public async Task A_json_rpc_call_is_named_by_its_method_with_rpc_attributes_and_its_attempt_beneath_it()
    {
        using var rpc = Rpc(new FakeRpcNode((method, _) => Blockhash()));

        await rpc.GetLatestBlockhashAsync(cancellationToken: Ct);

        var call = Assert.Single(_trace.ChildrenOfRoot);
        Assert.Equal(("solana-rpc getLatestBlockhash", ActivityKind.Internal), (call.DisplayName, call.Kind));
        Assert.Equal(("jsonrpc", "getLatestBlockhash", "rpc.telemetry.test"), (call.GetTagItem("rpc.system"), call.GetTagItem("rpc.method"), call.GetTagItem("server.address")));
        var attempt = Assert.Single(_trace.ChildrenOf(call));
        Assert.Equal(("getLatestBlockhash", ActivityKind.Client), (attempt.DisplayName, attempt.Kind));
        Assert.Equal(("jsonrpc", "getLatestBlockhash", "/", 0), (attempt.GetTagItem("rpc.system"), attempt.GetTagItem("rpc.method"), attempt.GetTagItem("url.template"), attempt.GetTagItem("http.request.resend_count")));
        Assert.DoesNotContain(_trace.Spans.SelectMany(s => s.TagObjects), t => t.Value?.ToString()?.Contains("TOKEN_abc123", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_json_rpc_error_sets_its_code_as_rpc_jsonrpc_error_code_and_error_type()
    {
        using var rpc = Rpc(new FakeRpcNode((_, _) => FakeRpcNode.Error(-32002, "Transaction simulation failed")));

        await Assert.ThrowsAsync<SolanaRpcException>(() => rpc.GetBlockHeightAsync(cancellationToken: Ct));

        var call = _trace.Single("solana-rpc getBlockHeight");
        Assert.Equal((-32002L, "-32002", ActivityStatusCode.Error), ((long?)call.GetTagItem("rpc.jsonrpc.error_code"), (string?)call.GetTagItem("error.type"), call.Status));
        Assert.DoesNotContain("simulation", call.StatusDescription ?? string.Empty, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Paying_an_invoice_is_build_send_and_confirm_spans_each_over_its_json_rpc_calls()
    {
        var node = new FakeRpcNode((method, parameters) => method switch
        {
            "getLatestBlockhash" => Blockhash(),
            "sendTransaction" => FakeRpcNode.Result($"\"{Signature((string)parameters[0]!)}\""),
            "getSignatureStatuses" => FakeRpcNode.Result("""{"context":{"slot":5},"value":[{"slot":5,"confirmations":null,"err":null,"confirmationStatus":"finalized"}]}"""),
            _ => FakeRpcNode.Result("1"),
        });
        using var rpc = Rpc(node);
        using var client = new AttentiumClient(
            new AttentiumClientOptions
            {
                BaseAddress = new Uri("https://attentium.telemetry.test/v1/"),
                Cluster = SolanaCluster.Custom,
                RpcEndpoint = s_endpoint,
                UsdcMint = Usdc.DevnetMint,
                Treasury = Keypair.Generate().PublicKey,
            },
            rpc);

        var payment = await client.Campaigns.PayInvoiceAsync(new PaymentInvoice { CampaignId = "cmp_traced", Amount = 1.5m }, Keypair.Generate(), 2m, Ct);

        Assert.Equal(["attentium build_memo_payment", "attentium send", "attentium confirm"], Children("attentium pay_invoice").Where(n => n.StartsWith("attentium ", StringComparison.Ordinal)));
        Assert.Equal("cmp_traced", _trace.Single("attentium pay_invoice").GetTagItem("attentium.campaign_id"));
        Assert.Equal(["solana-rpc getLatestBlockhash"], Children("attentium build_memo_payment"));
        Assert.Equal(["solana-rpc sendTransaction"], Children("attentium send"));
        Assert.Contains("solana-rpc getSignatureStatuses", Children("attentium confirm"));
        var confirm = _trace.Single("attentium confirm");
        Assert.Equal(("cmp_traced", payment.Signature), (confirm.GetTagItem("attentium.campaign_id"), confirm.GetTagItem("solana.signature")));
    }

    [Fact]
    public async Task A_server_transaction_that_cannot_be_read_fails_the_inspect_sign_step_and_nothing_is_sent()
    {
        using var rpc = Rpc(new FakeRpcNode((_, _) => throw new InvalidOperationException("no RPC call was expected")));
        using var client = new AttentiumClient(
            new AttentiumClientOptions { BaseAddress = new Uri("https://attentium.telemetry.test/v1/"), Cluster = SolanaCluster.Custom, RpcEndpoint = s_endpoint, UsdcMint = Usdc.DevnetMint },
            rpc);
        var invoice = new PaymentInvoice { CampaignId = "cmp_bad_tx", Amount = 1m, Transaction = "not a transaction" };

        await Assert.ThrowsAsync<AttentionResponseException>(() => client.Campaigns.PayInvoiceAsync(invoice, Keypair.Generate(), 2m, Ct));

        var step = _trace.Single("attentium inspect_sign");
        Assert.Equal("deposit transaction", step.GetTagItem("attentium.transaction"));
        Assert.Equal((typeof(AttentionResponseException).FullName, ActivityStatusCode.Error), (step.GetTagItem("error.type"), step.Status));
        var flow = _trace.Single("attentium pay_invoice");
        Assert.Equal((typeof(AttentionResponseException).FullName, ActivityStatusCode.Error), (flow.GetTagItem("error.type"), flow.Status));
        Assert.Equal(["attentium inspect_sign"], Children("attentium pay_invoice"));
        Assert.Equal(2, _trace.Spans.Count);
    }

    private List<string> Children(string parent) => [.. _trace.ChildrenOf(_trace.Single(parent)).Select(s => s.DisplayName)];

    private static string Signature(string base64) => Transaction.Deserialize(Convert.FromBase64String(base64)).Signature!;
}
