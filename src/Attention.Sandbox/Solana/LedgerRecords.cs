using Attentium.Solana;

namespace Attention.Sandbox.Solana;

internal sealed record TokenAccount(PublicKey Mint, PublicKey Owner, ulong Amount);

/// <summary>USDC moved by instruction <see cref="Instruction"/>; <see cref="FromEscrow"/> marks a <c>withdraw_escrow</c> out of an escrow vault.</summary>
internal sealed record TokenMove(PublicKey Source, PublicKey Destination, PublicKey Authority, ulong Amount, bool FromEscrow, int Instruction);

/// <summary>A transaction that landed in a block, successfully or (sent with <c>skipPreflight</c>) with <see cref="Error"/>.</summary>
internal sealed record ProcessedTransaction(string Signature, long Slot, Transaction? Transaction, IReadOnlyList<string> Memos, IReadOnlyList<string> Logs, IReadOnlyList<TokenMove> TokenMoves, LedgerError? Error);

internal sealed record ExecutionOutcome(LedgerError? Error, IReadOnlyList<string> Logs, IReadOnlyList<string> Memos, IReadOnlyList<TokenMove> TokenMoves)
{
    public static ExecutionOutcome Fail(LedgerError error, IReadOnlyList<string> logs) => new(error, logs, [], []);
}

/// <summary>A JSON-RPC error the endpoint answers with: its code, message, and for transaction errors the <c>err</c> and logs.</summary>
internal sealed class LedgerException(int code, string message, LedgerError? error = null, IReadOnlyList<string>? logs = null) : Exception(message)
{
    public int Code { get; } = code;

    public LedgerError? Error { get; } = error;

    public IReadOnlyList<string> Logs { get; } = logs ?? [];
}

/// <summary>The confirmation levels of the standard RPC, in order.</summary>
internal enum LedgerCommitment
{
    Processed,
    Confirmed,
    Finalized,
}

/// <summary>
/// The escrow program's and the treasury's own bookkeeping (which refunds and claims may pay out, and only once), consulted
/// before a transaction commits and told when it did. Both calls run inside the ledger's lock: an implementation must not take
/// another lock nor call back into the ledger (lock-free state only), so the two can never wait on each other.
/// </summary>
internal interface ILedgerGuard
{
    /// <summary>Null to let the transaction through, with what to record when it commits; or the error that refuses it.</summary>
    (LedgerError? Error, Action? OnCommit) Check(ExecutionOutcome outcome);
}
