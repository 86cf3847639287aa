using System.Diagnostics;
using System.Net;
using Attention.Sdk.Telemetry;

namespace Attention.Sdk.Polling;

/// <summary>
/// The one polling loop behind every wait helper: polls until a condition holds, with a growing interval, an overall
/// timeout that also bounds each poll, the caller's cancellation, and transient failures ridden out: a long wait does not
/// die on one network blip, a 5xx, a 429 or a poll that timed out.
/// </summary>
public static class Poller
{
    // CancellationTokenSource accepts at most uint.MaxValue - 1 milliseconds (about 49 days); a longer budget needs no timer.
    private static readonly TimeSpan s_longestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private const string WaitDescriptionTag = "attention.wait.description";
    private const string WaitPollsTag = "attention.wait.polls";

    /// <summary>
    /// Polls <paramref name="poll"/> until <paramref name="isDone"/> returns true and returns that value. Each poll gets the time
    /// left of <see cref="PollingOptions.Timeout"/> at most. A poll failing transiently (after the pipeline's own retries) is
    /// polled again after the server's <c>Retry-After</c> or the current interval: a transport failure or timeout
    /// (<see cref="AttentionTransportException"/>), a 5xx or 408, a 429 (<see cref="AttentionRateLimitException"/>) or the
    /// client-side rate limit (<see cref="AttentionClientRateLimitException"/>). Any other exception ends the wait.
    /// </summary>
    /// <exception cref="PollingTimeoutException">The condition did not hold within <see cref="PollingOptions.Timeout"/> (the inner exception is the last poll's failure, if it failed).</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public static Task<T> PollUntilAsync<T>(
        Func<CancellationToken, Task<T>> poll,
        Func<T, bool> isDone,
        PollingOptions? options,
        TimeProvider? timeProvider,
        string description,
        CancellationToken cancellationToken = default)
    {
        // One span for the whole wait, each poll's call span beneath it. Its name stays low-cardinality: the description (which
        // names the resource) is an attribute.
        return AttentionDiagnostics.RunOperationAsync("wait", null, span =>
        {
            span?.SetTag(WaitDescriptionTag, description);
            return PollLoopAsync(poll, isDone, options, timeProvider, span, description, cancellationToken);
        });
    }

    private static async Task<T> PollLoopAsync<T>(
        Func<CancellationToken, Task<T>> poll,
        Func<T, bool> isDone,
        PollingOptions? options,
        TimeProvider? timeProvider,
        Activity? span,
        string description,
        CancellationToken cancellationToken)
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
        Exception? failure = null;
        var cut = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan? serverWait = null;
            var remaining = options.Timeout - time.GetElapsedTime(started);
            if (remaining > TimeSpan.Zero)
            {
                using var budget = remaining < s_longestTimer ? new CancellationTokenSource(remaining, time) : new CancellationTokenSource();
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
                try
                {
                    polls++;
                    span?.SetTag(WaitPollsTag, polls);
                    var value = await poll(linked.Token).ConfigureAwait(false);
                    last = value;
                    failure = null;
                    if (isDone(value))
                    {
                        return value;
                    }
                }
                catch (OperationCanceledException ex) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // The poll ran into the end of the overall budget: the wait is over. An earlier poll's failure says more than the cut.
                    cut = true;
                    failure ??= ex;
                }
                catch (AttentionException ex) when (IsTransient(ex))
                {
                    failure = ex;
                    serverWait = (ex as AttentionApiException)?.RetryAfter ?? (ex as AttentionClientRateLimitException)?.RetryAfter;
                }

                remaining = options.Timeout - time.GetElapsedTime(started);
            }

            if (remaining <= TimeSpan.Zero)
            {
                throw new PollingTimeoutException(
                    $"Gave up waiting for {description} after {options.Timeout.TotalSeconds:0.###} s ({polls} polls)."
                        + (cut ? " The last poll was still running when the time was up." : string.Empty)
                        + (failure is null or OperationCanceledException ? string.Empty : $" The last failed poll: {failure.Message}"),
                    options.Timeout,
                    last,
                    polls,
                    failure);
            }

            var delay = serverWait ?? interval;
            await Task.Delay(delay < remaining ? delay : remaining, time, cancellationToken).ConfigureAwait(false);
            interval = TimeSpan.FromTicks(Math.Min((long)(interval.Ticks * options.BackoffFactor), options.MaxInterval.Ticks));
        }
    }

    /// <summary>Failures that say nothing about the resource, only that this poll did not get through.</summary>
    private static bool IsTransient(AttentionException ex) => ex switch
    {
        AttentionTransportException => true,
        AttentionClientRateLimitException => true,
        AttentionApiException api => api.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)api.StatusCode >= 500,
        _ => false,
    };
}
