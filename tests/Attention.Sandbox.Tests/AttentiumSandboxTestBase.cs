using Attentium;
using Attentium.Campaigns;
using Attentium.Solana;

namespace Attention.Sandbox.Tests;

/// <summary>A sandbox per test class, an AttentiumClient pointed at it, and the campaign and funded agents the tests pay with.</summary>
public abstract class AttentiumSandboxTestBase : IAsyncLifetime
{
    protected static readonly CreateCampaignRequest Request = new()
    {
        Duration = 30,
        Quantity = 5,
        BidPerSecond = 0.05m,
        ValidationQuestion = "Is this a cat?",
        ContentUrl = "https://example.com/image.png",
    };

    protected AttentionSandbox Sandbox { get; private set; } = null!;

    protected AttentiumClient Client { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Sandbox = await AttentionSandbox.StartAsync(new AttentionSandboxOptions { CampaignCompletionDelay = TimeSpan.FromMilliseconds(400) }, Ct);
        Client = new AttentiumClient(Sandbox.CreateAttentiumOptions());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();

        // Bounded, so a deadlocked sandbox fails the test instead of hanging the run.
        await Sandbox.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        GC.SuppressFinalize(this);
    }

    /// <summary>A new agent wallet with 1 SOL and 100 USDC on the sandbox ledger.</summary>
    protected Keypair FundedAgent()
    {
        var agent = Keypair.Generate();
        Sandbox.FundSolanaWallet(agent.PublicKey, sol: 1m, usdc: 100m);
        return agent;
    }
}
