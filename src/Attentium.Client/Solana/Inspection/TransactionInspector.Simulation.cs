namespace Attentium.Solana;

public partial class TransactionInspector
{
    /// <summary>
    /// Reads the agent's SOL and USDC balances, simulates the transaction (signatures not checked, blockhash replaced) asking
    /// for the same two accounts, and refuses when the simulation fails or the balances fall by more than the policy allows.
    /// The reads are not atomic: unrelated activity on the agent's accounts in between can make the comparison stricter or looser.
    /// </summary>
    private async Task<SimulatedBalances> SimulateAsync(Transaction transaction, PublicKey agent, InspectionPolicy policy, CancellationToken cancellationToken)
    {
        var rpc = _rpc!;
        var usdcAccount = PublicKey.GetAssociatedTokenAddress(agent, Options.UsdcMint, Options.UsdcTokenProgram);
        var lamportsBefore = await rpc.GetBalanceAsync(agent, null, cancellationToken).ConfigureAwait(false);
        var usdcBefore = TokenAmount(await rpc.GetAccountInfoAsync(usdcAccount, null, cancellationToken).ConfigureAwait(false));
        var result = await rpc.SimulateTransactionAsync(
            transaction.Serialize(),
            new SimulateTransactionOptions { ReplaceRecentBlockhash = true, Accounts = [agent, usdcAccount] },
            cancellationToken).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            var logs = string.Join(" | ", result.Logs.TakeLast(5));
            throw Reject(RejectionReason.SimulationFailed, $"the simulated transaction fails with {error} ({error.Raw}). Logs: {logs}");
        }

        if (result.Accounts.Count != 2)
        {
            throw Reject(RejectionReason.SimulationFailed, "the simulation did not return the agent's accounts.");
        }

        var balances = new SimulatedBalances(lamportsBefore, result.Accounts[0]?.Lamports ?? 0, usdcBefore, TokenAmount(result.Accounts[1]));
        if (balances.UsdcDrop > policy.MaxUsdcOutflow)
        {
            throw Reject(RejectionReason.SimulatedBalanceDrop,
                $"the simulation shows the agent's USDC falling by {Usdc.FromBaseUnits(balances.UsdcDrop)}; the most allowed is {Usdc.FromBaseUnits(policy.MaxUsdcOutflow)}.");
        }

        if (balances.LamportDrop > Options.SolAllowanceLamports)
        {
            throw Reject(RejectionReason.SimulatedBalanceDrop,
                $"the simulation shows the agent's SOL falling by {balances.LamportDrop} lamports; the allowance is {Options.SolAllowanceLamports}.");
        }

        return balances;
    }

    private static ulong TokenAmount(AccountInfo? account) =>
        account is not null && account.TryReadTokenAccount(out _, out _, out var amount) ? amount : 0;
}
