using System.Collections.Concurrent;

namespace Attention.Sdk.RateLimiting;

/// <summary>
/// The default <see cref="IRetryBudgetProvider"/>: one budget per partition (API, key hash, policy and clock) in this process.
/// It runs no timer: a budget relaxes towards its reserve between uses, one back at the reserve equals a fresh one, and such
/// budgets are dropped by a sweep that runs, amortised, from the provider's calls (when the number of budgets has doubled
/// since the last sweep, or a sweep interval has passed). State is bounded by the keys that failed or called recently.
/// </summary>
public sealed class InProcessRetryBudgetProvider : IRetryBudgetProvider
{
    private const int MinimumSweepThreshold = 1024;
    private readonly ConcurrentDictionary<(string Id, TimeProvider Clock), RetryBudgetBucket> _buckets = new();
    private readonly long _sweepIntervalMs;
    private long _nextSweepAt;
    private int _sweepThreshold = MinimumSweepThreshold;
    private int _sweeping;

    // Kept beside the dictionary because ConcurrentDictionary.Count takes every lock, and the sweep check runs on every call.
    private int _held;

    /// <summary>Creates a provider (most applications use <see cref="Shared"/>, so every client in the process shares budgets).</summary>
    /// <param name="sweepInterval">How often, at most, budgets back at their reserve are looked for when the count has not doubled. Default: 1 minute.</param>
    public InProcessRetryBudgetProvider(TimeSpan? sweepInterval = null)
    {
        var interval = sweepInterval ?? TimeSpan.FromMinutes(1);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero, nameof(sweepInterval));
        _sweepIntervalMs = (long)interval.TotalMilliseconds;
        _nextSweepAt = Environment.TickCount64 + _sweepIntervalMs;
    }

    /// <summary>The provider every client uses unless <see cref="AttentionClientOptions.RetryBudgetProvider"/> names another.</summary>
    public static InProcessRetryBudgetProvider Shared { get; } = new();

    /// <summary>How many budgets are held now (fresh ones included until the next sweep).</summary>
    public int Count => _buckets.Count;

    /// <inheritdoc />
    public void RecordCall(RetryBudgetPartition partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        SweepIfDue();

        // The partition remembers its bucket in this provider: a call's deposit then costs no hashing of the partition's id
        // and no dictionary lookup. An evicted bucket refuses the deposit, and the partition resolves its bucket again.
        if (partition.HeldBudget is { } held && ReferenceEquals(held.Provider, this) && held.Bucket.TryDeposit())
        {
            return;
        }

        while (true)
        {
            var bucket = Resolve(partition, out var key);
            if (bucket.TryDeposit())
            {
                partition.HeldBudget = new HeldRetryBudget(this, bucket);
                return;
            }

            Remove(key, bucket);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> TryWithdrawRetryAsync(RetryBudgetPartition partition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        while (true)
        {
            var bucket = Resolve(partition, out var key);
            if (bucket.TryWithdraw() is { } taken)
            {
                return ValueTask.FromResult(taken);
            }

            Remove(key, bucket);
        }
    }

    /// <summary>The retries the partition's budget holds now (its reserve when it holds no state).</summary>
    /// <param name="partition">The API, key hash and policy.</param>
    public double GetBalance(RetryBudgetPartition partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        return _buckets.TryGetValue((partition.Id, partition.TimeProvider), out var bucket) ? bucket.Balance : partition.Policy.Reserve;
    }

    /// <summary>Drops every budget that is back at its reserve (equal to a fresh one); returns how many were dropped.</summary>
    public int EvictIdle()
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return 0;
        }

        try
        {
            var evicted = 0;
            foreach (var entry in _buckets)
            {
                // Marked under the bucket's lock first, so a caller holding it resolves again instead of using a dropped one.
                if (entry.Value.TryEvict() && Remove(entry.Key, entry.Value))
                {
                    evicted++;
                }
            }

            Volatile.Write(ref _sweepThreshold, Math.Max(MinimumSweepThreshold, Volatile.Read(ref _held) * 2));
            Volatile.Write(ref _nextSweepAt, Environment.TickCount64 + _sweepIntervalMs);
            return evicted;
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    private void SweepIfDue()
    {
        if (Volatile.Read(ref _held) >= Volatile.Read(ref _sweepThreshold) || Environment.TickCount64 >= Volatile.Read(ref _nextSweepAt))
        {
            EvictIdle();
        }
    }

    /// <summary>The partition's bucket, created (and counted) when it has none; <paramref name="key"/> is its dictionary key.</summary>
    private RetryBudgetBucket Resolve(RetryBudgetPartition partition, out (string, TimeProvider) key)
    {
        key = (partition.Id, partition.TimeProvider);
        while (true)
        {
            if (_buckets.TryGetValue(key, out var existing))
            {
                return existing;
            }

            var created = new RetryBudgetBucket(partition.Policy, partition.TimeProvider);
            if (_buckets.TryAdd(key, created))
            {
                Interlocked.Increment(ref _held);
                return created;
            }
        }
    }

    private bool Remove((string, TimeProvider) key, RetryBudgetBucket bucket)
    {
        if (!_buckets.TryRemove(new KeyValuePair<(string, TimeProvider), RetryBudgetBucket>(key, bucket)))
        {
            return false;
        }

        Interlocked.Decrement(ref _held);
        return true;
    }
}

/// <summary>The bucket a partition last deposited to, and the provider that holds it (a partition may be used with several).</summary>
internal sealed record HeldRetryBudget(InProcessRetryBudgetProvider Provider, RetryBudgetBucket Bucket);
