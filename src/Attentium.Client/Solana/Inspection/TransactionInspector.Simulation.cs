namespace Attentium.Solana;

public partial class TransactionInspector
{
    /// <summary>
    /// Reads every account the transaction can write (plus the agent, its USDC account and the payment's recipients), simulates the
    /// transaction (signatures not checked, blockhash replaced) asking for the same accounts, and compares before and after:
    /// the agent's own account stays a plain System account; no token account of the agent changes owner, delegate or close
    /// authority, or disappears; no other token of the agent falls; USDC that leaves the agent reappears as the recipients' gain and
    /// in a payment no other USDC account gains; a refund or claim credits at least the stated amount; SOL falls by at most the
    /// allowance. The reads are not atomic: when a refusal meets accounts that moved during the simulation, reads and simulation
    /// are repeated (up to <see cref="MaxSimulationRounds"/> rounds).
    /// </summary>
    private async Task<SimulatedBalances> SimulateAsync(Transaction transaction, Message message, IReadOnlyList<PublicKey> keys, PublicKey agent, PaymentRecipients recipients, InspectionPolicy policy, CancellationToken cancellationToken)
    {
        var rpc = _rpc!;
        List<PublicKey> watched = [agent, recipients.AgentUsdc, .. recipients.All];
        for (var i = 0; i < keys.Count; i++)
        {
            if (message.IsWritable(i) && !watched.Contains(keys[i]))
            {
                watched.Add(keys[i]);
            }
        }

        for (var round = 1; ; round++)
        {
            var before = await ReadAccountsAsync(rpc, watched, cancellationToken).ConfigureAwait(false);
            var result = await rpc.SimulateTransactionAsync(
                transaction.Serialize(),
                new SimulateTransactionOptions { ReplaceRecentBlockhash = true, Accounts = watched },
                cancellationToken).ConfigureAwait(false);
            if (result.Error is { } error)
            {
                var logs = string.Join(" | ", result.Logs.TakeLast(5));
                throw Reject(RejectionReason.SimulationFailed, $"the simulated transaction fails with {error} ({error.Raw}). Logs: {logs}");
            }

            if (result.Accounts.Count != watched.Count)
            {
                throw Reject(RejectionReason.SimulationFailed, $"the simulation returned {result.Accounts.Count} accounts; {watched.Count} were asked for.");
            }

            TransactionRejectedException refusal;
            try
            {
                return Compare(watched, before, result.Accounts, agent, recipients, policy);
            }
            catch (TransactionRejectedException ex)
            {
                refusal = ex;
            }

            // The reads and the simulation are separate calls: another transaction of this agent landing in between (a payment
            // while a refund is inspected) makes the comparison mix two states and refuse an honest transaction. Only a refusal
            // against a state that held still through the simulation stands; a state that keeps moving is refused after the
            // last round. Nothing is ever accepted without a comparison that passed.
            if (round == MaxSimulationRounds || SameState(before, await ReadAccountsAsync(rpc, watched, cancellationToken).ConfigureAwait(false)))
            {
                throw refusal;
            }
        }
    }

    /// <summary>How many times the reads and the simulation are repeated when the accounts moved under a refusal.</summary>
    private const int MaxSimulationRounds = 3;

    private static async Task<List<AccountInfo?>> ReadAccountsAsync(SolanaRpcClient rpc, List<PublicKey> watched, CancellationToken cancellationToken)
    {
        var accounts = new List<AccountInfo?>(watched.Count);
        foreach (var key in watched)
        {
            accounts.Add(await rpc.GetAccountInfoAsync(key, null, cancellationToken).ConfigureAwait(false));
        }

        return accounts;
    }

    private static bool SameState(List<AccountInfo?> first, List<AccountInfo?> second)
    {
        for (var i = 0; i < first.Count; i++)
        {
            var (a, b) = (first[i], second[i]);
            if (a is null || b is null)
            {
                if (a is not null || b is not null)
                {
                    return false;
                }

                continue;
            }

            if (a.Lamports != b.Lamports || a.Owner != b.Owner || a.Executable != b.Executable || !a.Data.Span.SequenceEqual(b.Data.Span))
            {
                return false;
            }
        }

        return true;
    }

    private SimulatedBalances Compare(List<PublicKey> watched, List<AccountInfo?> before, IReadOnlyList<AccountInfo?> after, PublicKey agent, PaymentRecipients recipients, InspectionPolicy policy)
    {
        CheckAgentAccount(before[0], after[0]);
        var flows = MeasureTokenFlows(watched, before, after, agent, recipients, policy);
        var balances = new SimulatedBalances(
            before[0]?.Lamports ?? 0,
            after[0]?.Lamports ?? 0,
            TokenAccountState.Read(before[1])?.Amount ?? 0,
            TokenAccountState.Read(after[1])?.Amount ?? 0)
        {
            RecipientUsdcGain = flows.RecipientGain,
        };

        CheckUsdcFlows(policy, flows, recipients);
        if (balances.LamportDrop > Options.SolAllowanceLamports)
        {
            throw Reject(RejectionReason.SimulatedBalanceDrop,
                $"the simulation shows the agent's SOL falling by {balances.LamportDrop} lamports; the allowance is {Options.SolAllowanceLamports}.");
        }

        return balances;
    }

