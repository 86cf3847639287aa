namespace Attentium.Solana;

public partial class TransactionInspector
{
    private Findings Analyze(Message message, LoadedAddresses loaded, PublicKey agent, InspectionPolicy policy)
    {
        var keys = message.GetAccountKeys(loaded);
        if (keys.Distinct().Count() != keys.Count)
        {
            throw Reject(RejectionReason.Malformed, "an account key appears twice in the transaction.");
        }

        var usdcAccount = PublicKey.GetAssociatedTokenAddress(agent, Options.UsdcMint, Options.UsdcTokenProgram);
        var instructions = message.DecompileInstructions(loaded);
        var findings = new Findings();
        var memos = new List<string>();
        uint? unitLimit = null;
        ulong unitPrice = 0;
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
                if (ComputeBudgetInstructions.TryGetComputeUnitLimit(ix, out var units))
                {
                    unitLimit = units;
                }
                else if (ComputeBudgetInstructions.TryGetComputeUnitPrice(ix, out var price))
                {
                    unitPrice = price;
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
                CheckSystem(ix, agent, policy, where, findings);
            }
            else if (TokenInstructions.IsTokenProgram(ix.ProgramId))
            {
                CheckToken(ix, agent, usdcAccount, where, findings, touchesAgent);
            }
            else if (ix.ProgramId == PublicKey.AssociatedTokenProgram)
            {
                CheckAssociatedToken(ix, agent, policy, where, findings, touchesAgent);
            }
        }

        var limit = Math.Min(unitLimit ?? (uint)Math.Min((ulong)MaxComputeUnits, (ulong)DefaultUnitsPerInstruction * (ulong)counted), MaxComputeUnits);
        var priorityFee = (ulong)Math.Ceiling((decimal)unitPrice * limit / 1_000_000m);
        findings.Fee = (LamportsPerSignature * message.Header.NumRequiredSignatures) + priorityFee;

        if (policy.Flow == InspectionFlow.CampaignPayment)
        {
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

        if (findings.UsdcOut > policy.MaxUsdcOutflow)
        {
            throw Reject(RejectionReason.UsdcOutflowTooHigh,
                $"the agent would send {Usdc.FromBaseUnits(findings.UsdcOut)} USDC; the most allowed is {Usdc.FromBaseUnits(policy.MaxUsdcOutflow)} USDC.");
        }

        if (findings.SolOut + findings.Fee > Options.SolAllowanceLamports)
        {
            throw Reject(RejectionReason.SolOutflowTooHigh,
                $"the agent would spend {findings.SolOut + findings.Fee} lamports (transfers and rent {findings.SolOut}, fees {findings.Fee}); the allowance is {Options.SolAllowanceLamports}.");
        }

        return findings;
    }

    private static void CheckSystem(TransactionInstruction ix, PublicKey agent, InspectionPolicy policy, string where, Findings findings)
    {
        var involved = ix.Accounts.Any(a => a.PublicKey == agent);
        if (!involved)
        {
            return;
        }

        if (SystemInstructions.TryGetLamportsMoved(ix, out var funder, out var lamports))
        {
            var kind = SystemInstructions.GetKind(ix.Data.Span);
            var agentPays = funder == agent || (kind == SystemInstructions.Kind.TransferWithSeed && ix.Accounts.Any(a => a.PublicKey == agent && a.IsSigner));
            if (!agentPays)
            {
                return; // the agent receives
            }

            if (policy.Flow == InspectionFlow.RefundOrClaim)
            {
                throw Reject(RejectionReason.SolOutflowTooHigh, $"{where} sends {lamports} lamports from the agent in a refund or claim.");
            }

            findings.SolOut = checked(findings.SolOut + lamports);
            return;
        }

        throw Reject(RejectionReason.ForbiddenSystemInstruction, $"{where} is a System {SystemInstructions.GetKind(ix.Data.Span)?.ToString() ?? "instruction"} on the agent's account.");
    }

    private void CheckToken(TransactionInstruction ix, PublicKey agent, PublicKey usdcAccount, string where, Findings findings, bool touchesAgent)
    {
        if (TokenInstructions.TryDecodeTransfer(ix, out var transfer))
        {
            var fromAgent = transfer.Authority == agent || transfer.Source == usdcAccount;
            if (!fromAgent)
            {
                return;
            }

            var isUsdc = ix.ProgramId == Options.UsdcTokenProgram
                && (transfer.Mint is null ? transfer.Source == usdcAccount : transfer.Mint == Options.UsdcMint && transfer.Decimals == Usdc.Decimals);
            if (!isUsdc)
            {
                throw Reject(RejectionReason.UnexpectedToken, transfer.Mint is null
                    ? $"{where} is an unchecked token transfer out of {transfer.Source}, which is not the agent's USDC account."
                    : $"{where} sends mint {transfer.Mint} (decimals {transfer.Decimals}) from the agent; only USDC {Options.UsdcMint} is expected.");
            }

            findings.UsdcOut = checked(findings.UsdcOut + transfer.Amount);
            return;
        }

        if (touchesAgent)
        {
            var kind = TokenInstructions.GetKind(ix.Data.Span);
            throw Reject(RejectionReason.ForbiddenTokenInstruction, $"{where} is a token {(kind is null ? "instruction" : kind.ToString())} on the agent's accounts.");
        }
    }

    private static void CheckAssociatedToken(TransactionInstruction ix, PublicKey agent, InspectionPolicy policy, string where, Findings findings, bool touchesAgent)
    {
        if (AssociatedTokenInstructions.TryDecodeCreate(ix, out var create))
        {
            if (create.Funder != agent)
            {
                return;
            }

            if (policy.Flow == InspectionFlow.RefundOrClaim && create.Owner != agent)
            {
                throw Reject(RejectionReason.SolOutflowTooHigh, $"{where} makes the agent pay rent for {create.Owner}'s token account in a refund or claim.");
            }

            findings.SolOut = checked(findings.SolOut + AssociatedTokenInstructions.TokenAccountRentLamports);
            return;
        }

        if (touchesAgent)
        {
            throw Reject(RejectionReason.Malformed, $"{where} is an associated-token-account instruction on the agent's accounts that is not a create.");
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
