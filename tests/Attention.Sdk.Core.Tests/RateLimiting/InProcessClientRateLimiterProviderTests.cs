using System.Threading.RateLimiting;
using Attention.Sdk.RateLimiting;
using Attention.Sdk.Testing.Time;

namespace Attention.Sdk.Core.Tests.RateLimiting;

public sealed class InProcessClientRateLimiterProviderTests
{
    private static readonly RateLimitPolicy s_twoPerTenSeconds = new() { PermitLimit = 2, Window = TimeSpan.FromSeconds(10) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ClientRateLimitPartition Partition(ManualTimeProvider clock, int key = 0, RateLimitPolicy? policy = null) =>
        new("api", ClientRateLimitPartition.HashApiKey("key-" + key), policy ?? s_twoPerTenSeconds, clock);

    [Fact]
    public void Ten_thousand_keys_leave_no_timer_and_no_limiter_once_their_windows_pass()
    {
        var clock = new ManualTimeProvider();
        var provider = new InProcessClientRateLimiterProvider();
        for (var i = 0; i < 10_000; i++)
        {
            Assert.True(provider.GetLimiter(Partition(clock, i)).AttemptAcquire(1).IsAcquired);
        }

        Assert.Equal(0, clock.ScheduledTimerCount);
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(10_000, provider.EvictIdle());
        Assert.Equal(0, provider.Count);
    }

    [Fact]
    public void Growth_past_the_sweep_threshold_drops_idle_limiters_without_a_timer()
    {
        var clock = new ManualTimeProvider();
        var provider = new InProcessClientRateLimiterProvider(sweepInterval: TimeSpan.FromDays(1));
        var policy = new RateLimitPolicy { PermitLimit = 5, Window = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 30_000; i++)
        {
            provider.GetLimiter(Partition(clock, i, policy)).AttemptAcquire(1).Dispose();
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        // 2 s of keys at one per millisecond are in their window; sweeps at twice the live count keep the rest away.
        Assert.InRange(provider.Count, 2_000, 5_000);
        Assert.Equal(0, clock.ScheduledTimerCount);
    }

    [Fact]
    public void A_limiter_with_a_permit_inside_its_window_is_kept_and_keeps_its_budget()
    {
        var clock = new ManualTimeProvider();
        var provider = new InProcessClientRateLimiterProvider();
        var limiter = provider.GetLimiter(Partition(clock));
        Assert.True(limiter.AttemptAcquire(1).IsAcquired);
        Assert.True(limiter.AttemptAcquire(1).IsAcquired);
        clock.Advance(TimeSpan.FromSeconds(9));

        Assert.Equal(0, provider.EvictIdle());

        using var refused = provider.GetLimiter(Partition(clock)).AttemptAcquire(1);
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
    }

    [Fact]
    public void A_limiter_obtained_before_its_eviction_takes_the_permit_from_the_current_one()
    {
        var clock = new ManualTimeProvider();
        var provider = new InProcessClientRateLimiterProvider();
        var stale = provider.GetLimiter(Partition(clock));
        stale.AttemptAcquire(1).Dispose();
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, provider.EvictIdle());

        Assert.True(stale.AttemptAcquire(1).IsAcquired);
        Assert.True(provider.GetLimiter(Partition(clock)).AttemptAcquire(1).IsAcquired);

        Assert.False(provider.GetLimiter(Partition(clock)).AttemptAcquire(1).IsAcquired);
    }

    [Fact]
    public async Task Waiters_are_served_in_arrival_order_and_no_window_holds_more_than_the_limit()
    {
        var clock = new ManualTimeProvider();
        var limiter = new InProcessClientRateLimiterProvider().GetLimiter(Partition(clock));
        var callers = Enumerable.Range(0, 6).Select(_ => limiter.AcquireAsync(1, Ct).AsTask()).ToArray();
        Assert.True(callers[0].IsCompletedSuccessfully && callers[1].IsCompletedSuccessfully);
        var start = ManualTimeProvider.DefaultStart;

        for (var round = 1; round <= 2; round++)
        {
            var due = callers[(2 * round)..(2 * round + 2)];
            Assert.All(callers[(2 * round)..], c => Assert.False(c.IsCompleted));
            while (!due.All(c => c.IsCompleted) && clock.AdvanceToNextTimer())
            {
                await Task.WhenAny(Task.WhenAll(due), Task.Delay(TimeSpan.FromSeconds(10), TimeProvider.System, Ct));
            }

            Assert.All(await Task.WhenAll(due), lease => Assert.True(lease.IsAcquired));
            Assert.Equal(start.AddSeconds(10 * round), clock.GetUtcNow());
        }
    }

    [Fact]
    public async Task A_cancelled_wait_gives_its_permit_back()
    {
        var clock = new ManualTimeProvider();
        var limiter = new InProcessClientRateLimiterProvider().GetLimiter(Partition(clock, policy: new RateLimitPolicy { PermitLimit = 1, Window = TimeSpan.FromSeconds(10) }));
        limiter.AttemptAcquire(1).Dispose();
        using var cancel = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync(1, cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(limiter.AttemptAcquire(1).IsAcquired);
    }

    [Fact]
    public void Partitions_with_different_keys_or_clocks_do_not_share_a_budget()
    {
        var clock = new ManualTimeProvider();
        var provider = new InProcessClientRateLimiterProvider();
        var policy = new RateLimitPolicy { PermitLimit = 1, Window = TimeSpan.FromSeconds(10) };
        Assert.True(provider.GetLimiter(Partition(clock, 1, policy)).AttemptAcquire(1).IsAcquired);

        Assert.True(provider.GetLimiter(Partition(clock, 2, policy)).AttemptAcquire(1).IsAcquired);
        Assert.True(provider.GetLimiter(Partition(new ManualTimeProvider(), 1, policy)).AttemptAcquire(1).IsAcquired);
        Assert.False(provider.GetLimiter(Partition(clock, 1, policy)).AttemptAcquire(1).IsAcquired);
    }
}
