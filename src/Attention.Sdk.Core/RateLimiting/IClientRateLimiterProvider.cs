using System.Threading.RateLimiting;

namespace Attention.Sdk.RateLimiting;

/// <summary>
/// Supplies the limiter an attempt takes its permit from. The default, <see cref="InProcessClientRateLimiterProvider.Shared"/>,
/// keeps one limiter per partition in this process; a distributed provider (for example the Redis one in
/// <c>Attention.Sdk.Redis</c>) shares the budget across processes. Set it through <see cref="AttentionClientOptions.RateLimiterProvider"/>.
/// </summary>
public interface IClientRateLimiterProvider
{
    /// <summary>
    /// The limiter for <paramref name="partition"/>. Called once per attempt (so a provider may evict idle limiters between
    /// calls); <see cref="RateLimiter.AcquireAsync(int, CancellationToken)"/> must honour the token, which carries the call's
    /// overall timeout. Must be thread-safe.
    /// </summary>
    /// <param name="partition">The API, key hash and policy.</param>
    RateLimiter GetLimiter(ClientRateLimitPartition partition);
}
