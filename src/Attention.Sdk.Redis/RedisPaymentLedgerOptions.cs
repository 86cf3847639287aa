namespace Attention.Sdk.Redis;

/// <summary>Settings of <see cref="RedisPaymentLedger"/>.</summary>
public sealed class RedisPaymentLedgerOptions
{
    /// <summary>Prefix of every key (so applications can share a Redis). Default: <c>attention:</c>.</summary>
    public string KeyPrefix { get; set; } = "attention:";

    /// <summary>The Redis database number. Default: -1, the connection's default database.</summary>
    public int Database { get; set; } = -1;

    /// <summary>
    /// What the ledger does when the server does not guarantee that an acknowledged write survives a crash
    /// (<c>appendonly yes</c> with <c>appendfsync always</c>), or does not let it check (<c>CONFIG</c> disabled). Default:
    /// <see cref="RedisDurabilityCheck.Require"/>: every ledger call throws <see cref="RedisLedgerNotDurableException"/>, so
    /// nothing is signed.
    /// </summary>
    public RedisDurabilityCheck Durability { get; set; } = RedisDurabilityCheck.Require;

    /// <summary>Where the durability warning goes under <see cref="RedisDurabilityCheck.WarnOnly"/>. Default: none.</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }
}

/// <summary>How strictly <see cref="RedisPaymentLedger"/> checks the server's durability settings.</summary>
public enum RedisDurabilityCheck
{
    /// <summary>Refuse to work on a server without <c>appendonly yes</c> and <c>appendfsync always</c> (the default).</summary>
    Require,

    /// <summary>Log a warning and work anyway (for a managed Redis that hides <c>CONFIG</c> but is durable by other means).</summary>
    WarnOnly,
}
