namespace Attention.Sdk.Redis;

/// <summary>
/// The Redis server behind <see cref="RedisPaymentLedger"/> does not guarantee that a recorded payment survives a crash (or does
/// not let the ledger check), and <see cref="RedisPaymentLedgerOptions.Durability"/> is <see cref="RedisDurabilityCheck.Require"/>.
/// Nothing was recorded, signed or sent.
/// </summary>
public sealed class RedisLedgerNotDurableException : AttentionException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">What the server reported.</param>
    /// <param name="innerException">The error of the check, if it failed.</param>
    public RedisLedgerNotDurableException(string reason, Exception? innerException = null)
        : base($"The Redis payment ledger needs 'appendonly yes' and 'appendfsync always' on the server; {reason}. Nothing was signed. Fix the server settings, or set Durability = WarnOnly if the server is durable by other means.", innerException)
    {
        Reason = reason;
    }

    /// <summary>What the server reported (for example <c>appendfsync is everysec</c>).</summary>
    public string Reason { get; }
}
