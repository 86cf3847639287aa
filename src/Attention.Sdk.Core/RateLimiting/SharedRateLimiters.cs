using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;

namespace Attention.Sdk.RateLimiting;

/// <summary>
/// One sliding-window limiter per API, key and policy for the whole process, so every client (and every DI scope)
/// using the same key draws from the same budget. Keys are identified by a hash, never stored.
/// </summary>
internal static class SharedRateLimiters
{
    private static readonly ConcurrentDictionary<string, RateLimiter> s_limiters = new(StringComparer.Ordinal);

    public static RateLimiter For(ApiProfile profile, string? apiKey, RateLimitPolicy policy)
    {
        var keyId = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey ?? string.Empty)));
        var id = $"{profile.Name}|{keyId}|{policy.PermitLimit}|{policy.Window.Ticks}";
        return s_limiters.GetOrAdd(id, static (_, p) => new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = p.PermitLimit,
            Window = p.Window,
            SegmentsPerWindow = Math.Clamp(p.PermitLimit, 1, 12),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }), policy);
    }
}
