namespace Attention.Sdk.Redis;

/// <summary>Settings of <see cref="RedisClientRateLimiterProvider"/>.</summary>
public sealed class RedisRateLimiterOptions
{
    /// <summary>Prefix of every key (so applications can share a Redis). Default: <c>attention:</c>.</summary>
    public string KeyPrefix { get; set; } = "attention:";

    /// <summary>The Redis database number. Default: -1, the connection's default database.</summary>
    public int Database { get; set; } = -1;

    /// <summary>What happens when Redis cannot be reached. Default: <see cref="RedisUnavailableBehavior.FailClosed"/> (nothing is sent).</summary>
    public RedisUnavailableBehavior WhenUnavailable { get; set; } = RedisUnavailableBehavior.FailClosed;

    /// <summary>
    /// The limiter used under <see cref="RedisUnavailableBehavior.FallBackToInProcess"/>. Default:
    /// <see cref="Attention.Sdk.RateLimiting.InProcessClientRateLimiterProvider.Shared"/>.
    /// </summary>
    public Attention.Sdk.RateLimiting.IClientRateLimiterProvider? Fallback { get; set; }

    /// <summary>Where the fallback warnings go. Default: none.</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }
}
