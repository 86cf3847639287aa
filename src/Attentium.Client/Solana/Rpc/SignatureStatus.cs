namespace Attentium.Solana;

/// <summary>What the cluster knows about a transaction signature.</summary>
/// <param name="Slot">The slot the transaction was processed in.</param>
/// <param name="Confirmations">Blocks confirmed since, or <see langword="null"/> once rooted.</param>
/// <param name="Error">The transaction's error, or <see langword="null"/> when it succeeded.</param>
/// <param name="ConfirmationStatus">How settled it is (<see langword="null"/> when the node did not say).</param>
public sealed record SignatureStatus(ulong Slot, ulong? Confirmations, TransactionError? Error, Commitment? ConfirmationStatus)
{
    /// <summary>Whether the status has reached <paramref name="commitment"/>.</summary>
    /// <remarks>Nodes that omit <c>confirmationStatus</c> are read the old way: <c>confirmations: null</c> means rooted.</remarks>
    public bool HasReached(Commitment commitment) => ConfirmationStatus is { } status
        ? status >= commitment
        : Confirmations is null || commitment == Commitment.Processed;
}
