namespace Attentium.Solana;

/// <summary>
/// Checks a transaction the SDK did not build (a server-built payment, refund or claim) before the agent signs it, and
/// refuses with a <see cref="TransactionRejectedException"/> (nothing signed) unless:
/// <list type="bullet">
/// <item>the agent is the fee payer (and so a required signer) and no account key repeats;</item>
/// <item>every program is allowed: System, SPL Token, Token-2022, Associated Token Account, Memo v1/v2, Compute Budget, the
/// configured escrow program and <see cref="TransactionInspectionOptions.AdditionalAllowedPrograms"/>;</item>
/// <item>every instruction of a known program decodes the way the runtime decodes it (tag prefix, trailing bytes ignored) and no
/// Compute Budget setting repeats; no <c>AdvanceNonceAccount</c> (durable nonce) appears anywhere;</item>
/// <item>for a campaign payment, a memo equals the campaign id and no memo differs from it;</item>
/// <item>what the agent sends, read from the instructions, stays within the policy: USDC through SPL Transfer/TransferChecked out
/// of the agent's account or with the agent as authority, only to the treasury's USDC account or this agent's escrow vault
/// (<see cref="EscrowAddresses"/>), at most the invoice (nothing for refunds and claims); no SOL sent by the agent except fees
/// and rent for its own or the recipient's token account, within <see cref="TransactionInspectionOptions.SolAllowanceLamports"/>;
/// a priority fee at most <see cref="TransactionInspectionOptions.MaxPriorityFeeLamports"/> (computed without overflow); and
/// no other token or System instruction (Approve, SetAuthority, CloseAccount, Burn, Assign, ...) touches the agent or its USDC account;</item>
/// <item>with simulation on (the default, needs an RPC client; refused without one), the simulated transaction succeeds and
/// proves the outcome: USDC that leaves the agent reaches the recipients, a refund or claim credits at least the stated amount,
/// no owner, delegate or close authority of the agent's token accounts changes, the agent's own account is not assigned or
/// allocated, and SOL falls within the allowance. This bounds what opaque escrow instructions do.</item>
/// </list>
/// v0 transactions: keys loaded from address lookup tables are resolved by reading the tables (<c>getAccountInfo</c>) before
/// any check; without an RPC client such a transaction is refused. Table entries cannot change once written (tables only grow),
/// so the resolution holds when the transaction executes. An RPC failure while inspecting is a rejection with
/// <see cref="RejectionReason.RpcFailed"/> (the RPC error as inner exception): nothing is signed.
/// </summary>
public partial class TransactionInspector
{
    private const ulong LamportsPerSignature = 5_000;
    private const uint DefaultUnitsPerInstruction = 200_000;
    private const uint MaxComputeUnits = 1_400_000;

    private static readonly PublicKey[] s_builtInPrograms =
    [
        PublicKey.SystemProgram,
        PublicKey.TokenProgram,
        PublicKey.Token2022Program,
        PublicKey.AssociatedTokenProgram,
        PublicKey.MemoProgram,
        PublicKey.MemoV1Program,
        PublicKey.ComputeBudgetProgram,
    ];

    private readonly SolanaRpcClient? _rpc;

    /// <summary>Creates an inspector. Without <paramref name="rpc"/> there is no simulation and no lookup-table resolution.</summary>
    public TransactionInspector(TransactionInspectionOptions options, SolanaRpcClient? rpc = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _rpc = rpc;
    }

    /// <summary>The inspector's settings.</summary>
    public TransactionInspectionOptions Options { get; }

