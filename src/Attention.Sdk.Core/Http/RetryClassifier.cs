using System.Net;
using System.Net.Sockets;

namespace Attention.Sdk.Http;

/// <summary>
/// The retry rules in one place. A 429 (within <see cref="AttentionClientOptions.MaxRetryAfter"/>) and a failure that
/// proves nothing was sent may always be retried. A 408/5xx, a reset after sending (any transport failure, including a bare
/// or wrapped <see cref="SocketException"/>) or an attempt timeout leaves it unknown whether the server acted, so those are
/// retried only for requests that are safe to repeat: idempotent methods, a POST/PATCH carrying an <c>Idempotency-Key</c> to an
/// endpoint the API documents to honour it (<see cref="ApiRequest.HonoursIdempotencyKey"/>), or any request to an API whose
/// requests are all safe to repeat (<see cref="ApiProfile.RequestsAreSafeToRepeat"/>, the Solana JSON-RPC client).
/// </summary>
internal sealed class RetryClassifier(ApiProfile profile, TimeSpan maxRetryAfter, TimeProvider time)
{
    public bool IsSafeToRepeat(HttpRequestMessage request) => IsSafeToRepeat(profile, request);

    /// <summary>
    /// Whether sending <paramref name="request"/> again cannot do the work twice: every request of a repeatable API, idempotent
    /// methods, and a keyed POST/PATCH to an endpoint the API documents to de-duplicate by key.
    /// </summary>
    public static bool IsSafeToRepeat(ApiProfile profile, HttpRequestMessage request) =>
        profile.RequestsAreSafeToRepeat
        || HttpMethods.IsIdempotent(request.Method)
        || (profile.HonoursIdempotencyKeys && ApiCallContext.Get(request) is { EndpointHonoursIdempotencyKey: true }
            && request.Headers.Contains(IdempotencyKeyHandler.HeaderName));

    public bool ShouldRetry(HttpRequestMessage request, HttpResponseMessage? response, Exception? exception, CancellationToken callerToken)
    {
        if (response is not null)
        {
            return ShouldRetry(request, response);
        }

        var retry = exception switch
        {
            null => false,
            OperationCanceledException when callerToken.IsCancellationRequested => false,
            AttentionException => false,
            _ when ProvesNothingWasSent(exception) => true,
            AttemptTimeoutException => IsSafeToRepeat(request),
            _ when TransportFailures.IsTransportFailure(exception) => IsSafeToRepeat(request),
            _ => false,
        };
        if (retry && !ProvesNothingWasSent(exception!))
        {
            MarkAmbiguous(request);
        }

        return retry;
    }

    /// <summary>The Retry-After to honour for a retryable response, or null for ordinary back-off.</summary>
    public TimeSpan? RetryAfterFor(HttpResponseMessage response) => RetryAfterParser.Parse(response.Headers.RetryAfter, time);

    private bool ShouldRetry(HttpRequestMessage request, HttpResponseMessage response)
    {
        var status = response.StatusCode;
        var ambiguous = IsAmbiguousFailure(status);
        var retryable = status == HttpStatusCode.TooManyRequests
            || (ambiguous && IsSafeToRepeat(request));
        if (!retryable)
        {
            return false;
        }

        // A wait longer than the caller allows is not ours to take: the caller gets the exception with the value.
        if (RetryAfterFor(response) is { } wait && wait > maxRetryAfter)
        {
            return false;
        }

        if (ambiguous)
        {
            MarkAmbiguous(request);
        }

        return true;
    }

    /// <summary>Records that the server may have acted on an attempt before the one now due (see <see cref="ApiCallContext.RetriedAfterAmbiguousFailure"/>).</summary>
    private static void MarkAmbiguous(HttpRequestMessage request)
    {
        if (ApiCallContext.Get(request) is { } call)
        {
            call.RetriedAfterAmbiguousFailure = true;
        }
    }

    private static bool IsAmbiguousFailure(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    internal static bool ProvesNothingWasSent(Exception exception) => TransportFailures.ProvesNothingWasSent(exception);
}
