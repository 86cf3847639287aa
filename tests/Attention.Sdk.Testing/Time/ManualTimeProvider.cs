namespace Attention.Sdk.Testing.Time;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock only moves when a test says so. <see cref="Advance"/> (or setting <see cref="UtcNow"/>)
/// fires every timer that falls due, in due-time order, on the calling thread, with the clock set to each timer's due time while
/// its callback runs; periodic timers fire once per elapsed period. Timers behave like <see cref="TimeProvider.System"/> ones
/// (<c>Change</c>, infinite due time to pause, zero period for one-shot, a zero due time fires at once, execution context flows),
/// so <c>Task.Delay(…, provider)</c>, <c>CancellationTokenSource(…, provider)</c> and Polly work. Thread-safe.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    /// <summary>The default start: 2026-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _scheduled = [];
    private long _nowTicks;
    private long _sequence;
    private TimeZoneInfo _localTimeZone = TimeZoneInfo.Utc;

    /// <summary>A clock starting at <see cref="DefaultStart"/>.</summary>
    public ManualTimeProvider()
        : this(DefaultStart)
    {
    }

    /// <summary>A clock starting at <paramref name="startUtc"/>.</summary>
    public ManualTimeProvider(DateTimeOffset startUtc) => _nowTicks = startUtc.UtcTicks;

    /// <summary>The current time. Setting it moves the clock forward like <see cref="Advance"/> (it cannot go back).</summary>
    public DateTimeOffset UtcNow
    {
        get => GetUtcNow();
        set => SetUtcNow(value);
    }

    /// <summary>How many timers are scheduled (created or changed with a finite due time, not yet fired-and-done or disposed).</summary>
    public int ScheduledTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _scheduled.Count;
            }
        }
    }

    /// <summary>When the next timer falls due, or null when none is scheduled.</summary>
    public DateTimeOffset? NextTimerDue
    {
        get
        {
            lock (_gate)
            {
                return _scheduled.Count == 0 ? null : new DateTimeOffset(_scheduled.Min(t => t.DueTicks), TimeSpan.Zero);
            }
        }
    }

    /// <summary>The due time of every scheduled timer, earliest first: lets a test wait until code under test has started a given wait.</summary>
    public IReadOnlyList<DateTimeOffset> ScheduledTimersDue
    {
        get
        {
            lock (_gate)
            {
                return [.. _scheduled.Select(t => new DateTimeOffset(t.DueTicks, TimeSpan.Zero)).Order()];
            }
        }
    }

    /// <summary>
    /// Waits (on the real clock, polling) until a timer due at or after <paramref name="notBefore"/> and at or before
    /// <paramref name="notAfter"/> is scheduled: the event "the code under test is now waiting for that moment". <paramref name="deadline"/>
    /// only bounds a hang; false when it passes first.
    /// </summary>
    public async Task<bool> WaitForTimerAsync(DateTimeOffset notBefore, DateTimeOffset notAfter, TimeSpan deadline, CancellationToken cancellationToken = default)
    {
        var until = System.GetUtcNow() + deadline;
        while (!ScheduledTimersDue.Any(due => due >= notBefore && due <= notAfter))
        {
            if (System.GetUtcNow() >= until)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), System, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _localTimeZone;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _nowTicks), TimeSpan.Zero);

    /// <inheritdoc />
    public override long GetTimestamp() => Interlocked.Read(ref _nowTicks);

    /// <summary>Sets the time zone <see cref="TimeProvider.GetLocalNow"/> uses (UTC by default).</summary>
    public void SetLocalTimeZone(TimeZoneInfo timeZone) => _localTimeZone = timeZone;

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        long target;
        lock (_gate)
        {
            target = _nowTicks + delta.Ticks;
        }

        RunTimersUntil(target);
    }

    /// <summary>Moves the clock forward to <paramref name="value"/>, firing every timer that falls due on the way.</summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        var target = value.UtcTicks;
        ArgumentOutOfRangeException.ThrowIfLessThan(target, Interlocked.Read(ref _nowTicks), nameof(value));
        RunTimersUntil(target);
    }

    /// <summary>Jumps to the next timer's due time and fires it (and any due at the same instant); false when no timer is scheduled.</summary>
    public bool AdvanceToNextTimer()
    {
        if (NextTimerDue is not { } due)
        {
            return false;
        }

        SetUtcNow(due < GetUtcNow() ? GetUtcNow() : due);
        return true;
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state, ExecutionContext.Capture());
        timer.Change(dueTime, period);
        return timer;
    }

    /// <inheritdoc />
    public override string ToString() => GetUtcNow().ToString("O", global::System.Globalization.CultureInfo.InvariantCulture);

    private void RunTimersUntil(long target)
    {
        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = null;
                foreach (var timer in _scheduled)
                {
                    if (timer.DueTicks <= target && (next is null || timer.DueTicks < next.DueTicks || (timer.DueTicks == next.DueTicks && timer.Sequence < next.Sequence)))
                    {
                        next = timer;
                    }
                }

                if (next is null)
                {
                    if (target > _nowTicks)
                    {
                        Interlocked.Exchange(ref _nowTicks, target);
                    }

                    return;
                }

                if (next.DueTicks > _nowTicks)
                {
                    Interlocked.Exchange(ref _nowTicks, next.DueTicks);
                }

                if (next.PeriodTicks > 0)
                {
                    next.DueTicks += next.PeriodTicks;
                    next.Sequence = ++_sequence;
                }
                else
                {
                    _scheduled.Remove(next);
                }
            }

            next.Invoke();
        }
    }

    /// <summary>Schedules (or, with an infinite due time, unschedules) <paramref name="timer"/>; false once it is disposed.</summary>
    private bool Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        bool fireNow;
        lock (_gate)
        {
            if (timer.Disposed)
            {
                return false;
            }

            _scheduled.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }

            timer.DueTicks = _nowTicks + dueTime.Ticks;
            timer.PeriodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
            timer.Sequence = ++_sequence;
            _scheduled.Add(timer);
            fireNow = dueTime == TimeSpan.Zero;
        }

        if (fireNow)
        {
            // A real timer with a zero due time fires straight away; so does this one (synchronously, deterministically).
            RunTimersUntil(Interlocked.Read(ref _nowTicks));
        }

        return true;
    }

    private void Unschedule(ManualTimer timer)
    {
        lock (_gate)
        {
            timer.Disposed = true;
            _scheduled.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state, ExecutionContext? context) : ITimer
    {
        // Guarded by owner._gate.
        public long DueTicks { get; set; }

        public long PeriodTicks { get; set; }

        public long Sequence { get; set; }

        public bool Disposed { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Validate(dueTime, nameof(dueTime));
            Validate(period, nameof(period));
            return owner.Schedule(this, dueTime, period);
        }

        public void Invoke()
        {
            if (context is null)
            {
                callback(state);
            }
            else
            {
                ExecutionContext.Run(context, static s => { var (c, st) = ((TimerCallback, object?))s!; c(st); }, (callback, state));
            }
        }

        public void Dispose() => owner.Unschedule(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private static void Validate(TimeSpan value, string name)
        {
            if (value != Timeout.InfiniteTimeSpan && (value < TimeSpan.Zero || value.TotalMilliseconds > uint.MaxValue - 1))
            {
                throw new ArgumentOutOfRangeException(name, value, "Must be Timeout.InfiniteTimeSpan or between 0 and 4294967294 ms.");
            }
        }
    }
}
