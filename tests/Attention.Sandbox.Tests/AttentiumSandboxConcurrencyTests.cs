using Attentium;
using Attentium.Solana;

namespace Attention.Sandbox.Tests;

/// <summary>
/// Payments, refunds and claims from many callers at once through the SDK's AttentiumClient: the emulator and the ledger
/// check each other (payment proofs read the ledger, refunds and claims are guarded on commit), so a lock cycle between
/// them stalls everything. A generous deadline turns a deadlock into a failure instead of a hung run.
/// Runs alone (its own collection, not parallel), so its load does not skew the timing of other tests.
/// </summary>
[Collection(StressCollection.Name)]
public sealed class AttentiumSandboxConcurrencyTests : AttentiumSandboxTestBase
{
    private const int Callers = 32;
    private const int RoundsPerCaller = 8;

    [Fact]
    public async Task Concurrent_payments_refunds_and_claims_all_finish_with_exact_balances()
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromMinutes(2));
        var agents = Enumerable.Range(0, Callers).Select(_ => FundedAgent()).ToArray();
        var users = new List<Keypair>();

        var callers = agents.Select(async (agent, index) =>
        {
            var spent = 0m;
            var claimants = new List<Keypair>();
            for (var round = 0; round < RoundsPerCaller; round++)
            {
                if ((index + round) % 4 == 0)
                {
                    var user = Keypair.Generate();
                    Sandbox.FundSolanaWallet(user.PublicKey, sol: 1m, usdc: 0m);
                    await Client.Claims.WithdrawAsync(user, deadline.Token);
                    claimants.Add(user);
                    continue;
                }

                var keys = await Client.Campaigns.CreateAsync(Request, agent, deadline.Token);
                spent += keys.Amount ?? 0m;
                if (round % 2 == 1)
                {
                    await Client.Results.WaitForCampaignFinishedAsync(keys.TxHash!, keys.ReadKey!, cancellationToken: deadline.Token);
                    var refund = await Client.Refunds.WithdrawAsync(keys.TxHash!, agent, deadline.Token);
                    spent -= refund.Amount ?? 0m;
                }
            }

            lock (users)
            {
                users.AddRange(claimants);
            }

            return (Agent: agent, Spent: spent);
        }).ToArray();
        var outcomes = await Task.WhenAll(callers).WaitAsync(deadline.Token);

        Assert.All(outcomes, o => Assert.Equal(100m - o.Spent, Sandbox.GetUsdcBalance(o.Agent.PublicKey)));
        Assert.All(users, u => Assert.Equal(5.25m, Sandbox.GetUsdcBalance(u.PublicKey)));
        Assert.Equal(Callers * RoundsPerCaller / 4, users.Count);
    }
}

/// <summary>Tests that load the machine: run after the parallel ones, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StressCollection
{
    public const string Name = "Stress";
}
