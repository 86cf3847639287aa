namespace Attentium.Solana;

/// <summary>What the inspector found in an accepted transaction.</summary>
/// <param name="Inspected">Whether inspection ran (<see langword="false"/> only when it was explicitly disabled).</param>
/// <param name="UsdcOutflow">USDC base units the agent sends through decoded transfers.</param>
/// <param name="SolOutflowLamports">Lamports the agent sends or funds (transfers, created accounts, ATA rent), fees excluded.</param>
/// <param name="EstimatedFeeLamports">Base fee (5,000 per signature) plus the priority fee.</param>
/// <param name="Programs">The programs the transaction calls.</param>
/// <param name="Simulation">The simulated balance changes, when a simulation ran.</param>
public sealed record InspectionReport(bool Inspected, ulong UsdcOutflow, ulong SolOutflowLamports, ulong EstimatedFeeLamports, IReadOnlyList<PublicKey> Programs, SimulatedBalances? Simulation);

/// <summary>The agent's balances before and after the simulated transaction.</summary>
/// <param name="LamportsBefore">SOL balance before, in lamports.</param>
/// <param name="LamportsAfter">SOL balance after the simulation.</param>
/// <param name="UsdcBefore">USDC balance (base units) of the agent's associated token account before.</param>
/// <param name="UsdcAfter">USDC balance after the simulation.</param>
public sealed record SimulatedBalances(ulong LamportsBefore, ulong LamportsAfter, ulong UsdcBefore, ulong UsdcAfter)
{
    /// <summary>How many lamports the agent loses (0 when it gains).</summary>
    public ulong LamportDrop => LamportsBefore > LamportsAfter ? LamportsBefore - LamportsAfter : 0;

    /// <summary>How many USDC base units the agent loses (0 when it gains).</summary>
    public ulong UsdcDrop => UsdcBefore > UsdcAfter ? UsdcBefore - UsdcAfter : 0;

    /// <summary>How many USDC base units the payment's recipients (treasury account, escrow vault) gain in the simulation.</summary>
    public ulong RecipientUsdcGain { get; init; }
}
