using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;
using Attention.Sdk.RateLimiting;
using Polly;

namespace Attention.Sdk.Http;

/// <summary>
/// One attempt of a call, run as the body of the resilience pipeline (in its frame, not a handler of its own): a permit
/// from the client-side rate limit where the API has one, then the inner handlers under the attempt's deadline, with the
/// whole body read inside it, so a connection that dies mid-body fails this attempt (which the retry rules may repeat)
/// instead of surfacing later. Every attempt after the first gets freshly built content.
/// </summary>
/// <remarks>
/// The steps around the send (<see cref="TryBegin"/>, <see cref="BufferAsync"/>, <see cref="Fail"/>, <see cref="End"/>) are
/// synchronous so that a first attempt with no permit to wait for runs them in <see cref="ResilienceHandler"/>'s own frame:
/// every async frame a call suspends in costs it CPU under load (see docs/performance.md).
/// </remarks>
internal sealed class AttemptSender(
    Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send,
    ClientRateLimitGate? gate)
{
    /// <summary>Whether attempts wait for a client-side rate-limit permit first.</summary>
    public bool HasGate => gate is not null;

    /// <summary>
    /// Runs the attempt under <paramref name="deadlines"/> (none: unbounded); failures come back as the outcome's exception,
    /// an elapsed deadline as <see cref="AttemptDeadlines.CreateTimeoutException"/>.
    /// </summary>
    /// <remarks>
    /// Every retried call awaits attempts here, each suspending on the network: its state machine comes from a pool rather than the heap.
    /// </remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Outcome<HttpResponseMessage>> SendAsync(HttpRequestMessage request, ApiCallContext call, AttemptDeadlines? deadlines, CancellationToken cancellationToken)
    {
        if (!TryBegin(request, call, cancellationToken, out var cancelled))
        {
            return cancelled;
        }

        RateLimitLease? lease = null;
        AttemptDeadline? deadline = null;
        HttpResponseMessage? response = null;
        try
        {
            if (gate is not null)
            {
                lease = await gate.AcquireAsync(request, cancellationToken).ConfigureAwait(false);
            }

            // The deadline starts after the permit: waiting for the limiter never eats an attempt's time.
            deadline = deadlines?.Start(cancellationToken);
            var token = deadline?.Token ?? cancellationToken;
            response = await send(request, token).ConfigureAwait(false);
            await BufferAsync(response, token).ConfigureAwait(false);
            return Outcome.FromResult(response);
        }
        catch (Exception ex)
        {
            return Fail(ex, response, deadlines, deadline, cancellationToken);
        }
        finally
        {
            End(deadlines, deadline);
            lease?.Dispose();
        }
    }

    /// <summary>Counts the attempt and rebuilds its content; false (with the outcome) when the call is already cancelled, which sends nothing and is no attempt.</summary>
    public static bool TryBegin(HttpRequestMessage request, ApiCallContext call, CancellationToken cancellationToken, out Outcome<HttpResponseMessage> cancelled)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            cancelled = Outcome.FromException<HttpResponseMessage>(new OperationCanceledException(cancellationToken));
            return false;
        }

        cancelled = default;
        call.Attempts++;
        if (call.Attempts > 1 && call.ContentFactory is { } rebuild)
        {
            request.Content = rebuild();
        }

        return true;
    }

    /// <summary>The failed attempt's outcome: its exception, or the deadline's timeout when the deadline (not the caller) ended it.</summary>
    public static Outcome<HttpResponseMessage> Fail(Exception ex, HttpResponseMessage? response, AttemptDeadlines? deadlines, AttemptDeadline? deadline, CancellationToken cancellationToken)
    {
        response?.Dispose();
        var timedOut = deadline is { HasFired: true } && !cancellationToken.IsCancellationRequested
            && (ex is OperationCanceledException || TransportFailures.IsTransportFailure(ex));
        return Outcome.FromException<HttpResponseMessage>(timedOut ? deadlines!.CreateTimeoutException() : ex);
    }

    /// <summary>Ends the attempt's deadline, if it had one.</summary>
    public static void End(AttemptDeadlines? deadlines, AttemptDeadline? deadline)
    {
        if (deadline is { } started)
        {
            deadlines!.Finish(started);
        }
    }

    /// <summary>Reads the whole body into memory (no async frame of its own).</summary>
    public static Task BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
#if NET9_0_OR_GREATER
        response.Content.LoadIntoBufferAsync(cancellationToken);
#else
        response.Content.LoadIntoBufferAsync().WaitAsync(cancellationToken);
#endif
}
