using System.Diagnostics;
using System.Globalization;
using Attention.Sdk.RateLimiting;
using Attention.Sdk.Redis;
using StackExchange.Redis;

namespace Attention.Sdk.Benchmarks;

/// <summary>
/// <c>--permit-latency &lt;redis-configuration&gt; [permits] [callers]</c>: time per permit and permits per second through the
/// Redis limiter and the in-process limiter, alternating rounds in the same run, with a limit high enough that nobody waits
/// (so it measures the cost of asking, not the window). Start a redis-server on loopback first.
/// </summary>
public static class PermitLatency
{
    private static readonly RateLimitPolicy s_policy = new() { PermitLimit = 100_000_000, Window = TimeSpan.FromMinutes(1) };

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = args[0];
        var permits = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        var callers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        var partition = new ClientRateLimitPartition("bench", ClientRateLimitPartition.HashApiKey(Guid.NewGuid().ToString()), s_policy);
        IClientRateLimiterProvider inProcess = new InProcessClientRateLimiterProvider();
        IClientRateLimiterProvider shared = new RedisClientRateLimiterProvider(redis, new RedisRateLimiterOptions { KeyPrefix = "bench:" + Guid.NewGuid().ToString("N")[..8] + ":" });
        Console.WriteLine("round,limiter,callers,us_per_permit_one_caller,permits_per_s");
        for (var round = 1; round <= 3; round++)
        {
            foreach (var (name, provider) in new[] { ("in-process", inProcess), ("redis", shared) })
            {
                var single = await MeasureAsync(provider, partition, permits / 10, 1);
                var concurrent = await MeasureAsync(provider, partition, permits, callers);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{round},{name},{callers},{single.TotalMicroseconds / (permits / 10):0.0},{permits / concurrent.TotalSeconds:0}"));
            }
        }

        return 0;
    }

    private static async Task<TimeSpan> MeasureAsync(IClientRateLimiterProvider provider, ClientRateLimitPartition partition, int permits, int callers)
    {
        var remaining = permits;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                using var lease = await provider.GetLimiter(partition).AcquireAsync(1);
            }
        }));
        return watch.Elapsed;
    }
}
