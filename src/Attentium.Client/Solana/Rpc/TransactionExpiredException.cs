using System.Globalization;

namespace Attentium.Solana;

/// <summary>
/// The block height passed the transaction's <c>lastValidBlockHeight</c> before it was seen: it can never land now. It is
/// safe to build and sign a new transaction with a fresh blockhash (the old one cannot be processed any more).
/// </summary>
public class TransactionExpiredException : SolanaException
{
    /// <summary>Creates the exception.</summary>
    public TransactionExpiredException(string signature, ulong lastValidBlockHeight, ulong blockHeight)
        : base(string.Create(CultureInfo.InvariantCulture, $"Transaction {signature} expired: block height {blockHeight} passed its last valid block height {lastValidBlockHeight} before it landed. Sign it again with a new blockhash."))
    {
        Signature = signature;
        LastValidBlockHeight = lastValidBlockHeight;
        BlockHeight = blockHeight;
    }

    /// <summary>The transaction signature.</summary>
    public string Signature { get; }

    /// <summary>The transaction's last valid block height.</summary>
    public ulong LastValidBlockHeight { get; }

    /// <summary>The block height observed when giving up.</summary>
    public ulong BlockHeight { get; }
}
