namespace Attentium.Solana;

/// <summary>
/// The accounts a payment by one agent may credit: the treasury's USDC account (memo flow) and the agent's escrow vault (escrow
/// flow), each present only when configured, and the agent's own USDC account.
/// </summary>
internal sealed class PaymentRecipients
{
    public PaymentRecipients(TransactionInspectionOptions options, PublicKey agent)
    {
        AgentUsdc = PublicKey.GetAssociatedTokenAddress(agent, options.UsdcMint, options.UsdcTokenProgram);
        TreasuryUsdc = options.Treasury is { } treasury ? PublicKey.GetAssociatedTokenAddress(treasury, options.UsdcMint, options.UsdcTokenProgram) : null;
        EscrowVault = options.EscrowProgramId is { } program
            ? EscrowAddresses.GetEscrowVault(agent, program, options.UsdcMint, options.UsdcTokenProgram, options.EscrowSeedPrefix)
            : null;
    }

    public PublicKey AgentUsdc { get; }

    public PublicKey? TreasuryUsdc { get; }

    public PublicKey? EscrowVault { get; }

    public IEnumerable<PublicKey> All => new[] { TreasuryUsdc, EscrowVault }.OfType<PublicKey>();

    public bool Accepts(PublicKey account) => account == TreasuryUsdc || account == EscrowVault;

    public string Describe() => (TreasuryUsdc, EscrowVault) switch
    {
        (null, null) => "no treasury or escrow program is configured, so no recipient can be proven",
        ({ } t, null) => $"the only accepted recipient is the treasury's USDC account {t}",
        (null, { } e) => $"the only accepted recipient is this agent's escrow vault {e}",
        ({ } t, { } e) => $"the accepted recipients are the treasury's USDC account {t} and this agent's escrow vault {e}",
    };
}
