using System.Globalization;
using Attention.Sdk.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Attention.Sdk.Redis;

/// <summary>
/// A retry budget shared by every process using the same Redis: one balance per API, API key hash and policy, changed only
/// by an atomic Lua script (<see cref="BudgetScript"/>) on Redis's own clock, with the same arithmetic as
/// <see cref="InProcessRetryBudgetProvider"/> (deposits of the ratio per call fading over the window, a reserve of the
/// minimum per second, one withdrawal per retry). A deposit is sent without waiting for the answer, so calls never wait for
/// Redis; a retry waits at most <see cref="RedisRetryBudgetOptions.Timeout"/>. When Redis is down or slow no retry is made
/// (the call ends with its own failure): an outage of Redis never turns into unlimited retries. Set it as
/// <see cref="AttentionClientOptions.RetryBudgetProvider"/> (or use <c>AddAttentionRedis</c>).
/// </summary>
public sealed class RedisRetryBudgetProvider : IRetryBudgetProvider
{
    /// <summary>
    /// The script: KEYS[1] the budget's hash (<c>b</c> balance, <c>t</c> last update in µs); ARGV: <c>w</c> to withdraw one retry or
    /// <c>d</c> to deposit, the deposit, the reserve, the window (µs) and the key's time to live (ms). Returns 1 when a withdrawal
    /// was granted (or for a deposit), 0 when the balance holds less than one retry.
    /// </summary>
    internal const string BudgetScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local reserve = tonumber(ARGV[3])
        local window = tonumber(ARGV[4])
        local state = redis.call('HMGET', KEYS[1], 'b', 't')
        local balance = reserve
        if state[1] and state[2] then
          balance = tonumber(state[1])
          local elapsed = now - tonumber(state[2])
          if elapsed > 0 then
            balance = reserve + (balance - reserve) * math.exp(-elapsed / window)
          end
        end
        local granted = 1
        if ARGV[1] == 'w' then
          if balance >= 1 then balance = balance - 1 else granted = 0 end
        else
          balance = balance + tonumber(ARGV[2])
        end
        redis.call('HSET', KEYS[1], 'b', string.format('%.17g', balance), 't', string.format('%.0f', now))
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        return granted
        """;

    // A key untouched for twelve windows has relaxed to within e^-12 of the reserve, i.e. equals a missing one.
    private const int WindowsToLive = 12;

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisRetryBudgetOptions _options;
    private readonly ILogger _logger;
    private int _unavailable;

    /// <summary>Creates the provider over a connection the application owns (and disposes).</summary>
    /// <param name="redis">The connection.</param>
    /// <param name="options">The settings. Default: prefix <c>attention:</c>, 250 ms per retry decision.</param>
    /// <exception cref="ArgumentException">The key prefix or the timeout is invalid.</exception>
    public RedisRetryBudgetProvider(IConnectionMultiplexer redis, RedisRetryBudgetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _options = options ?? new RedisRetryBudgetOptions();
        RedisKeys.ValidatePrefix(_options.KeyPrefix, nameof(RedisRetryBudgetOptions.KeyPrefix));
        if (_options.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Timeout, $"{nameof(RedisRetryBudgetOptions.Timeout)} must be positive.");
        }

        _redis = redis;
        _logger = (ILogger?)_options.LoggerFactory?.CreateLogger("Attention.Sdk.Redis") ?? NullLogger.Instance;
    }

    /// <summary>The settings.</summary>
    public RedisRetryBudgetOptions Options => _options;

    /// <inheritdoc />
    public void RecordCall(RetryBudgetPartition partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        if (!_redis.IsConnected)
        {
            // A deposit lost while Redis is away only makes the budget smaller: never queue it behind a reconnect.
            return;
        }

        try
        {
            _ = Database.ScriptEvaluateAsync(BudgetScript, [Key(partition)], Arguments(partition, withdraw: false), CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (RedisKeys.IsUnavailable(ex))
        {
            Unavailable(partition, ex);
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryWithdrawRetryAsync(RetryBudgetPartition partition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        if (!_redis.IsConnected)
        {
            Unavailable(partition, null);
            return false;
        }

        try
        {
            var granted = (long)await Database.ScriptEvaluateAsync(BudgetScript, [Key(partition)], Arguments(partition, withdraw: true))
                .WaitAsync(_options.Timeout, cancellationToken).ConfigureAwait(false) == 1;
            Recovered(partition);
            return granted;
        }
        catch (Exception ex) when (RedisKeys.IsUnavailable(ex))
        {
            Unavailable(partition, ex);
            return false;
        }
    }

    private IDatabase Database => _redis.GetDatabase(_options.Database);

    private RedisKey Key(RetryBudgetPartition partition) => RedisKeys.RetryBudget(_options.KeyPrefix, partition);

    private static RedisValue[] Arguments(RetryBudgetPartition partition, bool withdraw)
    {
        var policy = partition.Policy;
        var windowMicroseconds = Math.Max(1, policy.Window.Ticks / 10);
        return
        [
            withdraw ? "w" : "d",
            policy.Ratio.ToString("R", CultureInfo.InvariantCulture),
            policy.Reserve.ToString("R", CultureInfo.InvariantCulture),
            windowMicroseconds,
            (long)policy.Window.TotalMilliseconds * WindowsToLive,
        ];
    }

    private void Unavailable(RetryBudgetPartition partition, Exception? error)
    {
        if (Interlocked.Exchange(ref _unavailable, 1) == 0)
        {
            Log.RetryBudgetUnavailable(_logger, partition.ApiName, partition.KeyHash[..12], error?.GetType().Name ?? "not connected");
        }
    }

    private void Recovered(RetryBudgetPartition partition)
    {
        if (Volatile.Read(ref _unavailable) == 1 && Interlocked.Exchange(ref _unavailable, 0) == 1)
        {
            Log.RetryBudgetRecovered(_logger, partition.ApiName, partition.KeyHash[..12]);
        }
    }
}
