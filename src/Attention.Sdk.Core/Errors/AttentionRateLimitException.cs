namespace Attention.Sdk;

/// <summary>
/// 429 Too Many Requests after the SDK's own retries, or with a <c>Retry-After</c> longer than
/// <see cref="AttentionClientOptions.MaxRetryAfter"/> (then the SDK did not wait; <see cref="AttentionApiException.RetryAfter"/> says how long to wait).
/// </summary>
public class AttentionRateLimitException : AttentionApiException
{
    /// <summary>Creates the exception from a parsed error response.</summary>
    public AttentionRateLimitException(ApiErrorDetails details, string? message = null, Exception? innerException = null)
        : base(details, message, innerException)
    {
    }
}
