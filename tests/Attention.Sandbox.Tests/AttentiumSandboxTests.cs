using Attentium;
using Attentium.Campaigns;
using Attentium.Solana;

namespace Attention.Sandbox.Tests;

/// <summary>The emulated Attentium API and its Solana ledger, driven only through the SDK's AttentiumClient.</summary>
public sealed class AttentiumSandboxTests : IAsyncLifetime
{
    private AttentionSandbox _sandbox = null!;

    public async ValueTask InitializeAsync() =>
        _sandbox = await AttentionSandbox.StartAsync(new AttentionSandboxOptions { CampaignCompletionDelay = TimeSpan.FromMilliseconds(500) });

    public async ValueTask DisposeAsync() => await _sandbox.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly CreateCampaignRequest Request = new()
    {
        Duration = 30,
        Quantity = 5,
        BidPerSecond = 0.05m,
        ValidationQuestion = "Is this a cat?",
        ContentUrl = "https://example.com/image.png",
    };

    private Keypair FundedAgent()
    {
        var agent = Keypair.Generate();
        _sandbox.FundSolanaWallet(agent.PublicKey, sol: 1m, usdc: 100m);
        return agent;
    }

    [Fact]
    public async Task Escrow_campaign_is_paid_once_and_its_results_arrive()
    {
        var agent = FundedAgent();
        var client = new AttentiumClient(_sandbox.CreateAttentiumOptions());

        var keys = await client.Campaigns.CreateCampaignAsync(Request, agent, Ct);
        var results = await client.Results.WaitForCompletionAsync(keys.TxHash!, keys.ReadKey!, cancellationToken: Ct);

        Assert.Equal(92.5m, _sandbox.GetUsdcBalance(agent.PublicKey));
        Assert.Equal(1, _sandbox.CountTransactionsWithMemo(keys.CampaignId!));
        Assert.Equal(5, results.Responses.Count);
    }

    [Fact]
    public async Task Memo_flow_campaign_pays_the_treasury_with_the_campaign_id()
    {
        _sandbox.AttentiumMemoMode = true;
        var agent = FundedAgent();
        var client = new AttentiumClient(_sandbox.CreateAttentiumOptions());

        var keys = await client.Campaigns.CreateCampaignAsync(Request, agent, Ct);

        Assert.Equal([keys.CampaignId!], _sandbox.GetTransactionMemos(keys.TxHash!));
        Assert.Equal(92.5m, _sandbox.GetUsdcBalance(agent.PublicKey));
    }

    [Fact]
    public async Task Unspent_escrow_is_refunded_after_the_campaign_ends()
    {
        var agent = FundedAgent();
        var client = new AttentiumClient(_sandbox.CreateAttentiumOptions());
        var keys = await client.Campaigns.CreateCampaignAsync(Request, agent, Ct);
        await client.Results.WaitForCompletionAsync(keys.TxHash!, keys.ReadKey!, cancellationToken: Ct);

        await client.Refunds.WithdrawAsync(keys.TxHash!, agent, Ct);

        Assert.Equal(93.25m, _sandbox.GetUsdcBalance(agent.PublicKey));
    }

    [Fact]
    public async Task Claim_pays_the_user_from_the_treasury()
    {
        var user = Keypair.Generate();
        _sandbox.FundSolanaWallet(user.PublicKey, sol: 1m, usdc: 0m);
        var client = new AttentiumClient(_sandbox.CreateAttentiumOptions());

        var before = await client.Claims.GetBalanceAsync(user.PublicKey, Ct);
        await client.Claims.WithdrawAsync(user, Ct);

        Assert.Equal(5.25m, before.UsdcBalance);
        Assert.Equal(5.25m, _sandbox.GetUsdcBalance(user.PublicKey));
        Assert.Equal(0m, (await client.Claims.GetBalanceAsync(user.PublicKey, Ct)).UsdcBalance);
    }
}
