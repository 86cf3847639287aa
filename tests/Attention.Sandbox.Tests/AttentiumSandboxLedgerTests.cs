using Attentium;
using Attentium.Campaigns;
using Attentium.Solana;

namespace Attention.Sandbox.Tests;

/// <summary>
/// The emulated Attentium payment checks and the sandbox Solana endpoint, driven through the SDK's AttentiumClient steps
/// and its Solana layer: the server's documented error codes, and the ledger's own rules (signatures, memos, balances).
/// </summary>
public sealed class AttentiumSandboxLedgerTests : AttentiumSandboxTestBase
{
    [Fact]
    public async Task Invoice_carries_a_deposit_transaction_for_the_agent_with_the_campaign_memo()
    {
        var agent = FundedAgent();

        var result = await Client.Campaigns.RequestInvoiceAsync(Request, agent.PublicKey, Ct);

        var invoice = Assert.IsType<PaymentInvoice>(result.Invoice);
        Assert.Equal(7.5m, invoice.Amount);
        var transaction = Transaction.FromBase64(invoice.Transaction!);
        Assert.Equal(agent.PublicKey, transaction.Message.FeePayer);
        Assert.Contains(transaction.Message.DecompileInstructions(), i => MemoInstructions.TryGetText(i, out var memo) && memo == invoice.CampaignId);
    }

    [Fact]
    public async Task Payment_landed_for_another_campaign_is_memo_mismatch()
    {
        var agent = FundedAgent();
        var first = (await Client.Campaigns.RequestInvoiceAsync(Request, agent.PublicKey, Ct)).Invoice!;
        var second = (await Client.Campaigns.RequestInvoiceAsync(Request, agent.PublicKey, Ct)).Invoice!;
        var payment = await Client.Campaigns.PayInvoiceAsync(first, agent, Request.MaximumCost, Ct);

        await Assert.ThrowsAsync<MemoMismatchException>(() =>
            Client.Campaigns.SubmitPaymentAsync(Request, second.CampaignId, payment.Signature, agent.PublicKey, Ct));
    }

    [Fact]
    public async Task Unsigned_transaction_is_refused_by_the_sandbox_rpc()
    {
        var agent = FundedAgent();
        var invoice = (await Client.Campaigns.RequestInvoiceAsync(Request, agent.PublicKey, Ct)).Invoice!;

        var error = await Assert.ThrowsAsync<SolanaRpcException>(() =>
            Client.SolanaRpc.SendTransactionAsync(Convert.FromBase64String(invoice.Transaction!), cancellationToken: Ct));

        Assert.Equal(-32003, error.Code);
    }

    [Fact]
    public async Task Agent_without_usdc_cannot_pay_and_nothing_moves()
    {
        var agent = Keypair.Generate();
        Sandbox.FundSolanaWallet(agent.PublicKey, sol: 1m, usdc: 1m);

        await Assert.ThrowsAnyAsync<Attention.Sdk.AttentionException>(() => Client.Campaigns.CreateAsync(Request, agent, Ct));

        Assert.Equal(1m, Sandbox.GetUsdcBalance(agent.PublicKey));
    }

    [Fact]
    public async Task Results_need_the_read_key()
    {
        var agent = FundedAgent();
        var keys = await Client.Campaigns.CreateAsync(Request, agent, Ct);

        await Assert.ThrowsAsync<Attention.Sdk.AttentionPermissionDeniedException>(() => Client.Results.GetAsync(keys.TxHash!, "rk_wrong", Ct));
        var results = await Client.Results.WaitForCampaignFinishedAsync(keys.TxHash!, keys.ReadKey!, cancellationToken: Ct);

        Assert.Equal(5, results.Responses.Count);
    }
}
