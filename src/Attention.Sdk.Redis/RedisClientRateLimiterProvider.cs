using System.Threading.RateLimiting;
using Attention.Sdk.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Attention.Sdk.Redis;

/// <summary>
/// A client-side rate limit shared by every process using the same Redis: an exact sliding window per API, API key hash and
/// policy, kept in one sorted set and changed only by an atomic Lua script (<see cref="SlidingWindowScript"/>). A caller reserves
/// the earliest moment at which one more request keeps every window within the limit (in arrival order, by Redis's own clock)
/// and waits for it under the call's token, so the wait stays inside the call's overall timeout; a cancelled wait gives its
/// reservation back. Set it as <see cref="AttentionClientOptions.RateLimiterProvider"/> (or use <c>AddAttentionRedis</c>).
/// </summary>
public sealed class RedisClientRateLimiterProvider : IClientRateLimiterProvider
{
    /// <summary>
    /// The script: KEYS[1] the window's sorted set (score = permit time in microseconds); ARGV: limit, window (µs), member, and
    /// 1 to take only a permit free now. Returns {1, wait µs} with the permit recorded, or {0, µs until one is free}.
    /// </summary>
    internal const string SlidingWindowScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local limit = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        local count = redis.call('ZCARD', KEYS[1])
        local slot = now
        if count > 0 then
          local newest = tonumber(redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2])
          if newest > slot then slot = newest end
          if count >= limit then
            local bound = tonumber(redis.call('ZRANGE', KEYS[1], -limit, -limit, 'WITHSCORES')[2]) + window
            if bound > slot then slot = bound end
          end
        end
        if ARGV[4] == '1' and slot > now then
          return {0, slot - now}
        end
        redis.call('ZADD', KEYS[1], slot, ARGV[3])
        redis.call('PEXPIRE', KEYS[1], math.floor((slot - now + window) / 1000) + 1000)
        return {1, slot - now}
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisRateLimiterOptions _options;
    private readonly IClientRateLimiterProvider _fallback;
    private readonly ILogger _logger;
    private int _fallingBack;

    /// <summary>Creates the provider over a connection the application owns (and disposes).</summary>
    /// <param name="redis">The connection.</param>
    /// <param name="options">The settings. Default: fail closed, prefix <c>attention:</c>.</param>
    /// <exception cref="ArgumentException">The key prefix is invalid.</exception>
    public RedisClientRateLimiterProvider(IConnectionMultiplexer redis, RedisRateLimiterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _options = options ?? new RedisRateLimiterOptions();
        RedisKeys.ValidatePrefix(_options.KeyPrefix, nameof(RedisRateLimiterOptions.KeyPrefix));
        _redis = redis;
        _fallback = _options.Fallback ?? InProcessClientRateLimiterProvider.Shared;
        _logger = (ILogger?)_options.LoggerFactory?.CreateLogger("Attention.Sdk.Redis") ?? NullLogger.Instance;
    }

    /// <summary>The settings.</summary>
    public RedisRateLimiterOptions Options => _options;

    /// <inheritdoc />
    public RateLimiter GetLimiter(ClientRateLimitPartition partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        return new RedisSlidingWindowLimiter(this, partition);
    }

    /// <summary>Asks the script for a permit; null when Redis was unreachable and the fallback applies.</summary>
    internal async ValueTask<(bool Taken, TimeSpan Wait, string Member)?> ReserveAsync(ClientRateLimitPartition partition, bool onlyNow, CancellationToken cancellationToken)
    {
        var member = Guid.NewGuid().ToString("N");
        try
        {
            var result = (RedisResult[]?)await Database.ScriptEvaluateAsync(
                SlidingWindowScript,
                [Key(partition)],
                [partition.Policy.PermitLimit, WindowMicroseconds(partition), member, onlyNow ? 1 : 0]).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (result is not { Length: 2 })
            {
                throw new AttentionRedisUnavailableException("The Redis rate-limit script answered in an unexpected shape; the request was not sent.", null);
            }

            Recovered(partition);
            return ((long)result[0] == 1, TimeSpan.FromTicks(Math.Max(0, (long)result[1]) * 10), member);
        }
        catch (Exception ex) when (RedisKeys.IsUnavailable(ex))
        {
            if (_options.WhenUnavailable == RedisUnavailableBehavior.FailClosed)
            {
                throw new AttentionRedisUnavailableException($"Redis is unreachable, so the shared {partition.ApiName} rate limit cannot be checked; the request was not sent.", ex);
            }

            if (Interlocked.Exchange(ref _fallingBack, 1) == 0)
            {
                Log.RateLimitFallback(_logger, partition.ApiName, partition.KeyHash[..12], ex.GetType().Name);
            }

            return null;
        }
    }

    /// <summary>Gives a reservation back (best effort: a reservation that stays only leaves a permit unused).</summary>
    internal async Task ReleaseAsync(ClientRateLimitPartition partition, string member)
    {
        try
        {
            await Database.SortedSetRemoveAsync(Key(partition), member, CommandFlags.FireAndForget).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisKeys.IsUnavailable(ex))
        {
            // The reservation expires with the window.
        }
    }

    internal RateLimiter Fallback(ClientRateLimitPartition partition) => _fallback.GetLimiter(partition);

    private IDatabase Database => _redis.GetDatabase(_options.Database);

    private RedisKey Key(ClientRateLimitPartition partition) => RedisKeys.RateLimit(_options.KeyPrefix, partition);

    private static long WindowMicroseconds(ClientRateLimitPartition partition) => Math.Max(1, partition.Policy.Window.Ticks / 10);

    private void Recovered(ClientRateLimitPartition partition)
    {
        if (Volatile.Read(ref _fallingBack) == 1 && Interlocked.Exchange(ref _fallingBack, 0) == 1)
        {
            Log.RateLimitRecovered(_logger, partition.ApiName, partition.KeyHash[..12]);
        }
    }
}