    private static void CheckAgentAccount(AccountInfo? before, AccountInfo? after)
    {
        if (after is null || after.Owner != PublicKey.SystemProgram || after.Data.Length != (before?.Data.Length ?? 0))
        {
            throw Reject(RejectionReason.AuthorityChanged,
                $"the simulation shows the agent's own account {(after is null ? "gone" : $"owned by {after.Owner} with {after.Data.Length} bytes of data")}; it must stay a System account without data.");
        }
    }

    private TokenFlows MeasureTokenFlows(List<PublicKey> watched, List<AccountInfo?> before, IReadOnlyList<AccountInfo?> after, PublicKey agent, PaymentRecipients recipients, InspectionPolicy policy)
    {
        var flows = new TokenFlows();
        for (var i = 0; i < watched.Count; i++)
        {
            var pre = TokenAccountState.Read(before[i]);
            var post = TokenAccountState.Read(after[i]);
            var agentsBefore = pre is not null && pre.Owner == agent;
            if (agentsBefore && (post is null || !pre!.SameControl(post)))
            {
                throw Reject(RejectionReason.AuthorityChanged, post is null
                    ? $"the simulation shows the agent's token account {watched[i]} closed."
                    : $"the simulation shows the owner, delegate or close authority of the agent's token account {watched[i]} changing.");
            }

            if (post is null)
            {
                continue;
            }

            var amountBefore = pre is not null && pre.Mint == post.Mint ? pre.Amount : 0;
            var isUsdc = post.Mint == Options.UsdcMint && post.Program == Options.UsdcTokenProgram;
            if (agentsBefore || (pre is null && post.Owner == agent))
            {
                if (post.Amount < amountBefore && !isUsdc)
                {
                    throw Reject(RejectionReason.UnexpectedToken, $"the simulation shows the agent's {post.Mint} token account {watched[i]} falling by {amountBefore - post.Amount} base units; only USDC may leave.");
                }

                if (isUsdc)
                {
                    flows.AgentDrop = checked(flows.AgentDrop + (amountBefore > post.Amount ? amountBefore - post.Amount : 0));
                    flows.AgentGain = checked(flows.AgentGain + (post.Amount > amountBefore ? post.Amount - amountBefore : 0));
                }

                continue;
            }

            if (!isUsdc || post.Amount <= amountBefore)
            {
                continue;
            }

            var gain = post.Amount - amountBefore;
            if (recipients.Accepts(watched[i]))
            {
                flows.RecipientGain = checked(flows.RecipientGain + gain);
            }
            else if (policy.Flow == InspectionFlow.CampaignPayment)
            {
                throw Reject(RejectionReason.RecipientNotProven,
                    $"the simulation shows {Usdc.FromBaseUnits(gain)} USDC credited to {watched[i]} (owner {post.Owner}); {recipients.Describe()}.");
            }
        }

        return flows;
    }

    private static void CheckUsdcFlows(InspectionPolicy policy, TokenFlows flows, PaymentRecipients recipients)
    {
        if (flows.AgentDrop > policy.MaxUsdcOutflow)
        {
            throw Reject(RejectionReason.SimulatedBalanceDrop,
                $"the simulation shows the agent's USDC falling by {Usdc.FromBaseUnits(flows.AgentDrop)}; the most allowed is {Usdc.FromBaseUnits(policy.MaxUsdcOutflow)}.");
        }

        if (policy.Flow == InspectionFlow.CampaignPayment)
        {
            if (flows.RecipientGain < flows.AgentDrop)
            {
                throw Reject(RejectionReason.RecipientNotProven,
                    $"the simulation shows {Usdc.FromBaseUnits(flows.AgentDrop)} USDC leaving the agent but only {Usdc.FromBaseUnits(flows.RecipientGain)} reaching the recipient; {recipients.Describe()}.");
            }

            return;
        }

        var net = flows.AgentGain > flows.AgentDrop ? flows.AgentGain - flows.AgentDrop : 0;
        if (net < policy.MinUsdcGain)
        {
            throw Reject(RejectionReason.RecipientNotProven,
                $"the simulation shows the agent's USDC rising by {Usdc.FromBaseUnits(net)}; the server stated {Usdc.FromBaseUnits(policy.MinUsdcGain)}.");
        }
    }

    private sealed class TokenFlows
    {
        public ulong AgentDrop { get; set; }

        public ulong AgentGain { get; set; }

        public ulong RecipientGain { get; set; }
    }
}
