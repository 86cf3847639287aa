using System.Net;
using Attention.Sdk.Testing.Localnet;
using Attentium.Client.Tests.Solana.Rpc;
using Attentium.Solana;

namespace Attentium.Client.Tests.Solana.Inspection;

/// <summary>Instructions read the way the runtime reads them, durable nonces, fee arithmetic, and failing closed without RPC.</summary>
public class RuntimeDecodingTests(LocalnetServer localnet)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static InspectionPolicy Payment => InspectionPolicy.CampaignPayment(InspectorScenario.CampaignId, InspectorScenario.Invoice);

    private static async Task<TransactionRejectedException> RejectedAsync(InspectorScenario s, Transaction tx, TransactionInspector? inspector = null)
    {
        var ex = await Assert.ThrowsAsync<TransactionRejectedException>(() => (inspector ?? s.Inspector()).InspectAndSignAsync(tx, s.Agent, Payment, Ct));
        Assert.False(tx.IsSignedBy(s.Agent.PublicKey));
        return ex;
    }

    private static TransactionInstruction Raw(PublicKey program, params byte[] data) => new(program, [], data);

    [Fact]
    public void Compute_unit_price_with_trailing_bytes_is_read_as_the_runtime_reads_it()
    {
        byte[] data = [3, .. BitConverter.GetBytes(1_000_000_000_000UL), 0xFF];
        Assert.True(ComputeBudgetInstructions.TryGetComputeUnitPrice(Raw(PublicKey.ComputeBudgetProgram, data), out var price));
        Assert.Equal(1_000_000_000_000UL, price);
    }

    [Fact]
    public async Task Huge_priority_fee_hidden_behind_a_trailing_byte_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        byte[] data = [3, .. BitConverter.GetBytes(1_000_000_000_000UL), 0];
        var tx = await s.ServerBuiltAsync([Raw(PublicKey.ComputeBudgetProgram, data), .. s.HonestPayment().Skip(2)]);
        var ex = await RejectedAsync(s, tx);
        Assert.Equal(RejectionReason.PriorityFeeTooHigh, ex.Reason);
    }

    [Fact]
    public async Task Maximum_price_times_maximum_units_does_not_wrap_around()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync([ComputeBudgetInstructions.SetComputeUnitLimit(1_400_000), ComputeBudgetInstructions.SetComputeUnitPrice(ulong.MaxValue), .. s.HonestPayment().Skip(2)]);
        var ex = await RejectedAsync(s, tx, s.Inspector(o => o.MaxPriorityFeeLamports = ulong.MaxValue - 1));
        Assert.Equal(RejectionReason.PriorityFeeTooHigh, ex.Reason);
        Assert.Contains("25825441703193372261 lamports", ex.Detail); // ceil((2^64-1) × 1.4M / 1M): beyond u64, computed exactly
    }

    [Theory]
    [InlineData(new byte[] { 0 })]
    [InlineData(new byte[] { 3, 1, 2, 3 })]
    [InlineData(new byte[] { 9, 0, 0, 0, 0 })]
    [InlineData(new byte[0])]
    public async Task Compute_budget_instruction_the_runtime_cannot_read_is_refused(byte[] data)
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync([Raw(PublicKey.ComputeBudgetProgram, data), .. s.HonestPayment().Skip(2)]);
        Assert.Equal(RejectionReason.UndecodableInstruction, (await RejectedAsync(s, tx)).Reason);
    }

    [Fact]
    public async Task Repeated_compute_budget_setting_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync([ComputeBudgetInstructions.SetComputeUnitPrice(1), ComputeBudgetInstructions.SetComputeUnitPrice(2), .. s.HonestPayment().Skip(2)]);
        Assert.Equal(RejectionReason.UndecodableInstruction, (await RejectedAsync(s, tx)).Reason);
    }

    [Fact]
    public async Task Token_transfer_with_trailing_bytes_is_decoded_and_its_recipient_checked()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var thief = PublicKey.GetAssociatedTokenAddress(s.Server.PublicKey, s.Mint);
        var honest = TokenInstructions.TransferChecked(s.AgentUsdc, s.Mint, thief, s.Agent.PublicKey, InspectorScenario.Invoice, Usdc.Decimals);
        var padded = new TransactionInstruction(honest.ProgramId, honest.Accounts, [.. honest.Data.Span, 7, 7]);
        var tx = await s.ServerBuiltAsync([padded, MemoInstructions.Memo(InspectorScenario.CampaignId)]);
        Assert.Equal(RejectionReason.RecipientNotProven, (await RejectedAsync(s, tx)).Reason);
    }

    [Fact]
    public async Task Token_instruction_with_an_unknown_tag_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync([.. s.HonestPayment(), new TransactionInstruction(PublicKey.TokenProgram, [AccountMeta.Writable(s.TreasuryUsdc)], [200])]);
        Assert.Equal(RejectionReason.UndecodableInstruction, (await RejectedAsync(s, tx)).Reason);
    }

    [Fact]
    public async Task Truncated_token_transfer_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync([.. s.HonestPayment(), new TransactionInstruction(PublicKey.TokenProgram, [AccountMeta.Writable(s.TreasuryUsdc)], [12, 1, 2])]);
        Assert.Equal(RejectionReason.UndecodableInstruction, (await RejectedAsync(s, tx)).Reason);
    }

    [Fact]
    public async Task System_instruction_with_an_unknown_tag_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync([.. s.HonestPayment(), Raw(PublicKey.SystemProgram, 99, 0, 0, 0)]);
        Assert.Equal(RejectionReason.UndecodableInstruction, (await RejectedAsync(s, tx)).Reason);
    }

    [Fact]
    public async Task Associated_token_instruction_with_trailing_bytes_is_refused()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var create = AssociatedTokenInstructions.CreateIdempotent(s.Agent.PublicKey, s.Treasury, s.Mint);
        var tx = await s.ServerBuiltAsync([new TransactionInstruction(create.ProgramId, create.Accounts, [1, 0]), .. s.HonestPayment().Skip(3)]);
        Assert.Equal(RejectionReason.UndecodableInstruction, (await RejectedAsync(s, tx)).Reason);
    }

    [Fact]
    public async Task Durable_nonce_advance_anywhere_is_refused_even_on_the_servers_own_nonce_account()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var nonce = Keypair.Generate().PublicKey;
        var advance = new TransactionInstruction(
            PublicKey.SystemProgram,
            [AccountMeta.Writable(nonce), AccountMeta.ReadOnly(new PublicKey("SysvarRecentB1ockHashes11111111111111111111")), AccountMeta.ReadOnly(s.Server.PublicKey, true)],
            [4, 0, 0, 0]);
        var tx = await s.ServerBuiltAsync([advance, .. s.HonestPayment()]);
        var ex = await RejectedAsync(s, tx);
        Assert.Equal(RejectionReason.DurableNonce, ex.Reason);
    }

    [Fact]
    public async Task Simulation_on_without_an_rpc_client_refuses_and_says_so()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync(s.HonestPayment());
        var ex = await RejectedAsync(s, tx, s.Inspector(withRpc: false));
        Assert.Equal(RejectionReason.SimulationUnavailable, ex.Reason);
        Assert.Contains("no RPC client", ex.Detail);
    }

    [Fact]
    public async Task Simulation_turned_off_explicitly_signs_a_statically_proven_payment()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync(s.HonestPayment());
        var report = await s.Inspector(o => o.SimulateBeforeSigning = false, withRpc: false).InspectAndSignAsync(tx, s.Agent, Payment, Ct);
        Assert.Null(report.Simulation);
        Assert.True(tx.IsSignedBy(s.Agent.PublicKey));
    }

    [Fact]
    public async Task Rpc_failure_during_inspection_is_a_typed_rejection_and_nothing_is_signed()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var tx = await s.ServerBuiltAsync(s.HonestPayment());
        var handler = new FakeRpcHandler(_ => FakeRpcHandler.Json("""{"message":"busy"}""", HttpStatusCode.ServiceUnavailable));
        using var failing = new SolanaRpcClient(new SolanaRpcClientOptions { Endpoint = new Uri("http://rpc.test/"), MaxRetries = 0 }, new HttpClient(handler));

        var ex = await RejectedAsync(s, tx, new TransactionInspector(s.Options(), failing));

        Assert.Equal(RejectionReason.RpcFailed, ex.Reason);
        Assert.IsType<SolanaRpcTransportException>(ex.InnerException);
        Assert.DoesNotContain(handler.Requests, r => (string?)r["method"] == "sendTransaction");
    }
}
