using Attentium.Payments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Attention.Sdk.Redis;

/// <summary>
/// An <see cref="IPaymentLedger"/> in Redis, shared by every process paying from the same agent: the record of a campaign's
/// payment (signature and signed bytes) is written by one atomic script that succeeds only when the campaign has none, so of
/// any number of processes paying or resuming the same campaign exactly one sends; the others get <see langword="false"/> and
/// resume the recorded payment. The server must be durable (<c>appendonly yes</c>, <c>appendfsync always</c>): checked once
/// with <c>CONFIG GET</c> before the first call (<see cref="RedisPaymentLedgerOptions.Durability"/>). When Redis cannot be
/// reached every call throws <see cref="AttentionRedisUnavailableException"/>; the client looks the campaign up before it
/// signs, so nothing is signed or sent.
/// </summary>
public sealed class RedisPaymentLedger : IPaymentLedger
{
    // Fields of the record's hash. "submitted" is only ever set to 1.
    private const string RecordScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('HSET', KEYS[1], 'campaign', ARGV[1], 'signature', ARGV[2], 'agent', ARGV[3], 'amount', ARGV[4], 'transaction', ARGV[5], 'last_valid', ARGV[6], 'recorded_at', ARGV[7], 'submitted', '0')
        return 1
        """;

    // KEYS[1] the record, KEYS[2] the reservation; ARGV: owner, lease (ms). 0 reserved, 1 already recorded, 2 held by another.
    private const string ReserveScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 1 end
        local holder = redis.call('GET', KEYS[2])
        if holder and holder ~= ARGV[1] then return 2 end
        redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
        return 0
        """;

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
        return 1
        """;

    private const string MarkSubmittedScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'submitted', '1') end
        return 1
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisPaymentLedgerOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _checkGate = new(1, 1);
    private volatile bool _checked;

    /// <summary>Creates the ledger over a connection the application owns (and disposes).</summary>
    /// <param name="redis">The connection.</param>
    /// <param name="options">The settings. Default: durability required, prefix <c>attention:</c>.</param>
    /// <exception cref="ArgumentException">The key prefix is invalid.</exception>
    public RedisPaymentLedger(IConnectionMultiplexer redis, RedisPaymentLedgerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _options = options ?? new RedisPaymentLedgerOptions();
        RedisKeys.ValidatePrefix(_options.KeyPrefix, nameof(RedisPaymentLedgerOptions.KeyPrefix));
        _redis = redis;
        _logger = (ILogger?)_options.LoggerFactory?.CreateLogger("Attention.Sdk.Redis") ?? NullLogger.Instance;
    }

    private IDatabase Database => _redis.GetDatabase(_options.Database);

    /// <summary>
    /// Checks the server's durability settings now (the ledger also does it before its first call). Call it at start to fail
    /// early. A passed check is remembered; a failed one is repeated on the next call.
    /// </summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <exception cref="RedisLedgerNotDurableException">The server is not durable, or hides <c>CONFIG</c>, under <see cref="RedisDurabilityCheck.Require"/>.</exception>
    /// <exception cref="AttentionRedisUnavailableException">Redis cannot be reached.</exception>
    public async Task EnsureDurableAsync(CancellationToken cancellationToken = default)
    {
        if (_checked)
        {
            return;
        }

        await _checkGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_checked)
            {
                return;
            }

            var reason = await FindDurabilityGapAsync(cancellationToken).ConfigureAwait(false);
            if (reason is not null)
            {
                if (_options.Durability == RedisDurabilityCheck.Require)
                {
                    throw new RedisLedgerNotDurableException(reason);
                }

                Log.LedgerNotDurable(_logger, reason);
            }

            _checked = true;
        }
        finally
        {
            _checkGate.Release();
        }
    }

    /// <inheritdoc />
    /// <exception cref="AttentionRedisUnavailableException">Redis cannot be reached.</exception>
    /// <exception cref="RedisLedgerNotDurableException">The server is not durable (see <see cref="RedisPaymentLedgerOptions.Durability"/>).</exception>
    public async ValueTask<PaymentRecord?> FindAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        await EnsureDurableAsync(cancellationToken).ConfigureAwait(false);
        var fields = await RunAsync(db => db.HashGetAllAsync(RedisKeys.Payment(_options.KeyPrefix, campaignId)), "read the payment record", cancellationToken).ConfigureAwait(false);
        return fields.Length == 0 ? null : PaymentRecordFields.Read(campaignId, fields);
    }

    /// <inheritdoc />
    /// <exception cref="AttentionRedisUnavailableException">Redis cannot be reached (nothing may be sent).</exception>
    /// <exception cref="RedisLedgerNotDurableException">The server is not durable (see <see cref="RedisPaymentLedgerOptions.Durability"/>).</exception>
    public async ValueTask<bool> TryRecordAsync(PaymentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(record.CampaignId, nameof(record));
        await EnsureDurableAsync(cancellationToken).ConfigureAwait(false);
        var result = await RunAsync(
            db => db.ScriptEvaluateAsync(RecordScript, [RedisKeys.Payment(_options.KeyPrefix, record.CampaignId)], PaymentRecordFields.Write(record)),
            "record the payment",
            cancellationToken).ConfigureAwait(false);
        return (long)result == 1;
    }

    /// <inheritdoc />
    /// <exception cref="AttentionRedisUnavailableException">Redis cannot be reached.</exception>
    public async ValueTask MarkSubmittedAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        await EnsureDurableAsync(cancellationToken).ConfigureAwait(false);
        await RunAsync(db => db.ScriptEvaluateAsync(MarkSubmittedScript, [RedisKeys.Payment(_options.KeyPrefix, campaignId)]), "mark the payment submitted", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One script checks for a record and sets the reservation (<c>SET PX</c> with the lease) atomically, so of any number of
    /// processes one gets <see cref="PaymentReservation.Reserved"/>. The reservation is a key of its own
    /// (<c>reservation:{campaign id}</c>) that expires with its lease: a holder that died blocks the others for one lease at most.
    /// </remarks>
    /// <exception cref="AttentionRedisUnavailableException">Redis cannot be reached (nothing may be signed).</exception>
    /// <exception cref="RedisLedgerNotDurableException">The server is not durable (see <see cref="RedisPaymentLedgerOptions.Durability"/>).</exception>
    public async ValueTask<PaymentReservation> TryReserveAsync(string campaignId, string owner, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        await EnsureDurableAsync(cancellationToken).ConfigureAwait(false);
        var result = await RunAsync(
            db => db.ScriptEvaluateAsync(
                ReserveScript,
                [RedisKeys.Payment(_options.KeyPrefix, campaignId), RedisKeys.Reservation(_options.KeyPrefix, campaignId)],
                [owner, (long)Math.Ceiling(lease.TotalMilliseconds)]),
            "reserve the campaign",
            cancellationToken).ConfigureAwait(false);
        return (long)result switch
        {
            0 => PaymentReservation.Reserved,
            1 => PaymentReservation.AlreadyRecorded,
            _ => PaymentReservation.ReservedByOther,
        };
    }

    /// <inheritdoc />
    /// <exception cref="AttentionRedisUnavailableException">Redis cannot be reached (the reservation then ends with its lease).</exception>
    public async ValueTask ReleaseReservationAsync(string campaignId, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        await RunAsync(db => db.ScriptEvaluateAsync(ReleaseScript, [RedisKeys.Reservation(_options.KeyPrefix, campaignId)], [owner]), "release the reservation", cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> FindDurabilityGapAsync(CancellationToken cancellationToken)
    {
        // CONFIG is an admin command the application's connection need not allow: a short-lived admin connection of the same
        // configuration reads it once.
        var configuration = ConfigurationOptions.Parse(_redis.Configuration);
        configuration.AllowAdmin = true;
        ConnectionMultiplexer admin;
        try
        {
            admin = await ConnectionMultiplexer.ConnectAsync(configuration).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisKeys.IsUnavailable(ex))
        {
            throw new AttentionRedisUnavailableException("The Redis payment ledger could not connect to check the server's durability settings; no payment was signed or sent by this call.", ex);
        }

        await using (admin.ConfigureAwait(false))
        {
            string? appendOnly;
            string? fsync;
            try
            {
                appendOnly = await ConfigGetAsync(admin, "appendonly", cancellationToken).ConfigureAwait(false);
                fsync = await ConfigGetAsync(admin, "appendfsync", cancellationToken).ConfigureAwait(false);
            }
            catch (RedisServerException ex)
            {
                // CONFIG renamed or forbidden (managed services): the settings cannot be verified.
                return $"the server refused CONFIG GET ({ex.Message.Split(' ')[0]})";
            }

            if (!string.Equals(appendOnly, "yes", StringComparison.OrdinalIgnoreCase))
            {
                return $"appendonly is {appendOnly ?? "unknown"}";
            }

            return string.Equals(fsync, "always", StringComparison.OrdinalIgnoreCase) ? null : $"appendfsync is {fsync ?? "unknown"}";
        }
    }

    private async Task<string?> ConfigGetAsync(ConnectionMultiplexer admin, string name, CancellationToken cancellationToken)
    {
        var result = await RunAsync(_ => admin.GetDatabase(_options.Database).ExecuteAsync("CONFIG", "GET", name), "check its durability settings", cancellationToken, rethrowServerErrors: true).ConfigureAwait(false);
        var pair = (RedisResult[]?)result;
        return pair is { Length: 2 } ? (string?)pair[1] : null;
    }

    private async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command, string what, CancellationToken cancellationToken, bool rethrowServerErrors = false)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await command(Database).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisKeys.IsUnavailable(ex) || (!rethrowServerErrors && ex is RedisServerException))
        {
            throw new AttentionRedisUnavailableException($"The Redis payment ledger could not {what}; no payment was signed or sent by this call.", ex);
        }
    }
}
