using System.Runtime.CompilerServices;
using Attention.Sandbox.Workload;

namespace Attention.Sandbox.Tests;

/// <summary>
/// A disposed sandbox leaves nothing behind that keeps its state alive: a test suite starts many in one process, and the soak
/// measures the heap after disposal. Checked after the mixed workload, so webhooks, payments, claims and AutoPersonas all ran.
/// </summary>
[Collection(StressCollection.Name)]
public sealed class SandboxLifetimeTests
{
    [Fact]
    public async Task A_disposed_sandbox_that_served_the_mixed_workload_can_be_collected_with_its_clients()
    {
        var (sandbox, workload) = await RunAndDisposeAsync(TestContext.Current.CancellationToken);

        for (var i = 0; i < 10 && (sandbox.IsAlive || workload.IsAlive); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();

            // Background sends the dispose cancelled may still be unwinding.
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.False(sandbox.IsAlive, "the disposed sandbox is still reachable");
        Assert.False(workload.IsAlive, "the workload and its SDK clients are still reachable");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(WeakReference Sandbox, WeakReference Workload)> RunAndDisposeAsync(CancellationToken cancellationToken)
    {
        var sandbox = await AttentionSandbox.StartAsync(MixedSandboxWorkload.SandboxOptions(), cancellationToken);
        var workload = await MixedSandboxWorkload.CreateAsync(sandbox, 4, cancellationToken);
        await workload.RunAsync(n => n <= 300, cancellationToken).WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
        Assert.Empty(workload.CheckInvariants());
        await workload.DisposeAsync();
        await sandbox.DisposeAsync();
        return (new WeakReference(sandbox), new WeakReference(workload));
    }
}