    /// <summary>Inspects <paramref name="transaction"/> for <paramref name="agent"/> under <paramref name="policy"/>; throws when it must not be signed.</summary>
    /// <exception cref="TransactionRejectedException">A rule failed; nothing was signed.</exception>
    public virtual async Task<InspectionReport> InspectAsync(Transaction transaction, PublicKey agent, InspectionPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(policy);
        if (Options.DisableInspection)
        {
            return new InspectionReport(false, 0, 0, 0, [], null);
        }

        var message = transaction.Message;
        if (message.FeePayer != agent)
        {
            throw Reject(RejectionReason.AgentNotFeePayer, $"the fee payer is {message.FeePayer}, not the agent {agent}.");
        }

        try
        {
            var loaded = await ResolveLookupsAsync(message, cancellationToken).ConfigureAwait(false);
            var keys = message.GetAccountKeys(loaded);
            var recipients = new PaymentRecipients(Options, agent);
            var findings = Analyze(message, message.DecompileInstructions(loaded), keys, agent, recipients, policy);
            SimulatedBalances? simulation = null;
            if (Options.SimulateBeforeSigning)
            {
                if (_rpc is null)
                {
                    throw Reject(RejectionReason.SimulationUnavailable,
                        $"{nameof(TransactionInspectionOptions.SimulateBeforeSigning)} is on but the inspector has no RPC client to simulate with; give it one (or turn simulation off explicitly, a documented risk).");
                }

                simulation = await SimulateAsync(transaction, message, keys, agent, recipients, policy, cancellationToken).ConfigureAwait(false);
            }
            else if (findings.OpaqueTouchesAgent)
            {
                throw Reject(RejectionReason.OpaqueInstructionNotVerified,
                    "an escrow or additional program receives the agent's accounts and cannot be decoded; enable simulation (with an RPC client) to verify it.");
            }
            else if (policy.MinUsdcGain > 0)
            {
                throw Reject(RejectionReason.SimulationUnavailable,
                    $"only a simulation can prove that the agent receives the stated {Usdc.FromBaseUnits(policy.MinUsdcGain)} USDC, and {nameof(TransactionInspectionOptions.SimulateBeforeSigning)} is off.");
            }

            return new InspectionReport(true, findings.UsdcOut, findings.SolOut, findings.Fee, findings.Programs, simulation);
        }
        catch (Exception ex) when (ex is SolanaRpcTransportException or (SolanaException and not TransactionRejectedException))
        {
            throw new TransactionRejectedException(RejectionReason.RpcFailed, $"the RPC node failed during inspection: {ex.Message}", ex);
        }
    }

    /// <summary>Inspects the transaction and, when accepted, signs the agent's slot (other signatures are kept).</summary>
    /// <exception cref="TransactionRejectedException">A rule failed; nothing was signed.</exception>
    public virtual async Task<InspectionReport> InspectAndSignAsync(Transaction transaction, ISolanaSigner signer, InspectionPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(signer);
        var report = await InspectAsync(transaction, signer.PublicKey, policy, cancellationToken).ConfigureAwait(false);
        await transaction.SignAsync(signer, cancellationToken).ConfigureAwait(false);
        return report;
    }

    private bool IsOpaque(PublicKey program) =>
        program == Options.EscrowProgramId || Options.AdditionalAllowedPrograms.Contains(program);

    private bool IsAllowed(PublicKey program) => IsOpaque(program) || s_builtInPrograms.Contains(program);

    private static TransactionRejectedException Reject(RejectionReason reason, string detail) => new(reason, detail);

    private async Task<LoadedAddresses> ResolveLookupsAsync(Message message, CancellationToken cancellationToken)
    {
        if (message.AddressTableLookups.Count == 0)
        {
            return LoadedAddresses.Empty;
        }

        if (_rpc is null)
        {
            throw Reject(RejectionReason.LookupTableUnresolved, "the transaction loads accounts from address lookup tables, and there is no RPC client to read them.");
        }

        var tables = new List<AddressLookupTableAccount>();
        foreach (var lookup in message.AddressTableLookups)
        {
            var account = await _rpc.GetAccountInfoAsync(lookup.AccountKey, null, cancellationToken).ConfigureAwait(false);
            if (account is null || account.Owner != PublicKey.AddressLookupTableProgram)
            {
                throw Reject(RejectionReason.LookupTableUnresolved, $"lookup table {lookup.AccountKey} does not exist or is not owned by the Address Lookup Table program.");
            }

            try
            {
                tables.Add(AddressLookupTableAccount.FromAccountData(lookup.AccountKey, account.Data.Span));
            }
            catch (FormatException ex)
            {
                throw Reject(RejectionReason.LookupTableUnresolved, ex.Message);
            }
        }

        try
        {
            return message.ResolveLoadedAddresses(tables);
        }
        catch (ArgumentException ex)
        {
            throw Reject(RejectionReason.LookupTableUnresolved, ex.Message);
        }
    }
}
