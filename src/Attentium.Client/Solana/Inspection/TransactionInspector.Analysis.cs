namespace Attentium.Solana;

public partial class TransactionInspector
{
    private Findings Analyze(Message message, IReadOnlyList<TransactionInstruction> instructions, IReadOnlyList<PublicKey> keys, PublicKey agent, PaymentRecipients recipients, InspectionPolicy policy)
    {
        if (keys.Distinct().Count() != keys.Count)
        {
            throw Reject(RejectionReason.Malformed, "an account key appears twice in the transaction.");
        }

        var usdcAccount = recipients.AgentUsdc;
        var findings = new Findings();
        var memos = new List<string>();
        var budget = new Dictionary<ComputeBudgetInstructions.Kind, ulong>();
        var counted = 0;
        for (var i = 0; i < instructions.Count; i++)
        {
            var ix = instructions[i];
            var where = $"instruction {i} ({ix.ProgramId})";
            if (!IsAllowed(ix.ProgramId))
            {
                throw Reject(RejectionReason.ProgramNotAllowed, $"{where} calls a program that is not on the allow-list.");
            }

            if (!findings.Programs.Contains(ix.ProgramId))
            {
                findings.Programs.Add(ix.ProgramId);
            }

            var touchesAgent = ix.Accounts.Any(a => a.PublicKey == agent || a.PublicKey == usdcAccount);
            if (IsOpaque(ix.ProgramId))
            {
                findings.OpaqueTouchesAgent |= touchesAgent;
                counted++;
                continue;
            }

            if (ix.ProgramId == PublicKey.ComputeBudgetProgram)
            {
                // The runtime reads the tag and value and ignores what follows; it fails a transaction that repeats a setting.
                if (!ComputeBudgetInstructions.TryDecode(ix, out var kind, out var value))
                {
                    throw Reject(RejectionReason.UndecodableInstruction, $"{where} is a Compute Budget instruction the runtime cannot read (tag {(ix.Data.IsEmpty ? "none" : ix.Data.Span[0])}, {ix.Data.Length} bytes).");
                }

                if (!budget.TryAdd(kind, value))
                {
                    throw Reject(RejectionReason.UndecodableInstruction, $"{where} repeats {kind}.");
                }

                continue;
            }

            counted++;
            if (MemoInstructions.IsMemoProgram(ix.ProgramId))
            {
                if (!MemoInstructions.TryGetText(ix, out var text))
                {
                    throw Reject(RejectionReason.Malformed, $"{where} is a memo that is not valid UTF-8.");
                }

                memos.Add(text);
            }
            else if (ix.ProgramId == PublicKey.SystemProgram)
            {
                CheckSystem(ix, agent, where);
            }
            else if (TokenInstructions.IsTokenProgram(ix.ProgramId))
            {
                CheckToken(ix, agent, recipients, policy, where, findings, touchesAgent);
            }
            else if (ix.ProgramId == PublicKey.AssociatedTokenProgram)
            {
                CheckAssociatedToken(ix, agent, recipients, policy, where, findings, touchesAgent);
            }
        }

        findings.Fee = EstimateFee(message, budget, counted);
        CheckMemos(policy, memos);
        if (findings.UsdcOut > policy.MaxUsdcOutflow)
        {
            throw Reject(RejectionReason.UsdcOutflowTooHigh,
                $"the agent would send {Usdc.FromBaseUnits(findings.UsdcOut)} USDC; the most allowed is {Usdc.FromBaseUnits(policy.MaxUsdcOutflow)} USDC.");
        }

        var spend = (UInt128)findings.SolOut + findings.Fee;
        if (spend > Options.SolAllowanceLamports)
        {
            throw Reject(RejectionReason.SolOutflowTooHigh,
                $"the agent would spend {spend} lamports (rent {findings.SolOut}, fees {findings.Fee}); the allowance is {Options.SolAllowanceLamports}.");
        }

        return findings;
    }

