using System.Threading.RateLimiting;

namespace Attention.Sdk.RateLimiting;

/// <summary>
/// An exact sliding-window limiter without a timer: it remembers the times of the last <see cref="RateLimitPolicy.PermitLimit"/>
/// permits (a ring), and a caller reserves the earliest time at which one more keeps every window within the limit, then waits
/// for it. Reservations are made in arrival order, so waiters are served first come, first served, and the only timers are those
/// of callers actually waiting. A cancelled wait gives its reservation back when it is still the newest.
/// </summary>
internal sealed class SlidingLogRateLimiter : RateLimiter
{
    private readonly InProcessClientRateLimiterProvider _owner;
    private readonly ClientRateLimitPartition _partition;
    private readonly TimeProvider _time;
    private readonly long _window;
    private readonly long[] _ring;
    private readonly object _gate = new();
    private int _next;
    private int _count;
    private bool _evicted;

    public SlidingLogRateLimiter(InProcessClientRateLimiterProvider owner, ClientRateLimitPartition partition)
    {
        _owner = owner;
        _partition = partition;
        _time = partition.TimeProvider;
        _window = Math.Max(1, (long)(partition.Policy.Window.TotalSeconds * _time.TimestampFrequency));
        _ring = new long[partition.Policy.PermitLimit];
    }

    /// <inheritdoc />
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = _time.GetTimestamp();
                return IsIdle(now) ? (_count == 0 ? TimeSpan.Zero : ToTimeSpan(now - (Newest + _window))) : null;
            }
        }
    }

    private long Newest => _ring[(_next + _ring.Length - 1) % _ring.Length];

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var free = _ring.Length - _count;
            for (var i = 0; i < _count; i++)
            {
                if (_ring[i] + _window <= now)
                {
                    free++;
                }
            }

            return new RateLimiterStatistics { CurrentAvailablePermits = free, CurrentQueuedCount = 0 };
        }
    }

    /// <summary>Marks the limiter evicted when no permit is inside its window any more (it then equals a fresh one).</summary>
    internal bool TryEvict()
    {
        lock (_gate)
        {
            _evicted |= IsIdle(_time.GetTimestamp());
            return _evicted;
        }
    }

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckPermitCount(permitCount);
        var limiter = this;
        while (true)
        {
            switch (limiter.TryTakeNow(permitCount, out var retryAfter))
            {
                case TakeResult.Taken:
                    return ClientRateLimitLease.Acquired;
                case TakeResult.Refused:
                    return ClientRateLimitLease.Refused(retryAfter);
                default:
                    limiter = _owner.Resolve(_partition);
                    break;
            }
        }
    }

    /// <inheritdoc />
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckPermitCount(permitCount);
        cancellationToken.ThrowIfCancellationRequested();
        if (permitCount == 0)
        {
            return ClientRateLimitLease.Acquired;
        }

        var limiter = this;
        Reservation reservation;
        while (!limiter.TryReserve(out reservation))
        {
            limiter = _owner.Resolve(_partition);
        }

        var wait = reservation.Slot - _time.GetTimestamp();
        if (wait > 0)
        {
            try
            {
                await Task.Delay(ToTimeSpan(wait), _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                limiter.GiveBack(reservation);
                throw;
            }
        }

        return ClientRateLimitLease.Acquired;
    }

    private TakeResult TryTakeNow(int permitCount, out TimeSpan? retryAfter)
    {
        retryAfter = null;
        lock (_gate)
        {
            if (_evicted)
            {
                return TakeResult.Evicted;
            }

            var now = _time.GetTimestamp();
            var slot = EarliestSlot(now);
            if (slot > now)
            {
                retryAfter = ToTimeSpan(slot - now);
                return TakeResult.Refused;
            }

            if (permitCount > 0)
            {
                Record(slot);
            }

            return TakeResult.Taken;
        }
    }

    private bool TryReserve(out Reservation reservation)
    {
        lock (_gate)
        {
            if (_evicted)
            {
                reservation = default;
                return false;
            }

            var slot = EarliestSlot(_time.GetTimestamp());
            reservation = new Reservation(slot, _next, _ring[_next], _count);
            Record(slot);
            return true;
        }
    }

    private void GiveBack(Reservation reservation)
    {
        lock (_gate)
        {
            // Only the newest reservation can be undone without reordering the ring; an older one stays spent (never too many).
            var index = (_next + _ring.Length - 1) % _ring.Length;
            if (index == reservation.Index && _ring[index] == reservation.Slot && reservation.Slot > _time.GetTimestamp())
            {
                _ring[index] = reservation.Overwritten;
                _next = index;
                _count = reservation.CountBefore;
            }
        }
    }

    // One more permit at `slot` keeps every window within the limit when the permit PermitLimit places back is a window older.
    private long EarliestSlot(long now) => _count < _ring.Length ? Math.Max(now, _count == 0 ? now : Newest) : Math.Max(now, _ring[_next] + _window);

    private void Record(long slot)
    {
        _ring[_next] = slot;
        _next = (_next + 1) % _ring.Length;
        _count = Math.Min(_count + 1, _ring.Length);
    }

    private bool IsIdle(long now) => _count == 0 || Newest + _window <= now;

    private TimeSpan ToTimeSpan(long timestampDelta) => TimeSpan.FromSeconds((double)timestampDelta / _time.TimestampFrequency);

    private void CheckPermitCount(int permitCount) =>
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1);

    private enum TakeResult
    {
        Taken,
        Refused,
        Evicted,
    }

    private readonly record struct Reservation(long Slot, int Index, long Overwritten, int CountBefore);
}
