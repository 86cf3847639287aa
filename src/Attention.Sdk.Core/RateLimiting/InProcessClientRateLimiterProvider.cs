using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Attention.Sdk.RateLimiting;

/// <summary>
/// The default <see cref="IClientRateLimiterProvider"/>: one exact sliding-window limiter per partition (API, key hash, policy
/// and clock) in this process. It runs no timer: a limiter whose last permit has left its window equals a fresh one and is
/// dropped by a sweep that runs, amortised, from <see cref="GetLimiter"/> (when the number of limiters has doubled since the last
/// sweep, or a sweep interval has passed). State is therefore bounded by the keys used within one window, however many keys a
/// process sees over its life.
/// </summary>
public sealed class InProcessClientRateLimiterProvider : IClientRateLimiterProvider
{
    private const int MinimumSweepThreshold = 1024;
    private readonly ConcurrentDictionary<(string Id, TimeProvider Clock), SlidingLogRateLimiter> _limiters = new();
    private readonly long _sweepIntervalMs;
    private long _nextSweepAt;
    private int _sweepThreshold = MinimumSweepThreshold;
    private int _sweeping;

    /// <summary>Creates a provider (most applications use <see cref="Shared"/>, so every client in the process shares budgets).</summary>
    /// <param name="sweepInterval">How often, at most, idle limiters are looked for when the count has not doubled. Default: 1 minute.</param>
    public InProcessClientRateLimiterProvider(TimeSpan? sweepInterval = null)
    {
        var interval = sweepInterval ?? TimeSpan.FromMinutes(1);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero, nameof(sweepInterval));
        _sweepIntervalMs = (long)interval.TotalMilliseconds;
        _nextSweepAt = Environment.TickCount64 + _sweepIntervalMs;
    }

    /// <summary>The provider every client uses unless <see cref="AttentionClientOptions.RateLimiterProvider"/> names another.</summary>
    public static InProcessClientRateLimiterProvider Shared { get; } = new();

    /// <summary>How many limiters are held now (idle ones included until the next sweep).</summary>
    public int Count => _limiters.Count;

    /// <inheritdoc />
    public RateLimiter GetLimiter(ClientRateLimitPartition partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        if (_limiters.Count >= Volatile.Read(ref _sweepThreshold) || Environment.TickCount64 >= Volatile.Read(ref _nextSweepAt))
        {
            EvictIdle();
        }

        return Resolve(partition);
    }

    /// <summary>Drops every limiter with no permit left inside its window; returns how many were dropped.</summary>
    public int EvictIdle()
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return 0;
        }

        try
        {
            var evicted = 0;
            foreach (var entry in _limiters)
            {
                // Marked under the limiter's lock first, so a caller holding it re-resolves instead of taking a permit from a dropped one.
                if (entry.Value.TryEvict() && _limiters.TryRemove(entry))
                {
                    evicted++;
                }
            }

            Volatile.Write(ref _sweepThreshold, Math.Max(MinimumSweepThreshold, _limiters.Count * 2));
            Volatile.Write(ref _nextSweepAt, Environment.TickCount64 + _sweepIntervalMs);
            return evicted;
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    internal SlidingLogRateLimiter Resolve(ClientRateLimitPartition partition) =>
        _limiters.GetOrAdd((partition.Id, partition.TimeProvider), static (_, state) => new SlidingLogRateLimiter(state.Owner, state.Partition), (Owner: this, Partition: partition));
}