    /// <summary>
    /// Base fee (5,000 lamports per signature) plus the priority fee: price (micro-lamports per unit) × unit limit, rounded up, the
    /// limit being the requested one (capped at 1.4M) or, without one, 200,000 per instruction. Computed in 128 bits, so a huge
    /// price cannot wrap around.
    /// </summary>
    private ulong EstimateFee(Message message, Dictionary<ComputeBudgetInstructions.Kind, ulong> budget, int counted)
    {
        var limit = budget.TryGetValue(ComputeBudgetInstructions.Kind.SetComputeUnitLimit, out var requested)
            ? Math.Min(requested, MaxComputeUnits)
            : Math.Min((ulong)DefaultUnitsPerInstruction * (ulong)counted, MaxComputeUnits);
        var price = budget.GetValueOrDefault(ComputeBudgetInstructions.Kind.SetComputeUnitPrice);
        var priority = (((UInt128)price * limit) + 999_999) / 1_000_000;
        if (priority > Options.MaxPriorityFeeLamports)
        {
            throw Reject(RejectionReason.PriorityFeeTooHigh,
                $"the priority fee would be {priority} lamports ({price} micro-lamports × {limit} units); the most allowed is {Options.MaxPriorityFeeLamports}.");
        }

        return ((ulong)LamportsPerSignature * message.Header.NumRequiredSignatures) + (ulong)priority;
    }

    private static void CheckMemos(InspectionPolicy policy, List<string> memos)
    {
        if (policy.Flow != InspectionFlow.CampaignPayment)
        {
            return;
        }

        if (memos.Count == 0)
        {
            throw Reject(RejectionReason.MemoMissing, $"no memo instruction carries the campaign id '{policy.CampaignId}'.");
        }

        var other = memos.FirstOrDefault(m => !string.Equals(m, policy.CampaignId, StringComparison.Ordinal));
        if (other is not null)
        {
            throw Reject(RejectionReason.MemoMismatch, $"the memo '{Shorten(other)}' differs from the campaign id '{policy.CampaignId}'.");
        }
    }

    private static void CheckSystem(TransactionInstruction ix, PublicKey agent, string where)
    {
        var data = ix.Data.Span;
        if (!SystemInstructions.IsWellFormed(data))
        {
            throw Reject(RejectionReason.UndecodableInstruction, $"{where} is a System instruction the runtime cannot read ({data.Length} bytes).");
        }

        var kind = SystemInstructions.GetKind(data)!.Value;
        if (kind == SystemInstructions.Kind.AdvanceNonceAccount)
        {
            // A durable nonce replaces the blockhash: the signed transaction would never expire and could be replayed at will.
            throw Reject(RejectionReason.DurableNonce, $"{where} advances a durable nonce; a payment must expire with its blockhash.");
        }

        if (!ix.Accounts.Any(a => a.PublicKey == agent))
        {
            return; // the server's own accounts
        }

        if (SystemInstructions.TryGetLamportsMoved(ix, out var funder, out var lamports))
        {
            var agentPays = funder == agent || (kind == SystemInstructions.Kind.TransferWithSeed && ix.Accounts.Any(a => a.PublicKey == agent && a.IsSigner));
            if (agentPays)
            {
                throw Reject(RejectionReason.RecipientNotProven,
                    $"{where} ({kind}) takes {lamports} lamports from the agent for {(ix.Accounts.Count > 1 ? ix.Accounts[1].PublicKey : funder)}; the agent's SOL pays only fees and token-account rent.");
            }

            if (kind is SystemInstructions.Kind.Transfer or SystemInstructions.Kind.TransferWithSeed)
            {
                return; // the agent receives
            }
        }

        throw Reject(RejectionReason.ForbiddenSystemInstruction, $"{where} is a System {kind} on the agent's account.");
    }

