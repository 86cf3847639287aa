using System.Text.Json.Nodes;
using Attention.Sdk.Testing.Localnet;
using Attention.Sdk.Testing.WireMock;
using Attentium.Client.Tests.Support;
using Attentium.Solana;

namespace Attentium.Client.Tests;

/// <summary>Refunds through the client: the withdraw transaction must credit the agent what the server stated, or nothing is signed.</summary>
public sealed class RefundProofTests(WireMockServer wiremock, LocalnetServer localnet) : AttentiumTestBase(wiremock, localnet)
{
    private async Task<string> WithdrawToAsync(PublicKey agent, PublicKey mint, Func<PublicKey, PublicKey> destination)
    {
        var escrow = Keypair.Generate();
        var escrowAccount = PublicKey.Parse(await Localnet.SetTokenAccountAsync(escrow.PublicKey.ToBase58(), mint.ToBase58(), 2_500_000, cancellationToken: Ct));
        var (blockhash, _) = await Localnet.GetLatestBlockhashAsync(Ct);
        var withdraw = Transaction.FromMessage(MessageCompiler.CompileLegacy(
            agent,
            [TokenInstructions.TransferChecked(escrowAccount, mint, destination(escrow.PublicKey), escrow.PublicKey, 2_500_000, 6)],
            blockhash));
        withdraw.Sign(escrow);
        return withdraw.ToBase64();
    }

    [Fact]
    public async Task Withdraw_transaction_that_refunds_someone_else_is_refused_and_not_sent()
    {
        var (agent, mint) = await FundedAgentAsync(usdcUnits: 1);
        var thief = Keypair.Generate().PublicKey;
        var thiefUsdc = PublicKey.Parse(await Localnet.SetTokenAccountAsync(thief.ToBase58(), mint.ToBase58(), 0, cancellationToken: Ct));
        var transaction = await WithdrawToAsync(agent.PublicKey, mint, _ => thiefUsdc);
        await StubAsync(Stub.Get("v1/campaigns/0xstolen").RespondsJson(200, new JsonObject { ["status"] = "expired", ["escrow_balance"] = 2.50m, ["refundable"] = true, ["withdraw_escrow_tx"] = transaction }));

        var error = await Assert.ThrowsAsync<TransactionRejectedException>(() => CreateClient(mint: mint).Refunds.WithdrawAsync("0xstolen", agent, Ct));

        Assert.Equal(RejectionReason.RecipientNotProven, error.Reason);
        Assert.Contains("stated 2.5", error.Detail);
        Assert.Equal(0UL, await TokenBalanceAsync(thief, mint));
        Assert.Equal(1UL, await TokenBalanceAsync(agent.PublicKey, mint));
    }

    [Fact]
    public async Task Withdraw_transaction_that_credits_nothing_is_refused_even_without_a_stated_balance()
    {
        var (agent, mint) = await FundedAgentAsync(usdcUnits: 1);
        var transaction = await WithdrawToAsync(agent.PublicKey, mint, escrow => PublicKey.GetAssociatedTokenAddress(escrow, mint)); // to itself
        await StubAsync(Stub.Get("v1/campaigns/0xempty").RespondsJson(200, new JsonObject { ["status"] = "expired", ["refundable"] = true, ["withdraw_escrow_tx"] = transaction }));

        var error = await Assert.ThrowsAsync<TransactionRejectedException>(() => CreateClient(mint: mint).Refunds.WithdrawAsync("0xempty", agent, Ct));

        Assert.Equal(RejectionReason.RecipientNotProven, error.Reason);
    }
}
