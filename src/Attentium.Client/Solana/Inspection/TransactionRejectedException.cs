namespace Attentium.Solana;

/// <summary>The inspector refused a transaction before signing: nothing was signed or sent. <see cref="Reason"/> says why.</summary>
public class TransactionRejectedException : SolanaException
{
    /// <summary>Creates the exception.</summary>
    public TransactionRejectedException(RejectionReason reason, string detail)
        : base($"Refused to sign the transaction ({reason}): {detail}")
    {
        Reason = reason;
        Detail = detail;
    }

    /// <summary>Creates the exception with its cause (for <see cref="RejectionReason.RpcFailed"/>, the RPC error).</summary>
    public TransactionRejectedException(RejectionReason reason, string detail, Exception? innerException)
        : base($"Refused to sign the transaction ({reason}): {detail}", innerException)
    {
        Reason = reason;
        Detail = detail;
    }

    /// <summary>The rule that failed.</summary>
    public RejectionReason Reason { get; }

    /// <summary>What exactly was wrong.</summary>
    public string Detail { get; }
}
