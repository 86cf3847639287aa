namespace Attentium.Solana;

/// <summary>Why the inspector refused to sign.</summary>
public enum RejectionReason
{
    /// <summary>The agent is not the fee payer.</summary>
    AgentNotFeePayer,

    /// <summary>The transaction is structurally unacceptable (duplicate keys, undecodable instruction touching the agent, ...).</summary>
    Malformed,

    /// <summary>An instruction calls a program that is not on the allow-list.</summary>
    ProgramNotAllowed,

    /// <summary>A campaign payment has no memo equal to the campaign id.</summary>
    MemoMissing,

    /// <summary>A memo differs from the campaign id.</summary>
    MemoMismatch,

    /// <summary>The agent would send more USDC than invoiced (or any, for a refund or claim).</summary>
    UsdcOutflowTooHigh,

    /// <summary>The agent would spend more SOL than the allowance for fees and rent (or send SOL in a refund or claim).</summary>
    SolOutflowTooHigh,

    /// <summary>The agent would send a token other than the invoiced USDC, or use an unchecked transfer from an unknown account.</summary>
    UnexpectedToken,

    /// <summary>A token instruction other than a transfer (Approve, SetAuthority, CloseAccount, Burn, ...) touches the agent's accounts.</summary>
    ForbiddenTokenInstruction,

    /// <summary>A System instruction other than a transfer or account creation (Assign, nonce operations, ...) touches the agent.</summary>
    ForbiddenSystemInstruction,

    /// <summary>Keys loaded from an address lookup table could not be resolved.</summary>
    LookupTableUnresolved,

    /// <summary>An opaque program receives the agent's accounts, and simulation is off or impossible.</summary>
    OpaqueInstructionNotVerified,

    /// <summary>The simulation failed: the transaction would not succeed.</summary>
    SimulationFailed,

    /// <summary>The simulation shows the agent's balances falling by more than allowed.</summary>
    SimulatedBalanceDrop,

    /// <summary>Tokens or SOL leave the agent for an account that is not the payment's recipient (the treasury's USDC account, or this agent's escrow vault), or a refund or claim credits the agent with less than the server stated.</summary>
    RecipientNotProven,

    /// <summary>The priority fee exceeds <see cref="TransactionInspectionOptions.MaxPriorityFeeLamports"/>, or a fee computation overflows.</summary>
    PriorityFeeTooHigh,

    /// <summary>The transaction uses a durable nonce (<c>AdvanceNonceAccount</c>): it would never expire and could be replayed later.</summary>
    DurableNonce,

    /// <summary>An instruction of a program the inspector knows (System, Token, Associated Token, Compute Budget) cannot be decoded the way the runtime decodes it, or repeats a Compute Budget setting.</summary>
    UndecodableInstruction,

    /// <summary>A policy needs simulation but there is no RPC client to run it, or simulation was turned off.</summary>
    SimulationUnavailable,

    /// <summary>The RPC node failed while the inspector read accounts or simulated; nothing was signed. The inner exception has the RPC error.</summary>
    RpcFailed,

    /// <summary>The simulation shows an owner, delegate or close authority of one of the agent's token accounts changing, one closed, or the agent's own account assigned to another program or allocated data.</summary>
    AuthorityChanged,
}
