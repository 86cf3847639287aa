namespace Attention.Sdk.Redis;

/// <summary>Settings of <see cref="RedisRetryBudgetProvider"/>.</summary>
public sealed class RedisRetryBudgetOptions
{
    /// <summary>Prefix of every key (so applications can share a Redis). Default: <c>attention:</c>.</summary>
    public string KeyPrefix { get; set; } = "attention:";

    /// <summary>The Redis database number. Default: -1, the connection's default database.</summary>
    public int Database { get; set; } = -1;

    /// <summary>
    /// The longest a retry decision waits for Redis; an answer that takes longer means no retry (the call ends with its own
    /// failure), so a slow Redis never holds a call up. Default: 250 milliseconds.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Where the "Redis unreachable, no retries" warning goes. Default: none.</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }
}
