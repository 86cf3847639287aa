using System.Net;
using System.Net.Sockets;

namespace Attention.Sdk.Http;

/// <summary>
/// The retry rules in one place. A 429 (within <see cref="AttentionClientOptions.MaxRetryAfter"/>) and a failure that
/// proves nothing was sent may always be retried. A 408/5xx, a reset after sending or an attempt timeout leaves it unknown
/// whether the server acted, so those are retried only for requests that are safe to repeat: idempotent methods, a
/// POST/PATCH carrying an <c>Idempotency-Key</c> to an API that honours it, or any request to an API whose requests are
/// all safe to repeat (<see cref="ApiProfile.RequestsAreSafeToRepeat"/>, the Solana JSON-RPC client).
/// </summary>
internal sealed class RetryClassifier(ApiProfile profile, TimeSpan maxRetryAfter, TimeProvider time)
{
    public bool IsSafeToRepeat(HttpRequestMessage request) =>
        profile.RequestsAreSafeToRepeat
        || HttpMethods.IsIdempotent(request.Method)
        || (profile.HonoursIdempotencyKeys && request.Headers.Contains(IdempotencyKeyHandler.HeaderName));

    public bool ShouldRetry(HttpRequestMessage request, HttpResponseMessage? response, Exception? exception, CancellationToken callerToken)
    {
        if (response is not null)
        {
            return ShouldRetry(request, response);
        }

        return exception switch
        {
            null => false,
            OperationCanceledException when callerToken.IsCancellationRequested => false,
            AttentionException => false,
            _ when ProvesNothingWasSent(exception) => true,
            AttemptTimeoutException or HttpRequestException or IOException => IsSafeToRepeat(request),
            _ => false,
        };
    }

    /// <summary>The Retry-After to honour for a retryable response, or null for ordinary back-off.</summary>
    public TimeSpan? RetryAfterFor(HttpResponseMessage response) => RetryAfterParser.Parse(response.Headers.RetryAfter, time);

    private bool ShouldRetry(HttpRequestMessage request, HttpResponseMessage response)
    {
        var status = response.StatusCode;
        var retryable = status == HttpStatusCode.TooManyRequests
            || (IsAmbiguousFailure(status) && IsSafeToRepeat(request));
        if (!retryable)
        {
            return false;
        }

        // A wait longer than the caller allows is not ours to take: the caller gets the exception with the value.
        return RetryAfterFor(response) is not { } wait || wait <= maxRetryAfter;
    }

    private static bool IsAmbiguousFailure(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    internal static bool ProvesNothingWasSent(Exception exception)
    {
        if (exception is HttpRequestException http && http.HttpRequestError == HttpRequestError.ConnectionError
            && FindSocketError(http) is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable or SocketError.HostUnreachable)
        {
            return true;
        }

        return exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError };
    }

    private static SocketError? FindSocketError(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }
}
