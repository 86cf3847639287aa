using System.Net.Http.Headers;

namespace Attention.Sdk.Http;

/// <summary>Reads <c>Retry-After</c> in both of its forms (delta-seconds and HTTP-date) as a non-negative wait.</summary>
public static class RetryAfterParser
{
    /// <summary>The wait the header asks for, or <see langword="null"/> when absent. A date in the past is zero.</summary>
    public static TimeSpan? Parse(RetryConditionHeaderValue? header, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (header is null)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
