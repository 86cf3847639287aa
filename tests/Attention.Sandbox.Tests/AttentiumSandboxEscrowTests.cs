using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Attention.Sandbox.Solana;
using Attentium;
using Attentium.Campaigns;
using Attentium.Solana;

namespace Attention.Sandbox.Tests;

/// <summary>
/// The escrow shape the Attentium docs describe, as the sandbox emulates it: <c>deposit_escrow</c> of the escrow program into the
/// agent's escrow PDA vault (seeds <c>["escrow", agent]</c>), <c>withdraw_escrow</c> refunds signed by the agent only, and the
/// escrow program's bookkeeping (a refund pays out once, only what is owed, only from this agent's vault).
/// </summary>
public sealed class AttentiumSandboxEscrowTests : AttentiumSandboxTestBase
{
    private static readonly byte[] DepositDiscriminator = SHA256.HashData(Encoding.UTF8.GetBytes("global:deposit_escrow"))[..8];
    private static readonly byte[] WithdrawDiscriminator = SHA256.HashData(Encoding.UTF8.GetBytes("global:withdraw_escrow"))[..8];

    [Fact]
    public async Task Invoice_transaction_is_deposit_escrow_into_the_agents_escrow_vault()
    {
        var agent = FundedAgent();

        var invoice = (await Client.Campaigns.RequestInvoiceAsync(Request, agent.PublicKey, Ct)).Invoice!;

        var transaction = Transaction.FromBase64(invoice.Transaction!);
        var deposit = Assert.Single(transaction.Message.DecompileInstructions(), i => i.ProgramId == AttentionSandbox.AttentiumEscrowProgramId);
        Assert.Equal([.. DepositDiscriminator, .. Amount(7_500_000)], deposit.Data.ToArray());
        Assert.Equal(ExpectedAccounts(agent.PublicKey), deposit.Accounts.Select(a => (a.PublicKey, a.IsSigner, a.IsWritable)).ToArray());
        Assert.Equal(1, transaction.Message.Header.NumRequiredSignatures);
    }

    [Fact]
    public async Task Escrow_payment_moves_the_amount_into_the_agents_vault()
    {
        var agent = FundedAgent();

        await Client.Campaigns.CreateAsync(Request, agent, Ct);

        Assert.Equal(7.5m, Sandbox.GetUsdcAccountBalance(Sandbox.GetAttentiumEscrowVault(agent.PublicKey)));
        Assert.Equal(92.5m, Sandbox.GetUsdcBalance(agent.PublicKey));
    }

    [Fact]
    public async Task Simulation_returns_the_post_balances_of_the_agent_and_its_vault()
    {
        var agent = FundedAgent();
        var invoice = (await Client.Campaigns.RequestInvoiceAsync(Request, agent.PublicKey, Ct)).Invoice!;
        var vault = Sandbox.GetAttentiumEscrowVault(agent.PublicKey);

        var simulation = await Client.SolanaRpc.SimulateTransactionAsync(
            Convert.FromBase64String(invoice.Transaction!),
            new SimulateTransactionOptions { ReplaceRecentBlockhash = true, Accounts = [agent.PublicKey, AgentUsdc(agent.PublicKey), vault] },
            Ct);

        Assert.Null(simulation.Error);
        Assert.Equal([92_500_000UL, 7_500_000UL], simulation.Accounts.Skip(1).Select(TokenAmount).ToArray());
        Assert.Equal(1_000_000_000UL - SandboxLedger.FeeLamports, simulation.Accounts[0]!.Lamports);
        Assert.Equal(0m, Sandbox.GetUsdcAccountBalance(vault));
    }

    [Fact]
    public async Task Refund_is_withdraw_escrow_signed_by_the_agent_alone_and_leaves_the_vault()
    {
        var agent = FundedAgent();
        var keys = await Client.Campaigns.CreateAsync(Request, agent, Ct);
        await Client.Results.WaitForCampaignFinishedAsync(keys.TxHash!, keys.ReadKey!, cancellationToken: Ct);

        var state = await Client.Refunds.GetCampaignAsync(keys.TxHash!, Ct);
        await Client.Refunds.WithdrawAsync(keys.TxHash!, agent, Ct);

        var transaction = Transaction.FromBase64(state.WithdrawEscrowTransaction!);
        var withdraw = Assert.Single(transaction.Message.DecompileInstructions(), i => i.ProgramId == AttentionSandbox.AttentiumEscrowProgramId);
        Assert.Equal([.. WithdrawDiscriminator, .. Amount(750_000)], withdraw.Data.ToArray());
        Assert.Equal([agent.PublicKey], transaction.Message.RequiredSigners);
        Assert.Equal(6.75m, Sandbox.GetUsdcAccountBalance(Sandbox.GetAttentiumEscrowVault(agent.PublicKey)));
        Assert.Equal(93.25m, Sandbox.GetUsdcBalance(agent.PublicKey));
    }

