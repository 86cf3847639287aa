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
internal sealed class AttemptSender(
    Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send,
    ClientRateLimitGate? gate)
{
    /// <summary>
    /// Runs the attempt under <paramref name="deadlines"/> (none: unbounded); failures come back as the outcome's exception,
    /// an elapsed deadline as <see cref="AttemptDeadlines.CreateTimeoutException"/>.
    /// </summary>
    public async ValueTask<Outcome<HttpResponseMessage>> SendAsync(HttpRequestMessage request, ApiCallContext call, AttemptDeadlines? deadlines, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            // A cancelled call sends nothing, and this is not an attempt.
            return Outcome.FromException<HttpResponseMessage>(new OperationCanceledException(cancellationToken));
        }

        call.Attempts++;
        if (call.Attempts > 1 && call.ContentFactory is { } rebuild)
        {
            request.Content = rebuild();
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
            response?.Dispose();
            var timedOut = deadline is { HasFired: true } && !cancellationToken.IsCancellationRequested
                && (ex is OperationCanceledException || TransportFailures.IsTransportFailure(ex));
            return Outcome.FromException<HttpResponseMessage>(timedOut ? deadlines!.CreateTimeoutException() : ex);
        }
        finally
        {
            if (deadline is { } started)
            {
                deadlines!.Finish(started);
            }

            lease?.Dispose();
        }
    }

    private static async Task BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
#if NET9_0_OR_GREATER
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
        await response.Content.LoadIntoBufferAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
#endif
    }
}
