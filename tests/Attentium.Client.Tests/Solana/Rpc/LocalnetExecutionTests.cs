using Attention.Sdk.Testing.Localnet;
using Attentium.Solana;

namespace Attentium.Client.Tests.Solana.Rpc;

/// <summary>SDK-built transactions executed by LiteSVM behind the localnet's standard JSON-RPC.</summary>
public class LocalnetExecutionTests(LocalnetServer localnet) : IDisposable
{
    private const ulong Sol = 1_000_000_000;
    private readonly SolanaRpcClient _rpc = new(new SolanaRpcClientOptions
    {
        Endpoint = localnet.RpcUri,
        ConfirmationPollInterval = TimeSpan.FromMilliseconds(50),
        ResendInterval = TimeSpan.FromMilliseconds(200),
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _rpc.Dispose();

    private async Task<Keypair> FundedAsync(ulong lamports = 2 * Sol)
    {
        var keypair = Keypair.Generate();
        await _rpc.RequestAirdropAsync(keypair.PublicKey, lamports, Ct);
        return keypair;
    }

    private async Task<(Transaction Tx, LatestBlockhash Blockhash)> BuildAsync(Keypair payer, IEnumerable<TransactionInstruction> instructions, params Keypair[] signers)
    {
        var blockhash = await _rpc.GetLatestBlockhashAsync(null, Ct);
        var tx = Transaction.FromMessage(MessageCompiler.CompileLegacy(payer.PublicKey, instructions, blockhash.Blockhash));
        tx.Sign([payer, .. signers]);
        return (tx, blockhash);
    }

    [Fact]
    public async Task Sol_transfer_lands_and_balances_read_back()
    {
        var agent = await FundedAsync();
        var recipient = Keypair.Generate().PublicKey;
        var (tx, blockhash) = await BuildAsync(agent, [SystemInstructions.Transfer(agent.PublicKey, recipient, Sol / 10)]);

        var signature = await _rpc.SendTransactionAsync(tx, null, Ct);
        var status = await _rpc.ConfirmTransactionAsync(signature, blockhash.LastValidBlockHeight, Commitment.Confirmed, null, Ct);

        Assert.Equal(tx.Signature, signature);
        Assert.True(status.HasReached(Commitment.Confirmed));
        Assert.Equal(Sol / 10, await _rpc.GetBalanceAsync(recipient, null, Ct));
        Assert.Equal((2 * Sol) - (Sol / 10) - 5000, await _rpc.GetBalanceAsync(agent.PublicKey, null, Ct));
    }

    [Fact]
    public async Task Usdc_payment_with_ata_creation_memo_and_compute_budget_lands()
    {
        var agent = await FundedAsync();
        var mint = PublicKey.Parse(await localnet.CreateMintAsync(cancellationToken: Ct));
        var agentAta = PublicKey.Parse(await localnet.MintToAsync(agent.PublicKey.ToBase58(), mint.ToBase58(), 10_000_000, Ct));
        var treasury = Keypair.Generate().PublicKey;
        var treasuryAta = PublicKey.GetAssociatedTokenAddress(treasury, mint);
        Assert.Equal(PublicKey.GetAssociatedTokenAddress(agent.PublicKey, mint), agentAta);

        var (tx, blockhash) = await BuildAsync(agent,
        [
            ComputeBudgetInstructions.SetComputeUnitLimit(100_000),
            ComputeBudgetInstructions.SetComputeUnitPrice(1_000),
            AssociatedTokenInstructions.CreateIdempotent(agent.PublicKey, treasury, mint),
            TokenInstructions.TransferChecked(agentAta, mint, treasuryAta, agent.PublicKey, 1_500_000, Usdc.Decimals),
            MemoInstructions.Memo("campaign-7f3a"),
        ]);
        var signature = await _rpc.SendTransactionAsync(tx, null, Ct);
        await _rpc.ConfirmTransactionAsync(signature, blockhash.LastValidBlockHeight, Commitment.Finalized, tx.Serialize(), Ct);

        Assert.Equal(1_500_000UL, (await _rpc.GetTokenAccountBalanceAsync(treasuryAta, null, Ct)).Amount);
        var agentBalance = await _rpc.GetTokenAccountBalanceAsync(agentAta, null, Ct);
        Assert.Equal(8_500_000UL, agentBalance.Amount);
        Assert.Equal(8.5m, agentBalance.UiAmount);
        Assert.Equal(["campaign-7f3a"], await localnet.GetMemosAsync(signature, Ct));
        var account = await _rpc.GetAccountInfoAsync(treasuryAta, null, Ct);
        Assert.True(account!.TryReadTokenAccount(out var readMint, out var owner, out var amount));
        Assert.Equal((mint, treasury, 1_500_000UL), (readMint, owner, amount));
    }

    [Fact]
    public async Task V0_transaction_loading_the_recipient_from_a_lookup_table_lands()
    {
        var agent = await FundedAsync();
        var recipient = Keypair.Generate().PublicKey;
        var tableKey = PublicKey.Parse(await localnet.CreateLookupTableAsync([Keypair.Generate().PublicKey.ToBase58(), recipient.ToBase58()], Ct));
        var tableInfo = await _rpc.GetAccountInfoAsync(tableKey, null, Ct);
        var table = AddressLookupTableAccount.FromAccountData(tableKey, tableInfo!.Data.Span);
        var blockhash = await _rpc.GetLatestBlockhashAsync(null, Ct);
        var message = MessageCompiler.CompileV0(agent.PublicKey, [SystemInstructions.Transfer(agent.PublicKey, recipient, 12_345_678)], blockhash.Blockhash, [table]);
        Assert.DoesNotContain(recipient, message.StaticAccountKeys);
        var tx = Transaction.FromMessage(message);
        tx.Sign(agent);

        var signature = await _rpc.SendTransactionAsync(tx, null, Ct);
        await _rpc.ConfirmTransactionAsync(signature, blockhash.LastValidBlockHeight, null, null, Ct);

        Assert.Equal(12_345_678UL, await _rpc.GetBalanceAsync(recipient, null, Ct));
    }

    [Fact]
    public async Task Preflight_failure_carries_the_token_program_error_and_logs()
    {
        var agent = await FundedAsync();
        var mint = PublicKey.Parse(await localnet.CreateMintAsync(cancellationToken: Ct));
        var agentAta = PublicKey.Parse(await localnet.MintToAsync(agent.PublicKey.ToBase58(), mint.ToBase58(), 1_000, Ct));
        var other = PublicKey.Parse(await localnet.SetTokenAccountAsync(Keypair.Generate().PublicKey.ToBase58(), mint.ToBase58(), 0, cancellationToken: Ct));
        var (tx, _) = await BuildAsync(agent, [TokenInstructions.TransferChecked(agentAta, mint, other, agent.PublicKey, 1_001, Usdc.Decimals)]);

        var ex = await Assert.ThrowsAsync<SolanaRpcException>(() => _rpc.SendTransactionAsync(tx, null, Ct));

        Assert.Equal(SolanaRpcException.SimulationFailed, ex.Code);
        Assert.Equal(0, ex.TransactionError!.InstructionIndex);
        Assert.Equal(1U, ex.TransactionError.CustomCode);
        Assert.Contains(ex.Logs, l => l.Contains("insufficient funds", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Missing_signature_is_a_signature_verification_failure()
    {
        var agent = await FundedAsync();
        var blockhash = await _rpc.GetLatestBlockhashAsync(null, Ct);
        var tx = Transaction.FromMessage(MessageCompiler.CompileLegacy(agent.PublicKey, [MemoInstructions.Memo("x")], blockhash.Blockhash));

        var ex = await Assert.ThrowsAsync<SolanaRpcException>(() => _rpc.SendTransactionAsync(tx, null, Ct));

        Assert.Equal(SolanaRpcException.SignatureVerificationFailed, ex.Code);
    }

    [Fact]
    public async Task Transaction_that_lands_with_an_error_fails_confirmation_with_that_error()
    {
        var agent = await FundedAsync();
        var mint = PublicKey.Parse(await localnet.CreateMintAsync(cancellationToken: Ct));
        var agentAta = PublicKey.Parse(await localnet.MintToAsync(agent.PublicKey.ToBase58(), mint.ToBase58(), 5, Ct));
        var other = PublicKey.Parse(await localnet.SetTokenAccountAsync(Keypair.Generate().PublicKey.ToBase58(), mint.ToBase58(), 0, cancellationToken: Ct));
        var (tx, blockhash) = await BuildAsync(agent, [MemoInstructions.Memo("first"), TokenInstructions.TransferChecked(agentAta, mint, other, agent.PublicKey, 6, Usdc.Decimals)]);

        var signature = await _rpc.SendTransactionAsync(tx, new SendTransactionOptions { SkipPreflight = true }, Ct);
        var ex = await Assert.ThrowsAsync<TransactionFailedException>(() => _rpc.ConfirmTransactionAsync(signature, blockhash.LastValidBlockHeight, null, null, Ct));

        Assert.Equal(1, ex.Error.InstructionIndex);
        Assert.Equal(1U, ex.Error.CustomCode);
    }

    [Fact]
    public async Task Simulation_returns_post_states_without_signatures()
    {
        var agent = await FundedAsync();
        var recipient = Keypair.Generate().PublicKey;
        var blockhash = await _rpc.GetLatestBlockhashAsync(null, Ct);
        var tx = Transaction.FromMessage(MessageCompiler.CompileLegacy(agent.PublicKey, [SystemInstructions.Transfer(agent.PublicKey, recipient, Sol)], blockhash.Blockhash));

        var result = await _rpc.SimulateTransactionAsync(tx, new SimulateTransactionOptions { Accounts = [agent.PublicKey, recipient] }, Ct);

        Assert.Null(result.Error);
        Assert.Equal(Sol - 5000, result.Accounts[0]!.Lamports);
        Assert.Equal(Sol, result.Accounts[1]!.Lamports);
        Assert.Equal(2 * Sol, await _rpc.GetBalanceAsync(agent.PublicKey, null, Ct));
    }

    [Fact]
    public async Task Unknown_method_and_bad_params_map_to_standard_codes()
    {
        var ex = await Assert.ThrowsAsync<SolanaRpcException>(() => _rpc.GetTokenAccountBalanceAsync(Keypair.Generate().PublicKey, null, Ct));
        Assert.Equal(SolanaRpcException.InvalidParams, ex.Code);
        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => localnet.CallAsync("getNothing", cancellationToken: Ct));
        Assert.Contains("-32601", unknown.Message);
    }
}