    [Fact]
    public async Task A_second_withdrawal_of_the_same_refund_is_refused_by_the_escrow_program()
    {
        var agent = FundedAgent();
        var keys = await Client.Campaigns.CreateAsync(Request, agent, Ct);
        await Client.Results.WaitForCampaignFinishedAsync(keys.TxHash!, keys.ReadKey!, cancellationToken: Ct);
        await Client.Refunds.WithdrawAsync(keys.TxHash!, agent, Ct);

        // A compute-budget instruction makes it a new transaction, not a repeat of the landed one.
        var again = await SignedAsync(
            agent,
            ComputeBudgetInstructions.SetComputeUnitLimit(50_000),
            SandboxEscrowProgram.Withdraw(agent.PublicKey, Sandbox.UsdcMint, 750_000),
            MemoInstructions.Memo("refund:" + keys.CampaignId));
        var error = await Assert.ThrowsAsync<SolanaRpcException>(() => Client.SolanaRpc.SendTransactionAsync(again, cancellationToken: Ct));

        Assert.Equal((1, 6000u), (error.TransactionError!.InstructionIndex, error.TransactionError.CustomCode));
        Assert.Equal(6.75m, Sandbox.GetUsdcAccountBalance(Sandbox.GetAttentiumEscrowVault(agent.PublicKey)));
    }

    [Fact]
    public async Task Withdrawal_that_is_not_an_owed_refund_is_refused_and_nothing_moves()
    {
        var agent = FundedAgent();
        await Client.Campaigns.CreateAsync(Request, agent, Ct);

        var grab = await SignedAsync(agent, SandboxEscrowProgram.Withdraw(agent.PublicKey, Sandbox.UsdcMint, 7_500_000));
        var error = await Assert.ThrowsAsync<SolanaRpcException>(() => Client.SolanaRpc.SendTransactionAsync(grab, cancellationToken: Ct));

        Assert.Equal(SolanaRpcException.SimulationFailed, error.Code);
        Assert.Equal(6000u, error.TransactionError!.CustomCode);
        Assert.Equal(7.5m, Sandbox.GetUsdcAccountBalance(Sandbox.GetAttentiumEscrowVault(agent.PublicKey)));
    }

    [Fact]
    public async Task Deposit_into_another_agents_vault_does_not_pay_the_campaign()
    {
        var agent = FundedAgent();
        var other = FundedAgent();
        var invoice = (await Client.Campaigns.RequestInvoiceAsync(Request, agent.PublicKey, Ct)).Invoice!;
        await Client.Campaigns.RequestInvoiceAsync(Request, other.PublicKey, Ct);
        var deposit = await SignedAsync(other, SandboxEscrowProgram.Deposit(other.PublicKey, Sandbox.UsdcMint, 7_500_000), MemoInstructions.Memo(invoice.CampaignId));
        var signature = await Client.SolanaRpc.SendTransactionAsync(deposit, cancellationToken: Ct);
        await Client.SolanaRpc.ConfirmTransactionAsync(signature, ulong.MaxValue, cancellationToken: Ct);

        await Assert.ThrowsAsync<AttentiumPaymentRequiredException>(() =>
            Client.Campaigns.SubmitPaymentAsync(Request, invoice.CampaignId, signature, agent.PublicKey, Ct));
    }

    [Fact]
    public async Task Deposit_with_a_vault_not_derived_from_the_agent_fails_with_invalid_seeds()
    {
        var agent = FundedAgent();
        var other = FundedAgent();
        await Client.Campaigns.RequestInvoiceAsync(Request, other.PublicKey, Ct);
        var honest = SandboxEscrowProgram.Deposit(agent.PublicKey, Sandbox.UsdcMint, 1_000_000);
        var accounts = honest.Accounts.ToArray();
        accounts[3] = AccountMeta.Writable(Sandbox.GetAttentiumEscrowVault(other.PublicKey));
        var forged = new TransactionInstruction(honest.ProgramId, accounts, honest.Data.Span);

        var simulation = await Client.SolanaRpc.SimulateTransactionAsync(await SignedAsync(agent, forged), new SimulateTransactionOptions { ReplaceRecentBlockhash = true }, Ct);

        Assert.Equal((0, "InvalidSeeds"), (simulation.Error!.InstructionIndex!.Value, simulation.Error.InstructionError));
    }

    private (PublicKey, bool, bool)[] ExpectedAccounts(PublicKey agent)
    {
        var (escrow, _) = PublicKey.FindProgramAddress([Encoding.UTF8.GetBytes("escrow"), agent.ToByteArray()], AttentionSandbox.AttentiumEscrowProgramId);
        return
        [
            (agent, true, true),
            (AgentUsdc(agent), false, true),
            (escrow, false, false),
            (PublicKey.GetAssociatedTokenAddress(escrow, Sandbox.UsdcMint), false, true),
            (Sandbox.UsdcMint, false, false),
            (PublicKey.TokenProgram, false, false),
        ];
    }

    private PublicKey AgentUsdc(PublicKey agent) => PublicKey.GetAssociatedTokenAddress(agent, Sandbox.UsdcMint);

    private async Task<byte[]> SignedAsync(Keypair signer, params TransactionInstruction[] instructions)
    {
        var blockhash = await Client.SolanaRpc.GetLatestBlockhashAsync(cancellationToken: Ct);
        var transaction = Transaction.FromMessage(MessageCompiler.CompileLegacy(signer.PublicKey, instructions, blockhash.Blockhash));
        await transaction.SignAsync(signer, Ct);
        return transaction.Serialize();
    }

    private static byte[] Amount(ulong units)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, units);
        return bytes;
    }

    private static ulong TokenAmount(AccountInfo? account) =>
        account is not null && account.TryReadTokenAccount(out _, out _, out var amount) ? amount : ulong.MaxValue;
}
