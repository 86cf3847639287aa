using System.Net;

namespace Attention.Sdk;

/// <summary>
/// The API answered with a non-success status. <see cref="ServerMessage"/> holds the server's own words
/// (<c>detail</c>, <c>message</c> or <c>error</c>), <see cref="ErrorCode"/> its machine-readable code where it sends one.
/// Subtypes exist per status: catch the one you can handle.
/// </summary>
public class AttentionApiException : AttentionException
{
    /// <summary>Creates the exception from a parsed error response.</summary>
    public AttentionApiException(ApiErrorDetails details, string? message = null, Exception? innerException = null)
        : base(message ?? details?.DescribeForMessage() ?? throw new ArgumentNullException(nameof(details)), innerException)
    {
        ArgumentNullException.ThrowIfNull(details);
        StatusCode = details.StatusCode;
        ServerMessage = details.ServerMessage;
        ErrorCode = details.ErrorCode;
        RetryAfter = details.RetryAfter;
        RequestId = details.RequestId;
        RawBody = details.RawBody;
        Method = details.Method;
        Route = details.Route;
        IdempotencyKey = details.IdempotencyKey;
        Attempts = details.Attempts;
        RetryBudgetExhausted = details.RetryBudgetExhausted;
    }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The server's human-readable message, or <see langword="null"/> when the body had none.</summary>
    public string? ServerMessage { get; }

    /// <summary>The server's error code (for example <c>payment_required</c>, <c>memo_mismatch</c>), when it sends one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The server's <c>Retry-After</c>, when sent (delta-seconds and HTTP dates are both understood).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The server's request id header (<c>X-Request-Id</c> and similar), when sent; quote it to support.</summary>
    public string? RequestId { get; }

    /// <summary>The response body, truncated to <see cref="ApiErrorDetails.MaxRawBodyLength"/> characters.</summary>
    public string? RawBody { get; }
}
