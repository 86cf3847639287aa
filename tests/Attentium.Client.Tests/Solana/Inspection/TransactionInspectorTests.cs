using Attention.Sdk.Testing.Localnet;
using Attentium.Solana;

namespace Attentium.Client.Tests.Solana.Inspection;

/// <summary>Server-built transactions inspected before signing, with balances and simulations from the localnet.</summary>
public class TransactionInspectorTests(LocalnetServer localnet)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static InspectionPolicy Payment => InspectionPolicy.CampaignPayment(InspectorScenario.CampaignId, InspectorScenario.Invoice);

    private async Task<TransactionRejectedException> RejectedAsync(InspectorScenario s, Transaction tx, TransactionInspector? inspector = null, InspectionPolicy? policy = null)
    {
        var ex = await Assert.ThrowsAsync<TransactionRejectedException>(() => (inspector ?? s.Inspector()).InspectAndSignAsync(tx, s.Agent, policy ?? Payment, Ct));
        Assert.False(tx.IsSignedBy(s.Agent.PublicKey));
        return ex;
    }

    [Fact]
    public async Task Honest_payment_is_signed_and_lands_with_the_invoice_paid()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync([.. s.HonestPayment(), MemoInstructions.Memo(InspectorScenario.CampaignId, s.Server.PublicKey)]);
        var serverSignature = tx.GetSignature(s.Server.PublicKey);

        var report = await s.Inspector().InspectAndSignAsync(tx, s.Agent, Payment, Ct);

        Assert.Equal(InspectorScenario.Invoice, report.UsdcOutflow);
        Assert.Equal(InspectorScenario.Invoice, report.Simulation!.UsdcDrop);
        Assert.Equal(serverSignature, tx.GetSignature(s.Server.PublicKey));
        Assert.True(tx.VerifySignatures());
        var signature = await s.Rpc.SendTransactionAsync(tx, null, Ct);
        await s.Rpc.ConfirmTransactionAsync(signature, ulong.MaxValue, null, null, Ct);
        Assert.Equal(InspectorScenario.Invoice, (await s.Rpc.GetTokenAccountBalanceAsync(s.TreasuryUsdc, null, Ct)).Amount);
    }

    [Fact]
    public async Task Another_fee_payer_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        await s.Rpc.RequestAirdropAsync(s.Server.PublicKey, 1_000_000_000, Ct);
        var tx = await s.ServerBuiltAsync(s.HonestPayment(), feePayer: s.Server.PublicKey);
        Assert.Equal(RejectionReason.AgentNotFeePayer, (await RejectedAsync(s, tx)).Reason);
    }

    [Fact]
    public async Task Extra_sol_transfer_from_the_agent_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync([.. s.HonestPayment(), SystemInstructions.Transfer(s.Agent.PublicKey, s.Server.PublicKey, 200)]);
        var ex = await RejectedAsync(s, tx);
        Assert.Equal(RejectionReason.RecipientNotProven, ex.Reason); // however small: the agent's SOL pays only fees and rent
        Assert.Contains($"200 lamports from the agent for {s.Server.PublicKey}", ex.Detail);
    }

    [Fact]
    public async Task Second_usdc_transfer_that_takes_the_total_above_the_invoice_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync([.. s.HonestPayment(amount: InspectorScenario.Invoice - 1), TokenInstructions.TransferChecked(s.AgentUsdc, s.Mint, s.TreasuryUsdc, s.Agent.PublicKey, 2, Usdc.Decimals)]);
        Assert.Equal(RejectionReason.UsdcOutflowTooHigh, (await RejectedAsync(s, tx)).Reason);
    }

    [Fact]
    public async Task Usdc_to_an_account_other_than_the_treasury_is_refused_whatever_the_amount()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var thief = PublicKey.GetAssociatedTokenAddress(s.Server.PublicKey, s.Mint);
        var tx = await s.ServerBuiltAsync([.. s.HonestPayment(amount: InspectorScenario.Invoice - 1), TokenInstructions.TransferChecked(s.AgentUsdc, s.Mint, thief, s.Agent.PublicKey, 1, Usdc.Decimals)]);
        var ex = await RejectedAsync(s, tx);
        Assert.Equal(RejectionReason.RecipientNotProven, ex.Reason);
        Assert.Contains(thief.ToBase58(), ex.Detail);
    }

    [Fact]
    public async Task Unknown_program_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var unknown = new TransactionInstruction(Keypair.Generate().PublicKey, [AccountMeta.Writable(s.Agent.PublicKey, true)], [1, 2, 3]);
        var tx = await s.ServerBuiltAsync([.. s.HonestPayment(), unknown]);
        var ex = await RejectedAsync(s, tx);
        Assert.Equal(RejectionReason.ProgramNotAllowed, ex.Reason);
        Assert.Contains(unknown.ProgramId.ToBase58(), ex.Detail);
    }

    [Fact]
    public async Task Memo_that_differs_from_the_campaign_id_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync(s.HonestPayment(memo: "cmp_someone_else"));
        Assert.Equal(RejectionReason.MemoMismatch, (await RejectedAsync(s, tx)).Reason);
    }

    [Fact]
    public async Task Payment_without_a_memo_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync(s.HonestPayment().Where(ix => ix.ProgramId != PublicKey.MemoProgram));
        Assert.Equal(RejectionReason.MemoMissing, (await RejectedAsync(s, tx)).Reason);
    }

    [Fact]
    public async Task Amount_above_the_invoice_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync(s.HonestPayment(amount: InspectorScenario.Invoice + 1));
        var ex = await RejectedAsync(s, tx);
        Assert.Equal(RejectionReason.UsdcOutflowTooHigh, ex.Reason);
        Assert.Contains("25.000001", ex.Detail);
    }

    [Fact]
    public async Task Approve_on_the_agents_token_account_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        byte[] approveData = [4, .. BitConverter.GetBytes(ulong.MaxValue)];
        var approve = new TransactionInstruction(PublicKey.TokenProgram, [AccountMeta.Writable(s.AgentUsdc), AccountMeta.ReadOnly(s.Server.PublicKey), AccountMeta.ReadOnly(s.Agent.PublicKey, true)], approveData);
        var tx = await s.ServerBuiltAsync([.. s.HonestPayment(), approve]);
        var ex = await RejectedAsync(s, tx);
        Assert.Equal(RejectionReason.ForbiddenTokenInstruction, ex.Reason);
        Assert.Contains("Approve", ex.Detail);
    }

    [Fact]
    public async Task Payment_in_another_token_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var otherMint = PublicKey.Parse(await localnet.CreateMintAsync(cancellationToken: Ct));
        var otherSource = PublicKey.Parse(await localnet.MintToAsync(s.Agent.PublicKey.ToBase58(), otherMint.ToBase58(), 5, Ct));
        var tx = await s.ServerBuiltAsync(
        [
            TokenInstructions.TransferChecked(otherSource, otherMint, PublicKey.GetAssociatedTokenAddress(s.Treasury, otherMint), s.Agent.PublicKey, 5, Usdc.Decimals),
            MemoInstructions.Memo(InspectorScenario.CampaignId),
        ]);
        Assert.Equal(RejectionReason.UnexpectedToken, (await RejectedAsync(s, tx)).Reason);
    }

    /// <summary>
    /// The localnet can load no custom program, so the test stands in a real one for the escrow: the inspector is told the escrow
    /// program is SPL Token. Escrow instructions are opaque to static inspection, so an over-invoice TransferChecked passes the
    /// static checks, and only the simulation (USDC balance falling by twice the invoice) catches it.
    /// </summary>
    [Fact]
    public async Task Balance_drop_hidden_in_an_opaque_escrow_instruction_is_caught_by_simulation()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var inspector = s.Inspector(o => o.EscrowProgramId = PublicKey.TokenProgram);
        var tx = await s.ServerBuiltAsync(s.HonestPayment(amount: 2 * InspectorScenario.Invoice));

        var staticOnly = s.Inspector(o => { o.EscrowProgramId = PublicKey.TokenProgram; o.SimulateBeforeSigning = false; });
        Assert.Equal(RejectionReason.OpaqueInstructionNotVerified, (await RejectedAsync(s, Transaction.FromBase64(tx.ToBase64()), staticOnly)).Reason);

        var ex = await RejectedAsync(s, tx, inspector);
        Assert.Equal(RejectionReason.SimulatedBalanceDrop, ex.Reason);
        Assert.Contains("50", ex.Detail);
    }

    [Fact]
    public async Task Honest_escrow_deposit_passes_simulation()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync(s.HonestPayment());
        var report = await s.Inspector(o => o.EscrowProgramId = PublicKey.TokenProgram).InspectAndSignAsync(tx, s.Agent, Payment, Ct);
        Assert.Equal(0UL, report.UsdcOutflow);
        Assert.Equal(InspectorScenario.Invoice, report.Simulation!.UsdcDrop);
        Assert.InRange(report.Simulation.LamportDrop, 5_000UL, 5_000UL + 2_039_280 + 1_000);
    }

    [Fact]
    public async Task Transaction_that_would_fail_is_refused_with_the_simulation_error()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        await localnet.SetTokenAccountAsync(s.Agent.PublicKey.ToBase58(), s.Mint.ToBase58(), 10, cancellationToken: Ct);
        var tx = await s.ServerBuiltAsync(s.HonestPayment());
        var ex = await RejectedAsync(s, tx);
        Assert.Equal(RejectionReason.SimulationFailed, ex.Reason);
        Assert.Contains("Custom", ex.Detail);
    }

    [Fact]
    public async Task V0_transfer_whose_accounts_come_from_a_lookup_table_is_resolved_and_checked()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tableKey = PublicKey.Parse(await localnet.CreateLookupTableAsync([s.AgentUsdc.ToBase58(), s.TreasuryUsdc.ToBase58(), s.Mint.ToBase58()], Ct));
        var table = new AddressLookupTableAccount(tableKey, [s.AgentUsdc, s.TreasuryUsdc, s.Mint]);
        var tx = await s.ServerBuiltAsync(s.HonestPayment(amount: InspectorScenario.Invoice * 3), v0: true, tables: [table]);
        Assert.DoesNotContain(s.AgentUsdc, tx.Message.StaticAccountKeys);

        Assert.Equal(RejectionReason.UsdcOutflowTooHigh, (await RejectedAsync(s, tx)).Reason);
        var withoutRpc = await RejectedAsync(s, Transaction.FromBase64(tx.ToBase64()), s.Inspector(withRpc: false));
        Assert.Equal(RejectionReason.LookupTableUnresolved, withoutRpc.Reason);
    }

    [Fact]
    public async Task Honest_v0_payment_with_a_lookup_table_is_signed()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tableKey = PublicKey.Parse(await localnet.CreateLookupTableAsync([s.TreasuryUsdc.ToBase58(), s.Mint.ToBase58()], Ct));
        var tx = await s.ServerBuiltAsync(s.HonestPayment(), v0: true, tables: [new AddressLookupTableAccount(tableKey, [s.TreasuryUsdc, s.Mint])]);
        var report = await s.Inspector().InspectAndSignAsync(tx, s.Agent, Payment, Ct);
        Assert.Equal(InspectorScenario.Invoice, report.UsdcOutflow);
        Assert.True(tx.IsSignedBy(s.Agent.PublicKey));
    }

    [Fact]
    public async Task Claim_that_only_costs_fees_is_signed()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        await s.Rpc.RequestAirdropAsync(s.Server.PublicKey, 1_000_000_000, Ct);
        var serverUsdc = PublicKey.Parse(await localnet.MintToAsync(s.Server.PublicKey.ToBase58(), s.Mint.ToBase58(), 3_000_000, Ct));
        var tx = await s.ServerBuiltAsync(
        [
            AssociatedTokenInstructions.CreateIdempotent(s.Agent.PublicKey, s.Agent.PublicKey, s.Mint),
            TokenInstructions.TransferChecked(serverUsdc, s.Mint, s.AgentUsdc, s.Server.PublicKey, 3_000_000, Usdc.Decimals),
        ]);
        var report = await s.Inspector().InspectAndSignAsync(tx, s.Agent, InspectionPolicy.RefundOrClaim(), Ct);
        Assert.Equal(0UL, report.Simulation!.UsdcDrop);
        Assert.True(tx.VerifySignatures());
    }

    [Fact]
    public async Task Claim_that_sends_usdc_from_the_agent_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync([TokenInstructions.TransferChecked(s.AgentUsdc, s.Mint, s.TreasuryUsdc, s.Agent.PublicKey, 1, Usdc.Decimals)]);
        Assert.Equal(RejectionReason.UsdcOutflowTooHigh, (await RejectedAsync(s, tx, policy: InspectionPolicy.RefundOrClaim())).Reason);
    }

    [Fact]
    public async Task Claim_that_sends_sol_from_the_agent_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync([SystemInstructions.Transfer(s.Agent.PublicKey, s.Treasury, 1)]);
        Assert.Equal(RejectionReason.RecipientNotProven, (await RejectedAsync(s, tx, policy: InspectionPolicy.RefundOrClaim())).Reason);
    }

    [Fact]
    public async Task Assigning_the_agents_account_to_another_program_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        byte[] assign = [1, 0, 0, 0, .. PublicKey.TokenProgram.ToByteArray()];
        var tx = await s.ServerBuiltAsync([.. s.HonestPayment(), new TransactionInstruction(PublicKey.SystemProgram, [AccountMeta.Writable(s.Agent.PublicKey, true)], assign)]);
        Assert.Equal(RejectionReason.ForbiddenSystemInstruction, (await RejectedAsync(s, tx)).Reason);
    }

    [Fact]
    public async Task Priority_fee_above_the_maximum_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync([ComputeBudgetInstructions.SetComputeUnitPrice(100_000_000), .. s.HonestPayment().Skip(2)]);
        var ex = await RejectedAsync(s, tx);
        Assert.Equal(RejectionReason.PriorityFeeTooHigh, ex.Reason);
        Assert.Contains("60000000 lamports", ex.Detail); // 100M micro-lamports × 3 instructions × 200k default units
    }

    [Fact]
    public async Task Fees_within_the_priority_maximum_but_above_the_sol_allowance_are_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync([ComputeBudgetInstructions.SetComputeUnitPrice(100_000_000), .. s.HonestPayment().Skip(2)]);
        var ex = await RejectedAsync(s, tx, s.Inspector(o => o.MaxPriorityFeeLamports = ulong.MaxValue));
        Assert.Equal(RejectionReason.SolOutflowTooHigh, ex.Reason);
    }

    [Fact]
    public async Task Disabled_inspection_must_be_explicit_and_then_signs_anything()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        Assert.False(new TransactionInspectionOptions().DisableInspection);
        var tx = await s.ServerBuiltAsync(s.HonestPayment(memo: "anything"));
        var report = await s.Inspector(o => o.DisableInspection = true).InspectAndSignAsync(tx, s.Agent, Payment, Ct);
        Assert.False(report.Inspected);
        Assert.True(tx.IsSignedBy(s.Agent.PublicKey));
    }
}
