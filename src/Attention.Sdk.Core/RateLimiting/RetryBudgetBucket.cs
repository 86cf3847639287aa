namespace Attention.Sdk.RateLimiting;

/// <summary>
/// One in-process retry budget, without a timer: a balance and the time it was last brought up to date. Between two uses the
/// balance relaxes exponentially towards the reserve (<see cref="RetryBudgetPolicy.Reserve"/>) with the policy's window as
/// time constant: deposits above the reserve fade (they count for recent calls only), and an empty budget refills at
/// <see cref="RetryBudgetPolicy.MinRetriesPerSecond"/> at first. A bucket back at the reserve equals a fresh one and may be evicted.
/// </summary>
internal sealed class RetryBudgetBucket
{
    // Within this of the reserve a bucket counts as fresh: dropping it changes no decision by more than a hundredth of a retry.
    private const double FreshTolerance = 0.01;

#if NET9_0_OR_GREATER
    // Every call deposits under this lock: System.Threading.Lock takes less time than a monitor, contended or not.
    private readonly Lock _gate = new();
#else
    private readonly object _gate = new();
#endif
    private readonly TimeProvider _time;
    private readonly double _reserve;
    private readonly double _ratio;
    private readonly double _windowTicks;
    private double _balance;
    private long _updated;
    private bool _evicted;

    public RetryBudgetBucket(RetryBudgetPolicy policy, TimeProvider time)
    {
        _time = time;
        _reserve = policy.Reserve;
        _ratio = policy.Ratio;
        _windowTicks = policy.Window.TotalSeconds * time.TimestampFrequency;
        _balance = _reserve;
        _updated = time.GetTimestamp();
    }

    /// <summary>The balance now, in retries (for tests and diagnostics).</summary>
    public double Balance
    {
        get
        {
            lock (_gate)
            {
                Advance();
                return _balance;
            }
        }
    }

    /// <summary>Adds one call's deposit; false when the bucket was evicted (the caller resolves a new one).</summary>
    public bool TryDeposit()
    {
        lock (_gate)
        {
            if (_evicted)
            {
                return false;
            }

            Advance();
            _balance += _ratio;
            return true;
        }
    }

    /// <summary>Takes one retry when the balance holds one; null when the bucket was evicted.</summary>
    public bool? TryWithdraw()
    {
        lock (_gate)
        {
            if (_evicted)
            {
                return null;
            }

            Advance();
            if (_balance < 1)
            {
                return false;
            }

            _balance -= 1;
            return true;
        }
    }

    /// <summary>Marks the bucket evicted when it has relaxed back to a fresh one's balance.</summary>
    public bool TryEvict()
    {
        lock (_gate)
        {
            Advance();
            if (Math.Abs(_balance - _reserve) > FreshTolerance)
            {
                return false;
            }

            _evicted = true;
            return true;
        }
    }

    private void Advance()
    {
        var now = _time.GetTimestamp();
        var elapsed = now - _updated;
        if (elapsed <= 0)
        {
            return;
        }

        _balance = _reserve + ((_balance - _reserve) * Math.Exp(-elapsed / _windowTicks));
        _updated = now;
    }
}
