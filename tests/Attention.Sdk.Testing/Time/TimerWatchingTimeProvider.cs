namespace Attention.Sdk.Testing.Time;

/// <summary>
/// The real clock (<see cref="TimeProvider.System"/>) that tells a test when code under test starts a timer of a given length:
/// <see cref="WhenTimerStarted"/> completes as soon as a timer is created (or changed) with a due time the predicate accepts,
/// for example the SDK starting to wait out a Retry-After. A test then acts on that event instead of sleeping and hoping the
/// code got there. Thread-safe.
/// </summary>
public sealed class TimerWatchingTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<(Func<TimeSpan, bool> Match, TaskCompletionSource<TimeSpan> Signal)> _watches = [];

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    /// <inheritdoc />
    public override long TimestampFrequency => System.TimestampFrequency;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow();

    /// <inheritdoc />
    public override long GetTimestamp() => System.GetTimestamp();

    /// <summary>A task that completes (with the due time) when a timer whose due time satisfies <paramref name="match"/> is started.</summary>
    public Task<TimeSpan> WhenTimerStarted(Func<TimeSpan, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var signal = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _watches.Add((match, signal));
        }

        return signal.Task;
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WatchedTimer(this, System.CreateTimer(callback, state, dueTime, period));
        Started(dueTime);
        return timer;
    }

    private void Started(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        lock (_gate)
        {
            for (var i = _watches.Count - 1; i >= 0; i--)
            {
                if (_watches[i].Match(dueTime))
                {
                    _watches[i].Signal.TrySetResult(dueTime);
                    _watches.RemoveAt(i);
                }
            }
        }
    }

    private sealed class WatchedTimer(TimerWatchingTimeProvider owner, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            owner.Started(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
