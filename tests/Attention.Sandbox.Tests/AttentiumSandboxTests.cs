using Attentium;
using Attentium.Campaigns;
using Attentium.Solana;

namespace Attention.Sandbox.Tests;

/// <summary>The emulated Attentium API and its Solana ledger, driven only through the SDK's AttentiumClient.</summary>
public sealed class AttentiumSandboxTests : AttentiumSandboxTestBase
{
    [Fact]
    public async Task Escrow_campaign_is_paid_once_and_its_results_arrive()
    {
        var agent = FundedAgent();

        var keys = await Client.Campaigns.CreateAsync(Request, agent, Ct);
        var results = await Client.Results.WaitForCampaignFinishedAsync(keys.TxHash!, keys.ReadKey!, cancellationToken: Ct);

        Assert.Equal(92.5m, Sandbox.GetUsdcBalance(agent.PublicKey));
        Assert.Equal(1, Sandbox.CountTransactionsWithMemo(keys.CampaignId!));
        Assert.Equal(5, results.Responses.Count);
    }

    [Fact]
    public async Task Memo_flow_campaign_pays_the_treasury_with_the_campaign_id()
    {
        Sandbox.AttentiumMemoMode = true;
        var agent = FundedAgent();

        var keys = await Client.Campaigns.CreateAsync(Request, agent, Ct);

        Assert.Equal([keys.CampaignId!], Sandbox.GetTransactionMemos(keys.TxHash!));
        Assert.Equal(92.5m, Sandbox.GetUsdcBalance(agent.PublicKey));
    }

    [Fact]
    public async Task Unspent_escrow_is_refunded_after_the_campaign_ends()
    {
        var agent = FundedAgent();
        var keys = await Client.Campaigns.CreateAsync(Request, agent, Ct);
        await Client.Results.WaitForCampaignFinishedAsync(keys.TxHash!, keys.ReadKey!, cancellationToken: Ct);

        await Client.Refunds.WithdrawAsync(keys.TxHash!, agent, Ct);

        Assert.Equal(93.25m, Sandbox.GetUsdcBalance(agent.PublicKey));
    }

    [Fact]
    public async Task Claim_pays_the_user_from_the_treasury()
    {
        var user = Keypair.Generate();
        Sandbox.FundSolanaWallet(user.PublicKey, sol: 1m, usdc: 0m);

        var before = await Client.Claims.GetBalanceAsync(user.PublicKey, Ct);
        await Client.Claims.WithdrawAsync(user, Ct);

        Assert.Equal(5.25m, before.UsdcBalance);
        Assert.Equal(5.25m, Sandbox.GetUsdcBalance(user.PublicKey));
        Assert.Equal(0m, (await Client.Claims.GetBalanceAsync(user.PublicKey, Ct)).UsdcBalance);
    }
}
