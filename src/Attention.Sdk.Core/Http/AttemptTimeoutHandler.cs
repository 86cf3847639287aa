namespace Attention.Sdk.Http;

/// <summary>
/// Bounds one attempt (sending, the headers and the whole body) by <see cref="AttentionClientOptions.AttemptTimeout"/>.
/// It sits inside the rate limiter so waiting for a permit never eats an attempt's time, and it buffers the body so a
/// connection that dies mid-body fails this attempt (and may be retried) instead of surfacing later.
/// </summary>
internal sealed class AttemptTimeoutHandler(TimeSpan attemptTimeout, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (attemptTimeout == Timeout.InfiniteTimeSpan)
        {
            var plain = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await BufferAsync(plain, cancellationToken).ConfigureAwait(false);
            return plain;
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // The system clock uses the CTS's own timer; an injected clock (tests) drives a timer of its own.
        using var timer = time == TimeProvider.System
            ? null
            : time.CreateTimer(static state => ((CancellationTokenSource)state!).Cancel(), attempt, attemptTimeout, Timeout.InfiniteTimeSpan);
        if (timer is null)
        {
            attempt.CancelAfter(attemptTimeout);
        }

        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
            await BufferAsync(response, attempt.Token).ConfigureAwait(false);
            return response;
        }
        catch (Exception ex) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested && ex is OperationCanceledException or HttpRequestException or IOException)
        {
            response?.Dispose();
            throw new AttemptTimeoutException(attemptTimeout);
        }
        catch
        {
            response?.Dispose();
            throw;
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
