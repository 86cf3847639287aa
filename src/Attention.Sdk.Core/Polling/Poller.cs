namespace Attention.Sdk.Polling;

/// <summary>
/// The one polling loop behind every wait helper: polls until a condition holds, with a growing interval, an overall
/// timeout, the caller's cancellation, and the server's <c>Retry-After</c> honoured when a poll is rate limited or
/// the server is briefly unavailable.
/// </summary>
public static class Poller
{
    /// <summary>
    /// Polls <paramref name="poll"/> until <paramref name="isDone"/> returns true and returns that value. A poll failing with
    /// <see cref="AttentionRateLimitException"/> or a 503 <see cref="AttentionServerException"/> (after the pipeline's own retries) waits
    /// the server's <c>Retry-After</c> (or the current interval) and polls again; any other exception ends the wait.
    /// </summary>
    /// <exception cref="PollingTimeoutException">The condition did not hold within <see cref="PollingOptions.Timeout"/>.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public static async Task<T> PollUntilAsync<T>(
        Func<CancellationToken, Task<T>> poll,
        Func<T, bool> isDone,
        PollingOptions? options,
        TimeProvider? timeProvider,
        string description,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(poll);
        ArgumentNullException.ThrowIfNull(isDone);
        options ??= PollingOptions.Default;
        options.Validate();
        var time = timeProvider ?? TimeProvider.System;
        var started = time.GetTimestamp();
        var interval = options.Interval;
        var polls = 0;
        object? last = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan? serverWait = null;
            try
            {
                polls++;
                var value = await poll(cancellationToken).ConfigureAwait(false);
                last = value;
                if (isDone(value))
                {
                    return value;
                }
            }
            catch (AttentionApiException ex) when (IsTransient(ex))
            {
                serverWait = ex.RetryAfter;
            }

            var remaining = options.Timeout - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new PollingTimeoutException(
                    $"Gave up waiting for {description} after {options.Timeout.TotalSeconds:0.###} s ({polls} polls).",
                    options.Timeout,
                    last,
                    polls);
            }

            var delay = serverWait ?? interval;
            await Task.Delay(delay < remaining ? delay : remaining, time, cancellationToken).ConfigureAwait(false);
            interval = TimeSpan.FromTicks(Math.Min((long)(interval.Ticks * options.BackoffFactor), options.MaxInterval.Ticks));
        }
    }

    private static bool IsTransient(AttentionApiException ex) =>
        ex is AttentionRateLimitException || ex.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable;
}
