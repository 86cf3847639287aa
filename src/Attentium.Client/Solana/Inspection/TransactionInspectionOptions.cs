namespace Attentium.Solana;

/// <summary>Settings of the <see cref="TransactionInspector"/>: which programs a server-built transaction may use, and the agent's limits.</summary>
public sealed class TransactionInspectionOptions
{
    /// <summary>
    /// The escrow program a campaign payment deposits through (from the Attentium configuration). Its instructions cannot be
    /// decoded statically: they are allowed, and the pre-signing simulation bounds what they can take from the agent. An
    /// instruction whose program is the escrow program is treated as opaque even if the id is one of the built-in programs.
    /// </summary>
    public PublicKey? EscrowProgramId { get; set; }

    /// <summary>More programs to allow. Like the escrow program they are opaque: the simulation bounds them.</summary>
    public IList<PublicKey> AdditionalAllowedPrograms { get; } = [];

    /// <summary>The USDC mint invoices are paid in. Default: mainnet USDC (<see cref="Usdc.MainnetMint"/>); use <see cref="Usdc.DevnetMint"/> on devnet.</summary>
    public PublicKey UsdcMint { get; set; } = Usdc.MainnetMint;

    /// <summary>The token program that owns <see cref="UsdcMint"/>. Default: SPL Token.</summary>
    public PublicKey UsdcTokenProgram { get; set; } = PublicKey.TokenProgram;

    /// <summary>
    /// The most lamports the agent's SOL balance may fall by: network fees, priority fees, and rent for accounts the transaction
    /// creates. Default: 10,000,000 (0.01 SOL).
    /// </summary>
    public ulong SolAllowanceLamports { get; set; } = 10_000_000;

    /// <summary>
    /// Simulate the transaction before signing (needs a <see cref="SolanaRpcClient"/>) and refuse when the agent's SOL or USDC
    /// balance would fall by more than allowed. Default: <see langword="true"/>. Turning it off also refuses any transaction in
    /// which an opaque (escrow or additional) program receives the agent's accounts.
    /// </summary>
    public bool SimulateBeforeSigning { get; set; } = true;

    /// <summary>
    /// Turns inspection off: the SDK then signs whatever the server sends. Dangerous; only for trusted servers in tests.
    /// Default: <see langword="false"/>.
    /// </summary>
    public bool DisableInspection { get; set; }
}
