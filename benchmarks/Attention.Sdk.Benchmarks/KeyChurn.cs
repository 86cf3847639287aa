using System.Diagnostics;
using System.Globalization;
using System.Threading.RateLimiting;
using Attention.Sdk.RateLimiting;

namespace Attention.Sdk.Benchmarks;

/// <summary>
/// <c>--key-churn [keys] [baseline-keys]</c>: a SaaS creating a client per customer key. Each key takes one permit of a
/// 60-per-minute limit and is never seen again, while a simulated clock advances 10 ms per key (so about 6,000 keys are
/// inside their window at any moment). Every 100,000 keys it prints the limiters held, the live timers of the process and the
/// heap after a full collection. The baseline is the previous design (one auto-replenishing SlidingWindowRateLimiter per key
/// in a dictionary that is never pruned, each with its own timer), run for fewer keys because it does not stay flat.
/// </summary>
public static class KeyChurn
{
    private static readonly RateLimitPolicy s_policy = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    public static int Run(string[] args)
    {
        var keys = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var baselineKeys = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        Console.WriteLine("design,keys,limiters,timers,heap_mb,seconds");
        var clock = new SteppedClock();
        var provider = new InProcessClientRateLimiterProvider(sweepInterval: TimeSpan.FromDays(1));
        var watch = Stopwatch.StartNew();
        Report("in-process (evicting)", 0, provider.Count, watch);
        for (var i = 1; i <= keys; i++)
        {
            var partition = new ClientRateLimitPartition("autopersonas", ClientRateLimitPartition.HashApiKey("ap_live_" + i.ToString(CultureInfo.InvariantCulture)), s_policy, clock);
            using (provider.GetLimiter(partition).AttemptAcquire(1))
            {
            }

            clock.Advance(TimeSpan.FromMilliseconds(10));
            if (i % 100_000 == 0)
            {
                Report("in-process (evicting)", i, provider.Count, watch);
            }
        }

        var baseline = new Dictionary<string, RateLimiter>(StringComparer.Ordinal);
        watch.Restart();
        for (var i = 1; i <= baselineKeys; i++)
        {
            var limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
            {
                PermitLimit = s_policy.PermitLimit,
                Window = s_policy.Window,
                SegmentsPerWindow = 12,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
            baseline[ClientRateLimitPartition.HashApiKey("ap_live_" + i.ToString(CultureInfo.InvariantCulture))] = limiter;
            limiter.AttemptAcquire(1).Dispose();
            if (i % 25_000 == 0)
            {
                Report("baseline (timer per key, never pruned)", i, baseline.Count, watch);
            }
        }

        foreach (var limiter in baseline.Values)
        {
            limiter.Dispose();
        }

        return 0;
    }

    private static void Report(string design, int keys, int limiters, Stopwatch watch)
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true) / (1024.0 * 1024.0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{design},{keys},{limiters},{Timer.ActiveCount},{heap:0.0},{watch.Elapsed.TotalSeconds:0.0}"));
    }

    /// <summary>A clock the loop moves forward; it creates no timers (nothing in the churn should wait).</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks = DateTimeOffset.UnixEpoch.AddYears(56).UtcTicks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan delta) => Interlocked.Add(ref _ticks, delta.Ticks);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            throw new InvalidOperationException("The churn takes permits without waiting; no timer is expected.");
    }
}
