using AttentionFactory.Webhooks;
using StackExchange.Redis;

namespace Attention.Sdk.Redis;

/// <summary>
/// An <see cref="IWebhookDeduplicationStore"/> shared by every receiver using the same Redis: the first receiver to register a
/// delivery's key (one atomic <c>SET NX PX</c>) processes it, every other receiver within <see cref="TimeToLive"/> skips it.
/// Keys are stored as SHA-256 hashes. When Redis cannot be reached the call throws
/// <see cref="AttentionRedisUnavailableException"/>: answer the delivery with an error so the sender retries it later, rather
/// than process it without knowing whether another receiver did.
/// </summary>
public sealed class RedisWebhookDeduplicationStore : IWebhookDeduplicationStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly string _prefix;
    private readonly int _database;

    /// <summary>Creates the store over a connection the application owns (and disposes).</summary>
    /// <param name="redis">The connection.</param>
    /// <param name="timeToLive">How long a delivery is remembered. Default: 24 hours.</param>
    /// <param name="keyPrefix">Prefix of every key. Default: <c>attention:</c>.</param>
    /// <param name="database">The Redis database number. Default: -1, the connection's default.</param>
    /// <exception cref="ArgumentException">The time-to-live is not positive or the prefix is invalid.</exception>
    public RedisWebhookDeduplicationStore(IConnectionMultiplexer redis, TimeSpan? timeToLive = null, string keyPrefix = "attention:", int database = -1)
    {
        ArgumentNullException.ThrowIfNull(redis);
        RedisKeys.ValidatePrefix(keyPrefix, nameof(keyPrefix));
        TimeToLive = timeToLive ?? TimeSpan.FromHours(24);
        ArgumentOutOfRangeException.ThrowIfLessThan(TimeToLive, TimeSpan.FromMilliseconds(1), nameof(timeToLive));
        _redis = redis;
        _prefix = keyPrefix;
        _database = database;
    }

    /// <summary>How long a delivery is remembered.</summary>
    public TimeSpan TimeToLive { get; }

    /// <inheritdoc />
    /// <exception cref="AttentionRedisUnavailableException">Redis cannot be reached.</exception>
    public async ValueTask<bool> TryRegisterAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return await RunAsync(db => db.StringSetAsync(RedisKeys.Webhook(_prefix, key), 1, TimeToLive, When.NotExists), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="AttentionRedisUnavailableException">Redis cannot be reached.</exception>
    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await RunAsync(db => db.KeyDeleteAsync(RedisKeys.Webhook(_prefix, key)), cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await command(_redis.GetDatabase(_database)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisKeys.IsUnavailable(ex) || ex is RedisServerException)
        {
            throw new AttentionRedisUnavailableException("The Redis webhook de-duplication store could not be reached; the delivery was not registered (answer it with an error so it is redelivered).", ex);
        }
    }
}
