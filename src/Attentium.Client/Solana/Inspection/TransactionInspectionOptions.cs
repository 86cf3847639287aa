namespace Attentium.Solana;

/// <summary>Settings of the <see cref="TransactionInspector"/>: which programs a server-built transaction may use, and the agent's limits.</summary>
public sealed class TransactionInspectionOptions
{
    /// <summary>The default <see cref="EscrowSeedPrefix"/>.</summary>
    public const string DefaultEscrowSeedPrefix = "escrow";

    /// <summary>
    /// The escrow program a campaign payment deposits through (from the Attentium configuration). Its instructions cannot be
    /// decoded statically: they are allowed, and the pre-signing simulation bounds what they can take from the agent. An
    /// instruction whose program is the escrow program is treated as opaque even if the id is one of the built-in programs.
    /// </summary>
    public PublicKey? EscrowProgramId { get; set; }

    /// <summary>
    /// The UTF-8 seed prefix of an agent's escrow PDA: <c>FindProgramAddress([prefix, agent], EscrowProgramId)</c>. The escrow vault,
    /// the only account a deposit may credit in the escrow flow, is that PDA's USDC associated token account. Default: <c>escrow</c>.
    /// </summary>
    public string EscrowSeedPrefix { get; set; } = DefaultEscrowSeedPrefix;

    /// <summary>
    /// The treasury wallet of the memo flow. A payment may credit its USDC associated token account (besides this agent's escrow
    /// vault). Filled in from <see cref="AttentiumClientOptions.Treasury"/> when the client builds the inspector.
    /// </summary>
    public PublicKey? Treasury { get; set; }

    /// <summary>
    /// The most lamports a transaction's priority fee (compute-unit price × compute-unit limit) may cost the agent. Default:
    /// 1,000,000 (0.001 SOL), far above what a busy mainnet needs for a token transfer.
    /// </summary>
    public ulong MaxPriorityFeeLamports { get; set; } = 1_000_000;

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
    /// Simulate the transaction before signing (needs a <see cref="SolanaRpcClient"/>) and refuse unless the simulation proves the
    /// outcome: the agent's SOL and USDC fall by no more than allowed, the USDC that leaves reaches the treasury's account or the
    /// escrow vault, a refund or claim credits at least the stated amount, and no owner, delegate or close authority of the agent's
    /// accounts changes. Default: <see langword="true"/>; with it on and no RPC client, every transaction is refused
    /// (<see cref="RejectionReason.SimulationUnavailable"/>). Turning it off is a risk: only the statically decodable instructions
    /// are then checked, any transaction in which an opaque (escrow or additional) program receives the agent's accounts is
    /// refused, and so is a refund or claim with a stated amount.
    /// </summary>
    public bool SimulateBeforeSigning { get; set; } = true;

    /// <summary>
    /// Turns inspection off: the SDK then signs whatever the server sends. Dangerous; only for trusted servers in tests.
    /// Default: <see langword="false"/>.
    /// </summary>
    public bool DisableInspection { get; set; }
}
