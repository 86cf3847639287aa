namespace Attentium.Solana;

/// <summary>The outcome of <c>simulateTransaction</c>.</summary>
/// <param name="Error">The error the transaction would fail with, or <see langword="null"/>.</param>
/// <param name="Logs">Program logs.</param>
/// <param name="Accounts">The requested accounts after the simulation, in request order (<see langword="null"/> entries for missing accounts; empty when none were requested or the simulation failed).</param>
/// <param name="UnitsConsumed">Compute units used, when reported.</param>
public sealed record SimulationResult(TransactionError? Error, IReadOnlyList<string> Logs, IReadOnlyList<AccountInfo?> Accounts, ulong? UnitsConsumed);
