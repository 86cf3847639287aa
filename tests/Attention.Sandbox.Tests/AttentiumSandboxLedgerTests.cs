using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Attentium.Solana;

namespace Attention.Sandbox.Tests;

/// <summary>
/// The emulated Attentium payment flow and the sandbox Solana endpoint, driven through the SDK's Solana layer
/// (transactions, signing, <see cref="SolanaRpcClient"/>). The Attentium client's own sandbox tests sit beside these.
/// </summary>
public sealed class AttentiumSandboxLedgerTests : IAsyncLifetime
{
    private AttentionSandbox _sandbox = null!;
    private HttpClient _http = null!;
    private SolanaRpcClient _rpc = null!;

    public async ValueTask InitializeAsync()
    {
        _sandbox = await AttentionSandbox.StartAsync(new AttentionSandboxOptions { CampaignCompletionDelay = TimeSpan.FromMilliseconds(300) });
        _http = new HttpClient { BaseAddress = _sandbox.AttentiumBaseAddress };
        _rpc = new SolanaRpcClient(new SolanaRpcClientOptions { Endpoint = _sandbox.SolanaRpcAddress, ConfirmationPollInterval = TimeSpan.FromMilliseconds(100) });
    }

    public async ValueTask DisposeAsync()
    {
        _rpc.Dispose();
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly JsonObject Campaign = new()
    {
        ["duration"] = 30,
        ["quantity"] = 5,
        ["bid_per_second"] = 0.05,
        ["validation_question"] = "Is this a cat?",
        ["content_url"] = "https://example.com/image.png",
    };

    private async Task<(HttpStatusCode Status, JsonObject Body)> VerifyAsync(Keypair? agent, string? signature = null, string? campaignId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "verify") { Content = new StringContent(Campaign.ToJsonString(), Encoding.UTF8, "application/json") };
        if (agent is not null)
        {
            request.Headers.Add("X-Agent-Key", agent.PublicKey.ToBase58());
        }

        if (signature is not null)
        {
            request.Headers.Add("X-Solana-Tx-Signature", signature);
        }

        if (campaignId is not null)
        {
            request.Headers.Add("X-Campaign-Id", campaignId);
        }

        using var response = await _http.SendAsync(request, Ct);
        return (response.StatusCode, (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!);
    }

    private Keypair FundedAgent()
    {
        var agent = Keypair.Generate();
        _sandbox.FundSolanaWallet(agent.PublicKey, sol: 1m, usdc: 100m);
        return agent;
    }

    [Fact]
    public async Task Deposit_transaction_signed_by_the_agent_lands_and_verify_returns_keys()
    {
        var agent = FundedAgent();

        var (status, invoice) = await VerifyAsync(agent);
        Assert.Equal(HttpStatusCode.PaymentRequired, status);
        Assert.Equal("payment_required", (string?)invoice["error"]);
        Assert.Equal(7.5m, invoice["amount"]!.GetValue<decimal>());
        var campaignId = (string)invoice["campaign_id"]!;
        var transaction = Transaction.FromBase64((string)invoice["transaction"]!);
        Assert.Equal(agent.PublicKey, transaction.Message.FeePayer);

        await transaction.SignAsync(agent, Ct);
        var signature = await _rpc.SendTransactionAsync(transaction, cancellationToken: Ct);
        var (paidStatus, keys) = await VerifyAsync(agent, signature, campaignId);

        Assert.Equal(HttpStatusCode.OK, paidStatus);
        Assert.Equal(signature, (string?)keys["tx_hash"]);
        Assert.StartsWith("rk_", (string?)keys["read_key"]);
        Assert.Equal(92.5m, _sandbox.GetUsdcBalance(agent.PublicKey));
        Assert.Equal([campaignId], _sandbox.GetTransactionMemos(signature));
    }

    [Fact]
    public async Task Payment_whose_memo_is_another_campaign_is_memo_mismatch()
    {
        var agent = FundedAgent();
        var (_, first) = await VerifyAsync(agent);
        var (_, second) = await VerifyAsync(agent);
        var transaction = Transaction.FromBase64((string)first["transaction"]!);
        await transaction.SignAsync(agent, Ct);
        var signature = await _rpc.SendTransactionAsync(transaction, cancellationToken: Ct);

        var (status, answer) = await VerifyAsync(agent, signature, (string)second["campaign_id"]!);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("memo_mismatch", (string?)answer["error"]);
    }

    [Fact]
    public async Task Verify_with_a_signature_but_no_campaign_id_is_missing_campaign_id()
    {
        var (status, answer) = await VerifyAsync(FundedAgent(), signature: "5abc");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("missing_campaign_id", (string?)answer["error"]);
    }

    [Fact]
    public async Task Memo_mode_invoice_is_paid_by_a_transfer_to_the_treasury_with_the_memo()
    {
        _sandbox.AttentiumMemoMode = true;
        var agent = FundedAgent();
        var (_, invoice) = await VerifyAsync(agent);
        Assert.Null(invoice["transaction"]);
        var campaignId = (string)invoice["campaign_id"]!;
        var treasury = PublicKey.Parse((string)invoice["treasury"]!);
        var mint = PublicKey.Parse((string)invoice["mint"]!);
        var blockhash = await _rpc.GetLatestBlockhashAsync(cancellationToken: Ct);
        var message = MessageCompiler.CompileLegacy(agent.PublicKey,
        [
            TokenInstructions.TransferChecked(PublicKey.GetAssociatedTokenAddress(agent.PublicKey, mint), mint, PublicKey.GetAssociatedTokenAddress(treasury, mint), agent.PublicKey, 7_500_000, 6),
            MemoInstructions.Memo(campaignId),
        ], blockhash.Blockhash);
        var transaction = Transaction.FromMessage(message);
        transaction.Sign(agent);
        var signature = await _rpc.SendTransactionAsync(transaction, cancellationToken: Ct);
        await _rpc.ConfirmTransactionAsync(signature, blockhash.LastValidBlockHeight, cancellationToken: Ct);

        var (status, keys) = await VerifyAsync(agent, signature, campaignId);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(campaignId, (string?)keys["campaign_id"]);
    }

    [Fact]
    public async Task Unsigned_transaction_is_refused_by_the_sandbox_rpc()
    {
        var agent = FundedAgent();
        var (_, invoice) = await VerifyAsync(agent);

        var error = await Assert.ThrowsAsync<SolanaRpcException>(() =>
            _rpc.SendTransactionAsync(Convert.FromBase64String((string)invoice["transaction"]!), cancellationToken: Ct));

        Assert.Equal(-32003, error.Code);
    }

    [Fact]
    public async Task Results_complete_after_the_delay_and_need_the_read_key()
    {
        var agent = FundedAgent();
        var (_, invoice) = await VerifyAsync(agent);
        var transaction = Transaction.FromBase64((string)invoice["transaction"]!);
        await transaction.SignAsync(agent, Ct);
        var signature = await _rpc.SendTransactionAsync(transaction, cancellationToken: Ct);
        var (_, keys) = await VerifyAsync(agent, signature, (string)invoice["campaign_id"]!);

        using var wrongKey = await _http.GetAsync($"campaigns/{signature}/results?key=rk_wrong", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, wrongKey.StatusCode);
        await Task.Delay(400, Ct);
        var results = await _http.GetFromJsonAsync<JsonObject>($"campaigns/{signature}/results?key={keys["read_key"]}", Ct);

        Assert.Equal("completed", (string?)results!["status"]);
        Assert.Equal(5, results["responses"]!.AsArray().Count);
    }
}
