namespace Attention.Sdk.RateLimiting;

/// <summary>A client-side request limit: <see cref="PermitLimit"/> requests per <see cref="Window"/> per API key.</summary>
public sealed record RateLimitPolicy
{
    /// <summary>Requests allowed per window. Must be positive.</summary>
    public required int PermitLimit { get; init; }

    /// <summary>The sliding window length.</summary>
    public required TimeSpan Window { get; init; }

    /// <summary>Whether a call waits for a permit (default) or fails at once with <see cref="AttentionClientRateLimitException"/>.</summary>
    public RateLimitBehavior Behavior { get; init; } = RateLimitBehavior.Wait;
}

/// <summary>What a call does when the client-side rate limit is reached.</summary>
public enum RateLimitBehavior
{
    /// <summary>Wait (cancellably) until a permit is free.</summary>
    Wait,

    /// <summary>Throw <see cref="AttentionClientRateLimitException"/> without sending.</summary>
    FailFast,
}
