using System.Net;

namespace Attention.Sdk;

/// <summary>
/// Turns <see cref="ApiErrorDetails"/> into the exception type for its status. An API package can put a
/// <see cref="Custom"/> mapping in front (for example to parse the amounts out of an insufficient-credits message).
/// </summary>
public sealed class ApiExceptionFactory
{
    /// <summary>The default mapping, status code to exception type.</summary>
    public static ApiExceptionFactory Default { get; } = new();

    /// <summary>An API-specific mapping tried first; returning <see langword="null"/> falls back to the default.</summary>
    public Func<ApiErrorDetails, AttentionApiException?>? Custom { get; init; }

    /// <summary>The longest Retry-After the client waits on its own; used to explain why a 429 was not retried.</summary>
    internal TimeSpan? MaxRetryAfter { get; init; }

    /// <summary>Creates the exception for a failed response.</summary>
    public AttentionApiException Create(ApiErrorDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (Custom?.Invoke(details) is { } custom)
        {
            return custom;
        }

        return details.StatusCode switch
        {
            HttpStatusCode.BadRequest => new AttentionBadRequestException(details),
            HttpStatusCode.Unauthorized => new AttentionAuthenticationException(details),
            HttpStatusCode.PaymentRequired => new AttentionPaymentRequiredException(details),
            HttpStatusCode.Forbidden => new AttentionPermissionDeniedException(details),
            HttpStatusCode.NotFound => new AttentionNotFoundException(details),
            HttpStatusCode.Conflict => new AttentionConflictException(details),
            HttpStatusCode.UnprocessableEntity => new AttentionUnprocessableEntityException(details),
            HttpStatusCode.TooManyRequests => new AttentionRateLimitException(details, DescribeRateLimit(details)),
            >= HttpStatusCode.InternalServerError => new AttentionServerException(details),
            _ => new AttentionApiException(details),
        };
    }

    private string DescribeRateLimit(ApiErrorDetails details)
    {
        var text = details.DescribeForMessage();
        if (details.RetryAfter is { } wait && MaxRetryAfter is { } cap && wait > cap)
        {
            text += $" The server asked to wait {wait.TotalSeconds:0.###} s, longer than MaxRetryAfter ({cap.TotalSeconds:0.###} s), so the SDK did not wait; retry after that time.";
        }
        else if (details.RetryAfter is { } after)
        {
            text += $" Retry after {after.TotalSeconds:0.###} s.";
        }

        return text;
    }
}
