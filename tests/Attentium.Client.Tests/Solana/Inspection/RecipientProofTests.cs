using Attention.Sdk.Testing.Localnet;
using Attentium.Solana;

namespace Attentium.Client.Tests.Solana.Inspection;

/// <summary>
/// Where the agent's tokens go, proven statically and by simulation. The localnet can load no custom program, so as in
/// <see cref="TransactionInspectorTests"/> the SPL Token program stands in for the opaque escrow program when a test needs one.
/// </summary>
public class RecipientProofTests(LocalnetServer localnet)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static InspectionPolicy Payment => InspectionPolicy.CampaignPayment(InspectorScenario.CampaignId, InspectorScenario.Invoice);

    private static async Task<TransactionRejectedException> RejectedAsync(InspectorScenario s, Transaction tx, TransactionInspector inspector, InspectionPolicy? policy = null)
    {
        var ex = await Assert.ThrowsAsync<TransactionRejectedException>(() => inspector.InspectAndSignAsync(tx, s.Agent, policy ?? Payment, Ct));
        Assert.False(tx.IsSignedBy(s.Agent.PublicKey));
        return ex;
    }

    private static PublicKey Vault(InspectorScenario s, PublicKey program) => EscrowAddresses.GetEscrowVault(s.Agent.PublicKey, program, s.Mint);

    private static List<TransactionInstruction> Deposit(InspectorScenario s, PublicKey destination, ulong amount = InspectorScenario.Invoice) =>
    [
        TokenInstructions.TransferChecked(s.AgentUsdc, s.Mint, destination, s.Agent.PublicKey, amount, Usdc.Decimals),
        MemoInstructions.Memo(InspectorScenario.CampaignId),
    ];

    [Fact]
    public void Escrow_vault_derivation_matches_the_escrow_pda_seed_and_prefix()
    {
        var agent = Keypair.Generate().PublicKey;
        var program = Keypair.Generate().PublicKey;
        var pda = PublicKey.FindProgramAddress([System.Text.Encoding.UTF8.GetBytes("escrow"), agent.ToByteArray()], program).Address;
        Assert.Equal(pda, EscrowAddresses.FindEscrowAuthority(agent, program));
        Assert.Equal(PublicKey.GetAssociatedTokenAddress(pda, Usdc.MainnetMint), EscrowAddresses.GetEscrowVault(agent, program, Usdc.MainnetMint));
        Assert.NotEqual(pda, EscrowAddresses.FindEscrowAuthority(agent, program, "vault"));
    }

    [Fact]
    public async Task Deposit_into_this_agents_escrow_vault_is_signed()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var program = Keypair.Generate().PublicKey;
        var vault = Vault(s, program);
        await localnet.SetTokenAccountAsync(EscrowAddresses.FindEscrowAuthority(s.Agent.PublicKey, program).ToBase58(), s.Mint.ToBase58(), 0, cancellationToken: Ct);
        var tx = await s.ServerBuiltAsync(Deposit(s, vault));

        var report = await s.Inspector(o => { o.EscrowProgramId = program; o.Treasury = null; }).InspectAndSignAsync(tx, s.Agent, Payment, Ct);

        Assert.Equal(InspectorScenario.Invoice, report.Simulation!.RecipientUsdcGain);
        Assert.True(tx.IsSignedBy(s.Agent.PublicKey));
    }

    [Fact]
    public async Task Deposit_into_another_agents_escrow_vault_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var program = Keypair.Generate().PublicKey;
        var otherVault = EscrowAddresses.GetEscrowVault(s.Server.PublicKey, program, s.Mint);
        var tx = await s.ServerBuiltAsync(Deposit(s, otherVault));

        var ex = await RejectedAsync(s, tx, s.Inspector(o => { o.EscrowProgramId = program; o.Treasury = null; }));

        Assert.Equal(RejectionReason.RecipientNotProven, ex.Reason);
        Assert.Contains(Vault(s, program).ToBase58(), ex.Detail);
    }

    [Fact]
    public async Task A_custom_escrow_seed_prefix_moves_the_accepted_vault()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var program = Keypair.Generate().PublicKey;
        var tx = await s.ServerBuiltAsync(Deposit(s, Vault(s, program)));

        var ex = await RejectedAsync(s, tx, s.Inspector(o => { o.EscrowProgramId = program; o.EscrowSeedPrefix = "vault"; o.Treasury = null; }));

        Assert.Equal(RejectionReason.RecipientNotProven, ex.Reason);
    }

    [Fact]
    public async Task Without_a_treasury_or_escrow_program_no_recipient_can_be_proven()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync(Deposit(s, s.TreasuryUsdc));
        var ex = await RejectedAsync(s, tx, s.Inspector(o => o.Treasury = null));
        Assert.Equal(RejectionReason.RecipientNotProven, ex.Reason);
        Assert.Contains("no treasury or escrow program is configured", ex.Detail);
    }

    [Fact]
    public async Task Usdc_leaving_through_an_opaque_instruction_to_an_attacker_is_caught_by_simulation()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var attacker = PublicKey.Parse(await localnet.SetTokenAccountAsync(s.Server.PublicKey.ToBase58(), s.Mint.ToBase58(), 0, cancellationToken: Ct));
        var tx = await s.ServerBuiltAsync(Deposit(s, attacker)); // exactly the invoice, memo right

        var ex = await RejectedAsync(s, tx, s.Inspector(o => o.EscrowProgramId = PublicKey.TokenProgram));

        Assert.Equal(RejectionReason.RecipientNotProven, ex.Reason);
        Assert.Contains(attacker.ToBase58(), ex.Detail);
    }

    [Fact]
    public async Task Usdc_burned_through_an_opaque_instruction_is_caught_because_no_recipient_gains()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        byte[] burn = [8, .. BitConverter.GetBytes(InspectorScenario.Invoice)];
        var tx = await s.ServerBuiltAsync(
        [
            new TransactionInstruction(PublicKey.TokenProgram, [AccountMeta.Writable(s.AgentUsdc), AccountMeta.Writable(s.Mint), AccountMeta.ReadOnly(s.Agent.PublicKey, true)], burn),
            MemoInstructions.Memo(InspectorScenario.CampaignId),
        ]);

        var ex = await RejectedAsync(s, tx, s.Inspector(o => o.EscrowProgramId = PublicKey.TokenProgram));

        Assert.Equal(RejectionReason.RecipientNotProven, ex.Reason);
        Assert.Contains("reaching the recipient", ex.Detail);
    }

    [Fact]
    public async Task Agent_paid_rent_for_an_attackers_token_account_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync([AssociatedTokenInstructions.CreateIdempotent(s.Agent.PublicKey, s.Server.PublicKey, s.Mint), .. s.HonestPayment().Skip(3)]);
        Assert.Equal(RejectionReason.RecipientNotProven, (await RejectedAsync(s, tx, s.Inspector())).Reason);
    }

    [Fact]
    public async Task Refund_that_credits_less_than_the_stated_amount_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var escrow = Keypair.Generate();
        var escrowUsdc = PublicKey.Parse(await localnet.SetTokenAccountAsync(escrow.PublicKey.ToBase58(), s.Mint.ToBase58(), 5_000_000, cancellationToken: Ct));
        var tx = await s.ServerBuiltAsync([TokenInstructions.TransferChecked(escrowUsdc, s.Mint, s.AgentUsdc, escrow.PublicKey, 1_000_000, Usdc.Decimals)], extraSigners: [escrow]);

        var ex = await RejectedAsync(s, tx, s.Inspector(), InspectionPolicy.RefundOrClaim(5_000_000));

        Assert.Equal(RejectionReason.RecipientNotProven, ex.Reason);
        Assert.Contains("rising by 1", ex.Detail);
        Assert.Contains("stated 5", ex.Detail);
    }

    [Fact]
    public async Task Refund_that_credits_the_stated_amount_is_signed()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var escrow = Keypair.Generate();
        var escrowUsdc = PublicKey.Parse(await localnet.SetTokenAccountAsync(escrow.PublicKey.ToBase58(), s.Mint.ToBase58(), 5_000_000, cancellationToken: Ct));
        var tx = await s.ServerBuiltAsync([TokenInstructions.TransferChecked(escrowUsdc, s.Mint, s.AgentUsdc, escrow.PublicKey, 5_000_000, Usdc.Decimals)], extraSigners: [escrow]);

        var report = await s.Inspector().InspectAndSignAsync(tx, s.Agent, InspectionPolicy.RefundOrClaim(5_000_000), Ct);

        Assert.Equal(5_000_000UL, report.Simulation!.UsdcAfter - report.Simulation.UsdcBefore);
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("set-owner")]
    [InlineData("close")]
    public async Task Refund_whose_opaque_instruction_hands_over_the_agents_token_account_is_refused(string attack)
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var data = attack switch
        {
            "approve" => (byte[])[4, .. BitConverter.GetBytes(ulong.MaxValue)],
            "set-owner" => [6, 2, 1, .. s.Server.PublicKey.ToByteArray()],
            _ => [9],
        };
        List<AccountMeta> accounts = attack switch
        {
            "approve" => [AccountMeta.Writable(s.AgentUsdc), AccountMeta.ReadOnly(s.Server.PublicKey), AccountMeta.ReadOnly(s.Agent.PublicKey, true)],
            "set-owner" => [AccountMeta.Writable(s.AgentUsdc), AccountMeta.ReadOnly(s.Agent.PublicKey, true)],
            _ => [AccountMeta.Writable(s.AgentUsdc), AccountMeta.Writable(s.Server.PublicKey), AccountMeta.ReadOnly(s.Agent.PublicKey, true)],
        };
        if (attack == "close")
        {
            await localnet.SetTokenAccountAsync(s.Agent.PublicKey.ToBase58(), s.Mint.ToBase58(), 0, cancellationToken: Ct); // only empty accounts close
        }

        var tx = await s.ServerBuiltAsync([new TransactionInstruction(PublicKey.TokenProgram, accounts, data)]);

        var ex = await RejectedAsync(s, tx, s.Inspector(o => o.EscrowProgramId = PublicKey.TokenProgram), InspectionPolicy.RefundOrClaim());

        Assert.Equal(RejectionReason.AuthorityChanged, ex.Reason);
    }

    [Fact]
    public async Task Claim_whose_opaque_instruction_moves_other_tokens_of_the_agent_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var otherMint = PublicKey.Parse(await localnet.CreateMintAsync(cancellationToken: Ct));
        var otherAccount = PublicKey.Parse(await localnet.MintToAsync(s.Agent.PublicKey.ToBase58(), otherMint.ToBase58(), 9, Ct));
        var serverOther = PublicKey.Parse(await localnet.SetTokenAccountAsync(s.Server.PublicKey.ToBase58(), otherMint.ToBase58(), 0, cancellationToken: Ct));
        var tx = await s.ServerBuiltAsync([TokenInstructions.TransferChecked(otherAccount, otherMint, serverOther, s.Agent.PublicKey, 9, Usdc.Decimals)]);

        var ex = await RejectedAsync(s, tx, s.Inspector(o => o.EscrowProgramId = PublicKey.TokenProgram), InspectionPolicy.RefundOrClaim());

        Assert.Equal(RejectionReason.UnexpectedToken, ex.Reason);
    }

    [Fact]
    public async Task Refund_with_a_stated_amount_and_simulation_off_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync([MemoInstructions.Memo("refund")]);
        var ex = await RejectedAsync(s, tx, s.Inspector(o => o.SimulateBeforeSigning = false), InspectionPolicy.RefundOrClaim(1));
        Assert.Equal(RejectionReason.SimulationUnavailable, ex.Reason);
    }
}
