using Attention.Sdk.Testing.Localnet;
using Attentium.Solana;

namespace Attentium.Client.Tests.Solana.Inspection;

/// <summary>
/// The inspector's reads and its simulation are separate RPC calls. Another transaction of the same agent landing between them
/// (a payment while a refund is inspected, as the sandbox soak found) must not turn an honest refund into a refusal, and a state
/// that never holds still must not turn a refusal into a signature.
/// </summary>
public class ConcurrentActivityTests(LocalnetServer localnet)
{
    private const ulong Refund = 3_000_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_refund_is_signed_when_a_payment_by_the_same_agent_lands_between_the_reads_and_the_simulation()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var refund = await RefundAsync(s);
        using var rpc = new PaymentLandingRpc(s, payments: 1);
        var inspector = new TransactionInspector(s.Options(), rpc);

        var report = await inspector.InspectAndSignAsync(refund, s.Agent, InspectionPolicy.RefundOrClaim(Refund), Ct);

        Assert.Equal(1, rpc.Landed);
        Assert.Equal(2, rpc.Simulations);
        Assert.Equal(0UL, report.Simulation!.UsdcDrop);
        Assert.True(refund.IsSignedBy(s.Agent.PublicKey));
    }

    [Fact]
    public async Task A_refund_whose_accounts_move_under_every_simulation_is_refused_after_the_last_round()
    {
        using var s = await InspectorScenario.CreateAsync(localnet, Ct);
        var refund = await RefundAsync(s);
        using var rpc = new PaymentLandingRpc(s, payments: int.MaxValue);
        var inspector = new TransactionInspector(s.Options(), rpc);

        var error = await Assert.ThrowsAsync<TransactionRejectedException>(() => inspector.InspectAndSignAsync(refund, s.Agent, InspectionPolicy.RefundOrClaim(Refund), Ct));

        Assert.Equal(RejectionReason.SimulatedBalanceDrop, error.Reason);
        Assert.Equal(3, rpc.Simulations);
        Assert.False(refund.IsSignedBy(s.Agent.PublicKey));
    }

    /// <summary>A refund of 3 USDC from the server's account to the agent's, paid for by the agent (as the API builds it).</summary>
    private async Task<Transaction> RefundAsync(InspectorScenario s)
    {
        await s.Rpc.RequestAirdropAsync(s.Server.PublicKey, 1_000_000_000, Ct);
        var serverUsdc = PublicKey.Parse(await localnet.MintToAsync(s.Server.PublicKey.ToBase58(), s.Mint.ToBase58(), Refund, Ct));
        return await s.ServerBuiltAsync([TokenInstructions.TransferChecked(serverUsdc, s.Mint, s.AgentUsdc, s.Server.PublicKey, Refund, Usdc.Decimals)]);
    }

    /// <summary>An RPC node where, just before a simulation, a payment of the agent's (5 USDC, more than the refund) lands and is confirmed.</summary>
    private sealed class PaymentLandingRpc(InspectorScenario s, int payments)
        : SolanaRpcClient(new SolanaRpcClientOptions { Endpoint = s.Localnet.RpcUri, ConfirmationPollInterval = TimeSpan.FromMilliseconds(50) })
    {
        public int Landed { get; private set; }

        public int Simulations { get; private set; }

        public override async Task<SimulationResult> SimulateTransactionAsync(ReadOnlyMemory<byte> transaction, SimulateTransactionOptions? options = null, CancellationToken cancellationToken = default)
        {
            Simulations++;
            if (Landed < payments)
            {
                var payment = await s.ServerBuiltAsync(s.HonestPayment(amount: 5_000_000, memo: $"cmp_{Landed}"));
                payment.Sign(s.Agent);
                var signature = await SendTransactionAsync(payment, null, cancellationToken);
                await ConfirmTransactionAsync(signature, ulong.MaxValue, null, null, cancellationToken);
                Landed++;
            }

            return await base.SimulateTransactionAsync(transaction, options, cancellationToken);
        }
    }
}
