using System.Threading.RateLimiting;

namespace Attention.Sdk.RateLimiting;

/// <summary>
/// The lease of a window limiter: acquired, or refused with the time until a permit is expected free
/// (<see cref="MetadataName.RetryAfter"/>). Window permits are not returned, so disposing it does nothing.
/// </summary>
public sealed class ClientRateLimitLease : RateLimitLease
{
    private static readonly string[] s_retryAfterName = [MetadataName.RetryAfter.Name];
    private readonly TimeSpan? _retryAfter;

    private ClientRateLimitLease(bool acquired, TimeSpan? retryAfter)
    {
        IsAcquired = acquired;
        _retryAfter = retryAfter;
    }

    /// <summary>An acquired lease.</summary>
    public static ClientRateLimitLease Acquired { get; } = new(true, null);

    /// <inheritdoc />
    public override bool IsAcquired { get; }

    /// <inheritdoc />
    public override IEnumerable<string> MetadataNames => _retryAfter is null ? [] : s_retryAfterName;

    /// <summary>A refused lease.</summary>
    /// <param name="retryAfter">When a permit is expected free, if known.</param>
    public static ClientRateLimitLease Refused(TimeSpan? retryAfter) => new(false, retryAfter);

    /// <inheritdoc />
    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (_retryAfter is { } after && string.Equals(metadataName, MetadataName.RetryAfter.Name, StringComparison.Ordinal))
        {
            metadata = after;
            return true;
        }

        metadata = null;
        return false;
    }
}
