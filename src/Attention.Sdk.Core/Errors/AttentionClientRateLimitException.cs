namespace Attention.Sdk;

/// <summary>
/// The client-side rate limiter had no permit and is configured to fail fast (<see cref="RateLimiting.RateLimitBehavior.FailFast"/>).
/// Nothing was sent; unlike <see cref="AttentionRateLimitException"/> (the server's 429) it claims no server status.
/// </summary>
public class AttentionClientRateLimitException : AttentionRequestRefusedException
{
    /// <summary>Creates the exception.</summary>
    public AttentionClientRateLimitException(string message, TimeSpan? retryAfter)
        : base(message)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>When the limiter expects a permit to be free, if it knows.</summary>
    public TimeSpan? RetryAfter { get; }
}