    private void CheckToken(TransactionInstruction ix, PublicKey agent, PaymentRecipients recipients, InspectionPolicy policy, string where, Findings findings, bool touchesAgent)
    {
        var data = ix.Data.Span;
        if (!TokenInstructions.IsKnownInstruction(ix.ProgramId, data))
        {
            throw Reject(RejectionReason.UndecodableInstruction, $"{where} is not an instruction the token program knows (tag {(data.IsEmpty ? "none" : data[0])}).");
        }

        var kind = TokenInstructions.GetKind(data);
        if (TokenInstructions.TryDecodeTransfer(ix, out var transfer))
        {
            CheckTransfer(transfer, agent, recipients, policy, where, findings);
            return;
        }

        if (kind is TokenInstructions.Kind.Transfer or TokenInstructions.Kind.TransferChecked)
        {
            throw Reject(RejectionReason.UndecodableInstruction, $"{where} is a token {kind} with too little data or too few accounts.");
        }

        if (touchesAgent)
        {
            throw Reject(RejectionReason.ForbiddenTokenInstruction, $"{where} is a token {kind} on the agent's accounts.");
        }
    }

    private void CheckTransfer(TokenTransfer transfer, PublicKey agent, PaymentRecipients recipients, InspectionPolicy policy, string where, Findings findings)
    {
        var fromAgent = transfer.Authority == agent || transfer.Source == recipients.AgentUsdc;
        if (!fromAgent)
        {
            return;
        }

        var isUsdc = transfer.ProgramId == Options.UsdcTokenProgram
            && (transfer.Mint is null ? transfer.Source == recipients.AgentUsdc : transfer.Mint == Options.UsdcMint && transfer.Decimals == Usdc.Decimals);
        if (!isUsdc)
        {
            throw Reject(RejectionReason.UnexpectedToken, transfer.Mint is null
                ? $"{where} is an unchecked token transfer out of {transfer.Source}, which is not the agent's USDC account."
                : $"{where} sends mint {transfer.Mint} (decimals {transfer.Decimals}) from the agent; only USDC {Options.UsdcMint} is expected.");
        }

        if (policy.Flow == InspectionFlow.RefundOrClaim)
        {
            throw Reject(RejectionReason.UsdcOutflowTooHigh, $"{where} sends {Usdc.FromBaseUnits(transfer.Amount)} USDC from the agent in a refund or claim.");
        }

        if (!recipients.Accepts(transfer.Destination))
        {
            throw Reject(RejectionReason.RecipientNotProven, $"{where} sends {Usdc.FromBaseUnits(transfer.Amount)} USDC to {transfer.Destination}; {recipients.Describe()}.");
        }

        findings.UsdcOut = checked(findings.UsdcOut + transfer.Amount);
    }

    private void CheckAssociatedToken(TransactionInstruction ix, PublicKey agent, PaymentRecipients recipients, InspectionPolicy policy, string where, Findings findings, bool touchesAgent)
    {
        // The ATA program reads empty data as Create and otherwise Borsh-decodes the whole data: one byte, 0 to 2.
        var data = ix.Data.Span;
        if (data.Length > 1 || (data.Length == 1 && data[0] > 2))
        {
            throw Reject(RejectionReason.UndecodableInstruction, $"{where} is not an instruction the associated token account program knows.");
        }

        if (AssociatedTokenInstructions.TryDecodeCreate(ix, out var create))
        {
            if (create.Funder != agent)
            {
                return;
            }

            var ownAccount = create.Owner == agent;
            var recipientAccount = policy.Flow == InspectionFlow.CampaignPayment && recipients.Accepts(create.Account);
            if (!ownAccount && !recipientAccount)
            {
                throw Reject(RejectionReason.RecipientNotProven, $"{where} makes the agent pay rent for {create.Owner}'s token account {create.Account}, which is neither the agent's nor the payment's recipient.");
            }

            findings.SolOut = checked(findings.SolOut + AssociatedTokenInstructions.TokenAccountRentLamports);
            return;
        }

        if (data.IsEmpty || data[0] != 2)
        {
            throw Reject(RejectionReason.UndecodableInstruction, $"{where} is an associated-token-account create with too few accounts.");
        }

        if (touchesAgent)
        {
            throw Reject(RejectionReason.ForbiddenTokenInstruction, $"{where} is an associated-token-account RecoverNested on the agent's accounts.");
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private sealed class Findings
    {
        public ulong UsdcOut { get; set; }

        public ulong SolOut { get; set; }

        public ulong Fee { get; set; }

        public bool OpaqueTouchesAgent { get; set; }

        public List<PublicKey> Programs { get; } = [];
    }
}
