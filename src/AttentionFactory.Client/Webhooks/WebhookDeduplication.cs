namespace AttentionFactory.Webhooks;

/// <summary>
/// Remembers which deliveries were already handled, keyed by <see cref="WebhookEvent.DeduplicationKey"/> (event name + action or
/// rental id), so a redelivered event is processed once. <see cref="InMemoryWebhookDeduplicationStore"/> suits one process;
/// implement this interface over a database or cache for several instances or across restarts.
/// </summary>
public interface IWebhookDeduplicationStore
{
    /// <summary>Records the key; returns <see langword="true"/> the first time (process the event), <see langword="false"/> for a duplicate (skip it).</summary>
    /// <param name="key">The de-duplication key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<bool> TryRegisterAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Forgets the key, so a redelivery is processed again (call it when handling the event failed).</summary>
    /// <param name="key">The de-duplication key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>Convenience methods over <see cref="IWebhookDeduplicationStore"/>.</summary>
public static class WebhookDeduplicationStoreExtensions
{
    /// <summary>Records the event's <see cref="WebhookEvent.DeduplicationKey"/>; true the first time, false for a duplicate.</summary>
    /// <param name="store">The store.</param>
    /// <param name="webhookEvent">The verified event.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static ValueTask<bool> TryRegisterAsync(this IWebhookDeduplicationStore store, WebhookEvent webhookEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(webhookEvent);
        return store.TryRegisterAsync(webhookEvent.DeduplicationKey, cancellationToken);
    }
}

/// <summary>
/// An in-memory, bounded <see cref="IWebhookDeduplicationStore"/>: keys expire after a time-to-live, and beyond the capacity the
/// oldest keys are dropped. Thread-safe. Per process only: use a durable store when several instances receive webhooks.
/// </summary>
public sealed class InMemoryWebhookDeduplicationStore : IWebhookDeduplicationStore
{
    private readonly Dictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset Expires)> _order = new();
    private readonly object _gate = new();
    private readonly TimeProvider _time;

    /// <summary>Creates the store.</summary>
    /// <param name="capacity">The most keys kept. Default: 100,000.</param>
    /// <param name="timeToLive">How long a key is remembered. Default: 24 hours.</param>
    /// <param name="timeProvider">The clock. Default: <see cref="TimeProvider.System"/>.</param>
    public InMemoryWebhookDeduplicationStore(int capacity = 100_000, TimeSpan? timeToLive = null, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        TimeToLive = timeToLive ?? TimeSpan.FromHours(24);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TimeToLive, TimeSpan.Zero, nameof(timeToLive));
        Capacity = capacity;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The most keys kept.</summary>
    public int Capacity { get; }

    /// <summary>How long a key is remembered.</summary>
    public TimeSpan TimeToLive { get; }

    /// <summary>How many keys are remembered now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                Purge(_time.GetUtcNow());
                return _expiries.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> TryRegisterAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            Purge(now);
            if (_expiries.ContainsKey(key))
            {
                return ValueTask.FromResult(false);
            }

            while (_expiries.Count >= Capacity && _order.TryDequeue(out var oldest))
            {
                Forget(oldest);
            }

            var expires = now + TimeToLive;
            _expiries[key] = expires;
            _order.Enqueue((key, expires));
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        lock (_gate)
        {
            _expiries.Remove(key);
        }

        return ValueTask.CompletedTask;
    }

    private void Purge(DateTimeOffset now)
    {
        while (_order.TryPeek(out var head) && (head.Expires <= now || !_expiries.TryGetValue(head.Key, out var current) || current != head.Expires))
        {
            _order.Dequeue();
            Forget(head);
        }
    }

    private void Forget((string Key, DateTimeOffset Expires) entry)
    {
        if (_expiries.TryGetValue(entry.Key, out var current) && current == entry.Expires)
        {
            _expiries.Remove(entry.Key);
        }
    }
}
