using System.Collections.Concurrent;

namespace Attention.Sdk.Http;

/// <summary>
/// The token sources that bound attempts by <see cref="AttentionClientOptions.AttemptTimeout"/>, each linked to the
/// call's token. On the system clock a finished attempt's source is reset and kept: re-arming it reuses its timer, so a
/// steady stream of attempts allocates no token source, timer or link (the way Polly pools its timeout sources). An
/// injected clock gets a fresh source driven by that clock, so tests can move time.
/// </summary>
internal sealed class AttemptDeadlines(TimeSpan timeout, TimeProvider time, bool isOverallTimeout = false)
{
    // Enough for a busy client's concurrent attempts; beyond it a finished source is simply disposed.
    private const int MaxPooled = 256;

    private readonly ConcurrentQueue<CancellationTokenSource> _pool = new();
    private readonly bool _pooled = time == TimeProvider.System;
    private int _count;

    public TimeSpan Timeout => timeout;

    /// <summary>
    /// What an elapsed deadline means: the attempt timeout (retryable when safe), or, for a first attempt bounded by the
    /// shorter overall timeout, the overall timeout, reported as Polly's own timeout is.
    /// </summary>
    public Exception CreateTimeoutException() => isOverallTimeout
        ? new Polly.Timeout.TimeoutRejectedException($"The call did not complete within {timeout.TotalSeconds:0.###} s.", timeout)
        : new AttemptTimeoutException(timeout);

    /// <summary>Starts an attempt's deadline: its token is cancelled when the timeout elapses or <paramref name="callToken"/> is.</summary>
    public AttemptDeadline Start(CancellationToken callToken)
    {
        CancellationTokenSource source;
        if (!_pooled)
        {
            source = new CancellationTokenSource(timeout, time);
        }
        else
        {
            if (_pool.TryDequeue(out var reused))
            {
                Interlocked.Decrement(ref _count);
                source = reused;
            }
            else
            {
                source = new CancellationTokenSource();
            }

            source.CancelAfter(timeout);
        }

        var link = callToken.CanBeCanceled
            ? callToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source)
            : default;
        return new AttemptDeadline(source, link);
    }

    /// <summary>Ends the attempt: unlinks its source and keeps it for the next attempt if it never fired.</summary>
    public void Finish(AttemptDeadline deadline)
    {
        // Disposing the link waits for a running cancel callback, so after it nothing but the timer can touch the source;
        // TryReset fails if the timer fired (or is firing), and then the source is not reused.
        deadline.Link.Dispose();
        var source = deadline.Source;
        if (_pooled && source.TryReset())
        {
            if (Interlocked.Increment(ref _count) <= MaxPooled)
            {
                _pool.Enqueue(source);
                return;
            }

            Interlocked.Decrement(ref _count);
        }

        source.Dispose();
    }
}

/// <summary>One attempt's deadline: the source whose token the attempt runs under and its link to the call's token.</summary>
internal readonly record struct AttemptDeadline(CancellationTokenSource Source, CancellationTokenRegistration Link)
{
    public CancellationToken Token => Source.Token;

    public bool HasFired => Source.IsCancellationRequested;
}
