namespace Attentium.Solana;

/// <summary>Bytes that should hold a Solana transaction or message are malformed; <see cref="Offset"/> says where.</summary>
public class TransactionFormatException : SolanaException
{
    /// <summary>Creates the exception.</summary>
    public TransactionFormatException(string message, int offset)
        : base($"Malformed Solana transaction: {message} (at byte {offset}).")
    {
        Offset = offset;
        Reason = message;
    }

    /// <summary>The byte offset where decoding failed.</summary>
    public int Offset { get; }

    /// <summary>What was wrong, without the offset.</summary>
    public string Reason { get; }
}
