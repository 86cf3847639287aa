using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Attention.Sdk.Redis;

/// <summary>The key layout under a prefix, so several applications can share one Redis.</summary>
internal static class RedisKeys
{
    public static RedisKey RateLimit(string prefix, Attention.Sdk.RateLimiting.ClientRateLimitPartition partition) =>
        $"{prefix}ratelimit:{partition.ApiName}:{partition.KeyHash}:{partition.Policy.PermitLimit}:{partition.Policy.Window.Ticks}";

    public static RedisKey RetryBudget(string prefix, Attention.Sdk.RateLimiting.RetryBudgetPartition partition) =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{prefix}retrybudget:{partition.ApiName}:{partition.KeyHash}:{partition.Policy.Ratio:R}:{partition.Policy.MinRetriesPerSecond:R}:{partition.Policy.Window.Ticks}");

    public static RedisKey Payment(string prefix, string campaignId) => $"{prefix}payment:{campaignId}";

    public static RedisKey Reservation(string prefix, string campaignId) => $"{prefix}reservation:{campaignId}";

    // Webhook keys come from the sender: hashed, so their length and bytes are bounded whatever arrives.
    public static RedisKey Webhook(string prefix, string deduplicationKey) =>
        $"{prefix}webhook:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(deduplicationKey))).ToLowerInvariant()}";

    public static void ValidatePrefix(string? prefix, string name)
    {
        ArgumentNullException.ThrowIfNull(prefix, name);
        if (prefix.Any(char.IsControl) || prefix.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("The key prefix cannot contain whitespace or control characters.", name);
        }
    }

    /// <summary>Whether an exception means Redis was unreachable or did not answer (as opposed to a programming error).</summary>
    public static bool IsUnavailable(Exception exception) =>
        exception is RedisConnectionException or RedisTimeoutException or TimeoutException or ObjectDisposedException
        || (exception is RedisServerException server && (server.Message.StartsWith("LOADING", StringComparison.Ordinal) || server.Message.StartsWith("BUSY", StringComparison.Ordinal) || server.Message.StartsWith("MISCONF", StringComparison.Ordinal)));
}
