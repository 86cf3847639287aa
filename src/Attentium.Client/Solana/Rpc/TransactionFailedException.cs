namespace Attentium.Solana;

/// <summary>The transaction landed but failed (its fee was charged, nothing else happened); <see cref="Error"/> says why.</summary>
public class TransactionFailedException : SolanaException
{
    /// <summary>Creates the exception.</summary>
    public TransactionFailedException(string signature, TransactionError error)
        : base($"Transaction {signature} failed: {error} ({error?.Raw}).")
    {
        ArgumentNullException.ThrowIfNull(error);
        Signature = signature;
        Error = error;
    }

    /// <summary>The transaction signature.</summary>
    public string Signature { get; }

    /// <summary>The cluster's error.</summary>
    public TransactionError Error { get; }
}
