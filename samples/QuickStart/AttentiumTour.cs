using Attention.Sandbox;
using Attentium;
using Attentium.Campaigns;
using Attentium.Solana;

namespace QuickStart;

/// <summary>Attentium: fund a verification campaign through the Solana escrow flow, then read its results.</summary>
public static class AttentiumTour
{
    public static async Task RunAsync(Progress progress, TourSettings settings, AttentionSandbox? sandbox, CancellationToken cancellationToken)
    {
        progress.Section("Attentium");
        Keypair agent;
        AttentiumClientOptions options;
        if (settings.AttentiumKeypairPath is { } path)
        {
            agent = await Keypair.FromFileAsync(path, cancellationToken).ConfigureAwait(false);
            options = settings.AttentiumRpcUrl is { } rpc
                ? new AttentiumClientOptions { Cluster = SolanaCluster.Custom, RpcEndpoint = new Uri(rpc) }
                : new AttentiumClientOptions();
        }
        else
        {
            agent = Keypair.Generate();
            sandbox!.FundSolanaWallet(agent.PublicKey, sol: 1m, usdc: 25m);
            options = sandbox.CreateAttentiumOptions();
            progress.Note($"Sandbox agent {agent.PublicKey} funded with 1 SOL and 25 USDC");
        }

        // A client-wide cap: no single payment above 10 USDC, whatever a server invoices (each campaign is also capped at its
        // own MaximumCost).
        options.MaximumPaymentUsdc = 10m;
        using var client = new AttentiumClient(options);
        var quote = await client.Market.GetQuoteAsync(30, cancellationToken).ConfigureAwait(false);
        progress.Ok($"Oracle quote for 30 s of attention: {quote.GrossBidCents} cents (market depth {quote.MarketDepth})");

        var request = new CreateCampaignRequest
        {
            Duration = 30,
            Quantity = 5,
            BidPerSecond = 0.05m,
            ValidationQuestion = "Is this a cat?",
            ContentUrl = "https://example.com/image.png",
        };
        progress.Step($"Creating a campaign (at most {request.MaximumCost} USDC; a larger invoice is refused before signing): invoice, inspect, sign, send, confirm, re-submit...");
        var keys = await client.Campaigns.CreateAsync(request, agent, cancellationToken).ConfigureAwait(false);
        progress.Ok($"Campaign {keys.CampaignId} paid by transaction {keys.TxHash}");

        progress.Step("Waiting for the verifiers...");
        var results = await client.Results.WaitForCampaignFinishedAsync(keys.TxHash!, keys.ReadKey!, cancellationToken: cancellationToken).ConfigureAwait(false);
        var yes = results.Responses.Count(r => r.Answer == "yes");
        progress.Ok($"Results {results.Status}: {yes} of {results.Responses.Count} verifiers answered yes");
    }
}
