using System.Net;
using System.Text;
using Attention.Sdk.RateLimiting;

namespace Attention.Sdk;

/// <summary>Everything known about a failed response, gathered once and handed to the exception that represents it.</summary>
public sealed record ApiErrorDetails
{
    /// <summary>How much of a response body an exception keeps.</summary>
    public const int MaxRawBodyLength = 4096;

    /// <summary>The HTTP status code.</summary>
    public required HttpStatusCode StatusCode { get; init; }

    /// <summary>The server's message (<c>detail</c>, <c>message</c> or <c>error</c>).</summary>
    public string? ServerMessage { get; init; }

    /// <summary>The server's error code, when it sends one.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The <c>Retry-After</c> the server sent.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The server's request id.</summary>
    public string? RequestId { get; init; }

    /// <summary>The most characters of an error body read whole into <see cref="Body"/>; a longer body is not kept whole.</summary>
    public const int MaxBodyLength = 1 << 20;

    /// <summary>The bounded raw body, for exceptions and logs (at most <see cref="MaxRawBodyLength"/> characters).</summary>
    public string? RawBody { get; init; }

    /// <summary>
    /// The whole body (up to <see cref="MaxBodyLength"/> characters, otherwise null), for an API's own mapping
    /// (<see cref="ApiExceptionFactory.Custom"/>) to read a payload the diagnostic copy would cut, such as a payment invoice.
    /// Exceptions do not keep it.
    /// </summary>
    public string? Body { get; init; }

    /// <summary>The HTTP method.</summary>
    public string? Method { get; init; }

    /// <summary>The route template.</summary>
    public string? Route { get; init; }

    /// <summary>The idempotency key the call carried.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; init; }

    /// <summary>Whether a retry was due but refused by the retry budget (see <see cref="AttentionException.RetryBudgetExhausted"/>).</summary>
    public bool RetryBudgetExhausted { get; init; }

    /// <summary>The permission (scope) the call needs, when the API declares one; used for 403 messages.</summary>
    public string? RequiredPermission { get; init; }

    /// <summary>A one-line description: status, the server's message, and the call.</summary>
    public string DescribeForMessage()
    {
        var text = new StringBuilder();
        text.Append((int)StatusCode).Append(' ').Append(ReasonPhrase(StatusCode));
        if (!string.IsNullOrWhiteSpace(ServerMessage))
        {
            text.Append(": ").Append(ServerMessage);
        }
        else if (!string.IsNullOrWhiteSpace(ErrorCode))
        {
            text.Append(": ").Append(ErrorCode);
        }

        if (ErrorCode is not null && ServerMessage is not null && !ServerMessage.Contains(ErrorCode, StringComparison.Ordinal))
        {
            text.Append(" (").Append(ErrorCode).Append(')');
        }

        if (Method is not null && Route is not null)
        {
            text.Append(" [").Append(Method).Append(' ').Append(Route).Append(']');
        }

        if (RequestId is not null)
        {
            text.Append(" request-id ").Append(RequestId);
        }

        if (RetryBudgetExhausted)
        {
            text.Append(' ').Append(RetryBudgetText.NotRetried(Attempts));
        }

        return text.ToString();
    }

    private static string ReasonPhrase(HttpStatusCode code) => code switch
    {
        HttpStatusCode.BadRequest => "Bad Request",
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.PaymentRequired => "Payment Required",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.Conflict => "Conflict",
        HttpStatusCode.UnprocessableEntity => "Unprocessable Entity",
        HttpStatusCode.TooManyRequests => "Too Many Requests",
        HttpStatusCode.InternalServerError => "Internal Server Error",
        HttpStatusCode.BadGateway => "Bad Gateway",
        HttpStatusCode.ServiceUnavailable => "Service Unavailable",
        HttpStatusCode.GatewayTimeout => "Gateway Timeout",
        _ => code.ToString(),
    };
}
