namespace Attention.Sdk.Redis;

/// <summary>Settings of <c>AddAttentionRedis</c>: the connection and what Redis takes over.</summary>
public sealed class AttentionRedisOptions
{
    /// <summary>
    /// The StackExchange.Redis configuration string (for example <c>redis1:6379,password=...</c>), used when no
    /// <see cref="StackExchange.Redis.IConnectionMultiplexer"/> is registered in the container. Never logged.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key (so applications can share a Redis). Default: <c>attention:</c>.</summary>
    public string KeyPrefix { get; set; } = "attention:";

    /// <summary>The Redis database number. Default: -1, the connection's default database.</summary>
    public int Database { get; set; } = -1;

    /// <summary>Share each API key's client-side rate limit across processes. Default: <see langword="true"/>.</summary>
    public bool RateLimiting { get; set; } = true;

    /// <summary>What a rate-limited call does when Redis cannot be reached. Default: <see cref="RedisUnavailableBehavior.FailClosed"/>.</summary>
    public RedisUnavailableBehavior RateLimitWhenUnavailable { get; set; } = RedisUnavailableBehavior.FailClosed;

    /// <summary>
    /// Share each API key's retry budget across processes (<see cref="RedisRetryBudgetProvider"/>): during an outage the whole
    /// fleet retries within one budget; while Redis is down no call is retried. Default: <see langword="true"/>.
    /// </summary>
    public bool RetryBudget { get; set; } = true;

    /// <summary>Keep Attentium's payment ledger in Redis. Default: <see langword="true"/>.</summary>
    public bool PaymentLedger { get; set; } = true;

    /// <summary>How strictly the ledger checks the server's durability. Default: <see cref="RedisDurabilityCheck.Require"/>.</summary>
    public RedisDurabilityCheck LedgerDurability { get; set; } = RedisDurabilityCheck.Require;

    /// <summary>Register a Redis <see cref="AttentionFactory.Webhooks.IWebhookDeduplicationStore"/>. Default: <see langword="true"/>.</summary>
    public bool WebhookDeduplication { get; set; } = true;

    /// <summary>How long a webhook delivery is remembered. Default: 24 hours.</summary>
    public TimeSpan WebhookDeduplicationWindow { get; set; } = TimeSpan.FromHours(24);
}
