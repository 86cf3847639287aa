using Attention.Sandbox.Workload;

namespace Attention.Sandbox.Tests;

/// <summary>
/// The soak's mixed workload (shared with <c>--soak</c> in the benchmarks) for a fixed number of operations: Attention Factory,
/// AutoPersonas and Attentium from many callers at once, with payments, refunds and claims among them. The deadline only bounds
/// a hang (a lock cycle between the emulators and the ledger stalls every caller); nothing depends on throughput.
/// </summary>
[Collection(StressCollection.Name)]
public sealed class MixedWorkloadTests
{
    private static readonly TimeSpan HangDeadline = TimeSpan.FromSeconds(120);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mixed_load_with_concurrent_payments_refunds_and_claims_finishes_with_the_ledger_in_agreement()
    {
        const int operations = 2_000;
        await using var run = await WorkloadRun.StartAsync(callers: 16, Ct);

        await run.Workload.RunAsync(n => n <= operations, Ct).WaitAsync(HangDeadline, Ct);

        var counters = run.Workload.Counters;
        Assert.Equal(operations, counters.TotalCompleted + counters.TotalErrors);
        Assert.Empty(run.Workload.CheckInvariants());
        Assert.Equal(operations / 100, counters.Snapshot()[(int)SandboxOperation.AttentiumPayment]);
        Assert.Equal(operations / 200, run.Workload.Book.Refunds);
        Assert.Equal(operations / 200, run.Workload.Book.Claims);
        Assert.True(run.Workload.Book.Payments >= operations / 100);
    }

    [Fact]
    public async Task Invariants_name_an_agent_wallet_that_differs_from_what_the_callers_paid()
    {
        await using var run = await WorkloadRun.StartAsync(callers: 2, Ct);
        await run.Workload.RunAsync(n => n <= 60, Ct).WaitAsync(HangDeadline, Ct);
        Assert.Empty(run.Workload.CheckInvariants());

        // USDC the book knows nothing about, as a double refund would leave.
        run.Sandbox.FundSolanaWallet(run.Workload.Agents[1], sol: 0m, usdc: 1m);

        var failure = Assert.Single(run.Workload.CheckInvariants());
        Assert.StartsWith("caller 1: wallet holds ", failure, StringComparison.Ordinal);
    }

    /// <summary>A sandbox and the workload on it; disposal is bounded so a hung sandbox fails the test instead of the run.</summary>
    private sealed class WorkloadRun : IAsyncDisposable
    {
        private WorkloadRun(AttentionSandbox sandbox, MixedSandboxWorkload workload)
        {
            Sandbox = sandbox;
            Workload = workload;
        }

        public AttentionSandbox Sandbox { get; }

        public MixedSandboxWorkload Workload { get; }

        public static async Task<WorkloadRun> StartAsync(int callers, CancellationToken cancellationToken)
        {
            var sandbox = await AttentionSandbox.StartAsync(MixedSandboxWorkload.SandboxOptions(), cancellationToken);
            try
            {
                return new WorkloadRun(sandbox, await MixedSandboxWorkload.CreateAsync(sandbox, callers, cancellationToken).WaitAsync(HangDeadline, cancellationToken));
            }
            catch
            {
                await sandbox.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Workload.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
            await Sandbox.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        }
    }
}
