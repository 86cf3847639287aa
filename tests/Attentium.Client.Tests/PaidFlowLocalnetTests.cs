using System.Text.Json.Nodes;
using Attention.Sdk.Testing.Localnet;
using Attention.Sdk.Testing.Time;
using Attention.Sdk.Testing.WireMock;
using Attentium.Campaigns;
using Attentium.Claims;
using Attentium.Client.Tests.Support;
using Attentium.Solana;

namespace Attentium.Client.Tests;

/// <summary>End to end: WireMock plays Attentium, the LiteSVM localnet executes every payment, refund and claim for real.</summary>
public sealed class PaidFlowLocalnetTests(WireMockServer wiremock, LocalnetServer localnet) : AttentiumTestBase(wiremock, localnet)
{
    private const decimal Invoiced = 7.50m;
    private const ulong InvoicedUnits = 7_500_000;

    private static readonly string Keys = """{ "status": "active", "tx_hash": "0x123abc", "campaign_id": "CAMPAIGN", "read_key": "rk_1" }""";

    /// <summary>A deposit built in Node with web3.js for this agent, and the escrow PDA's token account created (empty) on the localnet.</summary>
    private async Task<(string Transaction, PublicKey EscrowAuthority, PublicKey EscrowProgram)> DepositAsync(Keypair agent, PublicKey mint, string campaignId, ulong units = InvoicedUnits)
    {
        var escrowProgram = Keypair.Generate().PublicKey;
        var (blockhash, _) = await Localnet.GetLatestBlockhashAsync(Ct);
        var built = await NodeAsync("attentium-deposit.mjs", new JsonObject
        {
            ["agent"] = agent.PublicKey.ToBase58(),
            ["mint"] = mint.ToBase58(),
            ["escrowProgram"] = escrowProgram.ToBase58(),
            ["amount"] = units.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["campaignId"] = campaignId,
            ["blockhash"] = blockhash,
        });
        var escrow = PublicKey.Parse((string)built["escrowAuthority"]!);
        await Localnet.SetTokenAccountAsync(escrow.ToBase58(), mint.ToBase58(), 0, cancellationToken: Ct);
        return ((string)built["transaction"]!, escrow, escrowProgram);
    }

    private async Task StubEscrowVerifyAsync(string campaignId, string transaction)
    {
        await StubAsync(Stub.Post("v1/verify").WithoutHeader("X-Solana-Tx-Signature").RespondsJson(402, new JsonObject
        {
            ["error"] = "payment_required",
            ["message"] = "Sign the attached transaction to fund escrow.",
            ["transaction"] = transaction,
            ["amount"] = Invoiced,
            ["campaign_id"] = campaignId,
        }));
        await StubAsync(Stub.Post("v1/verify").WithHeader("X-Solana-Tx-Signature", Matches.Present).RespondsJson(200, Keys.Replace("CAMPAIGN", campaignId, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Escrow_flow_inspects_signs_pays_on_chain_and_resubmits_with_the_three_headers()
    {
        var (agent, mint) = await FundedAgentAsync();
        var campaignId = Guid.NewGuid().ToString();
        var (transaction, escrow, program) = await DepositAsync(agent, mint, campaignId);
        await StubEscrowVerifyAsync(campaignId, transaction);
        var client = CreateClient(o => o.EscrowProgramId = program, mint);

        var keys = await client.Campaigns.CreateAsync(Request(), agent, Ct);

        var requests = await RequestsAsync();
        Assert.Equal(2, requests.Count);
        Assert.Equal(agent.PublicKey.ToBase58(), requests[0].Header("X-Agent-Key"));
        var signature = requests[1].Header("X-Solana-Tx-Signature")!;
        Assert.Equal((agent.PublicKey.ToBase58(), campaignId), (requests[1].Header("X-Agent-Key"), requests[1].Header("X-Campaign-Id")));
        var statuses = await Localnet.CallAsync("getSignatureStatuses", [new JsonArray(signature)], Ct);
        Assert.Null(statuses!["value"]![0]!["err"]);
        Assert.Equal([campaignId], await Localnet.GetMemosAsync(signature, Ct));
        Assert.Equal(InvoicedUnits, await TokenBalanceAsync(escrow, mint));
        Assert.Equal(100_000_000 - InvoicedUnits, await TokenBalanceAsync(agent.PublicKey, mint));
        Assert.Equal(("0x123abc", campaignId), (keys.TxHash, keys.CampaignId));
        Assert.True((await client.PaymentLedger.FindAsync(campaignId, Ct))!.Submitted);
    }

    [Fact]
    public async Task Memo_flow_builds_the_treasury_transfer_with_the_campaign_id_as_memo()
    {
        var (agent, mint) = await FundedAgentAsync();
        var treasury = Keypair.Generate().PublicKey;
        var campaignId = Guid.NewGuid().ToString();
        await StubAsync(Stub.Post("v1/verify").WithoutHeader("X-Solana-Tx-Signature").RespondsJson(402, $$"""{ "error": "payment_required", "message": "Send USDC with a memo", "amount": 1.5, "campaign_id": "{{campaignId}}" }"""));
        await StubAsync(Stub.Post("v1/verify").WithHeader("X-Solana-Tx-Signature", Matches.Present).RespondsJson(200, Keys.Replace("CAMPAIGN", campaignId, StringComparison.Ordinal)));
        var client = CreateClient(o => o.Treasury = treasury, mint);

        await client.Campaigns.CreateAsync(Request(), agent, Ct);

        var submitted = (await RequestsAsync())[1];
        var signature = submitted.Header("X-Solana-Tx-Signature")!;
        Assert.Equal(campaignId, submitted.Header("X-Campaign-Id"));
        Assert.Equal([campaignId], await Localnet.GetMemosAsync(signature, Ct));
        Assert.Equal(1_500_000UL, await TokenBalanceAsync(treasury, mint));
    }

    [Fact]
    public async Task A_crash_after_paying_is_resumed_with_the_signature_and_pays_once()
    {
        var (agent, mint) = await FundedAgentAsync();
        var campaignId = Guid.NewGuid().ToString();
        var (transaction, escrow, program) = await DepositAsync(agent, mint, campaignId);
        await StubEscrowVerifyAsync(campaignId, transaction);

        CampaignPayment payment;
        using (var crashed = CreateClient(o => o.EscrowProgramId = program, mint))
        {
            var invoice = (await crashed.Campaigns.RequestInvoiceAsync(Request(), agent.PublicKey, Ct)).Invoice!;
            payment = await crashed.Campaigns.PayInvoiceAsync(invoice, agent, Request().MaximumCost, Ct);
            var again = await crashed.Campaigns.PayInvoiceAsync(invoice, agent, Request().MaximumCost, Ct); // same process: never a second payment
            Assert.True(again.Resumed);
            Assert.Equal(payment.Signature, again.Signature);
        }

        var restarted = CreateClient(o => o.EscrowProgramId = program, mint);
        var keys = await restarted.Campaigns.ResumeAsync(campaignId, payment.Signature, Request(), agent.PublicKey, Ct);

        var requests = await RequestsAsync();
        Assert.Equal(2, requests.Count);
        Assert.Equal((payment.Signature, campaignId), (requests[1].Header("X-Solana-Tx-Signature"), requests[1].Header("X-Campaign-Id")));
        Assert.Equal(InvoicedUnits, await TokenBalanceAsync(escrow, mint));
        Assert.Equal(100_000_000 - InvoicedUnits, await TokenBalanceAsync(agent.PublicKey, mint));
        Assert.Equal(campaignId, keys.CampaignId);
    }

    [Fact]
    public async Task A_deposit_whose_memo_is_another_campaign_is_refused_before_signing()
    {
        var (agent, mint) = await FundedAgentAsync();
        var campaignId = Guid.NewGuid().ToString();
        var (transaction, escrow, program) = await DepositAsync(agent, mint, "some-other-campaign");
        await StubEscrowVerifyAsync(campaignId, transaction);
        var client = CreateClient(o => o.EscrowProgramId = program, mint);

        var error = await Assert.ThrowsAsync<TransactionRejectedException>(() => client.Campaigns.CreateAsync(Request(), agent, Ct));

        Assert.Equal(RejectionReason.MemoMismatch, error.Reason);
        Assert.Single(await RequestsAsync());
        Assert.Null(await client.PaymentLedger.FindAsync(campaignId, Ct));
        Assert.Equal(0UL, await TokenBalanceAsync(escrow, mint));
    }

    [Fact]
    public async Task A_deposit_above_the_invoice_is_refused_before_signing()
    {
        var (agent, mint) = await FundedAgentAsync();
        var campaignId = Guid.NewGuid().ToString();
        var (transaction, _, program) = await DepositAsync(agent, mint, campaignId, InvoicedUnits + 1);
        await StubEscrowVerifyAsync(campaignId, transaction);

        var error = await Assert.ThrowsAsync<TransactionRejectedException>(
            () => CreateClient(o => o.EscrowProgramId = program, mint).Campaigns.CreateAsync(Request(), agent, Ct));

        Assert.Equal(RejectionReason.UsdcOutflowTooHigh, error.Reason);
        Assert.Equal(100_000_000UL, await TokenBalanceAsync(agent.PublicKey, mint));
    }

    [Fact]
    public async Task Refund_signs_sends_and_confirms_the_co_signed_withdraw_transaction()
    {
        var (agent, mint) = await FundedAgentAsync(usdcUnits: 1);
        var escrowAuthority = Keypair.Generate();
        var escrowAccount = PublicKey.Parse(await Localnet.SetTokenAccountAsync(escrowAuthority.PublicKey.ToBase58(), mint.ToBase58(), 2_500_000, cancellationToken: Ct));
        var (blockhash, _) = await Localnet.GetLatestBlockhashAsync(Ct);
        var withdraw = Transaction.FromMessage(MessageCompiler.CompileLegacy(
            agent.PublicKey,
            [TokenInstructions.TransferChecked(escrowAccount, mint, PublicKey.GetAssociatedTokenAddress(agent.PublicKey, mint), escrowAuthority.PublicKey, 2_500_000, 6)],
            blockhash));
        withdraw.Sign(escrowAuthority);
        await StubAsync(Stub.Get("v1/campaigns/0xrefund").RespondsJson(200, new JsonObject
        {
            ["status"] = "expired",
            ["escrow_balance"] = 2.50m,
            ["refundable"] = true,
            ["withdraw_escrow_tx"] = withdraw.ToBase64(),
        }));

        var refund = await CreateClient(mint: mint).Refunds.WithdrawAsync("0xrefund", agent, Ct);

        Assert.Equal(2.50m, refund.Amount);
        Assert.Equal(2_500_001UL, await TokenBalanceAsync(agent.PublicKey, mint));
        Assert.Equal(0UL, await TokenBalanceAsync(escrowAuthority.PublicKey, mint));
        Assert.Equal("GET", Assert.Single(await RequestsAsync()).Method);
    }

    [Fact]
    public async Task A_campaign_that_is_not_refundable_is_not_signed()
    {
        await StubAsync(Stub.Get("v1/campaigns/0xactive").RespondsJson(200, """{ "status": "active", "escrow_balance": 7.5, "refundable": false }"""));

        var error = await Assert.ThrowsAsync<Refunds.CampaignNotRefundableException>(() => CreateClient().Refunds.WithdrawAsync("0xactive", Keypair.Generate(), Ct));

        Assert.Equal(CampaignStatus.Active, error.State.Status);
    }

    [Theory]
    [InlineData(ClaimSignatureEncoding.Base58)]
    [InlineData(ClaimSignatureEncoding.Base64)]
    public async Task Claim_withdraw_signs_the_request_with_the_clock_and_submits_the_inspected_transaction(ClaimSignatureEncoding encoding)
    {
        var (user, mint) = await FundedAgentAsync(usdcUnits: 0);
        var vault = Keypair.Generate();
        var vaultAccount = PublicKey.Parse(await Localnet.SetTokenAccountAsync(vault.PublicKey.ToBase58(), mint.ToBase58(), 5_250_000, cancellationToken: Ct));
        var (blockhash, _) = await Localnet.GetLatestBlockhashAsync(Ct);
        var claim = Transaction.FromMessage(MessageCompiler.CompileLegacy(
            user.PublicKey,
            [TokenInstructions.TransferChecked(vaultAccount, mint, PublicKey.GetAssociatedTokenAddress(user.PublicKey, mint), vault.PublicKey, 5_250_000, 6)],
            blockhash));
        claim.Sign(vault);
        await StubAsync(Stub.Post("v1/claims/withdraw").RespondsJson(200, new JsonObject
        {
            ["status"] = "pending_signature",
            ["transaction"] = claim.ToBase64(),
            ["claimId"] = "claim_abc123",
            ["amount"] = 5.25m,
        }));
        await StubAsync(Stub.Post("v1/claims/submit").RespondsJson(200, """{ "success": true, "txHash": "5abc123", "amount": 5.25 }"""));
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var client = CreateClient(o => { o.TimeProvider = clock; o.ClaimSignatureEncoding = encoding; }, mint);

        var receipt = await client.Claims.WithdrawAsync(user, Ct);

        var requests = await RequestsAsync();
        Assert.Equal(2, requests.Count);
        var withdrawBody = requests[0].BodyJson!;
        Assert.Equal(user.PublicKey.ToBase58(), (string)withdrawBody["userPubkey"]!);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), (long)withdrawBody["timestamp"]!);
        var verified = await NodeAsync("attentium-verify-claim.mjs", new JsonObject
        {
            ["userPubkey"] = (string)withdrawBody["userPubkey"]!,
            ["timestamp"] = (long)withdrawBody["timestamp"]!,
            ["signature"] = (string)withdrawBody["signature"]!,
            ["encoding"] = encoding == ClaimSignatureEncoding.Base64 ? "base64" : "base58",
        });
        Assert.True((bool)verified["valid"]!, verified.ToJsonString());
        Assert.Equal($"Claim request for {user.PublicKey} at 1772366400000", (string)verified["message"]!);

        var submitBody = requests[1].BodyJson!;
        Assert.Equal("claim_abc123", (string)submitBody["claimId"]!);
        var signed = Transaction.FromBase64((string)submitBody["signedTransaction"]!);
        Assert.True(signed.IsSignedBy(user.PublicKey));
        Assert.True(signed.VerifySignatures());
        Assert.Equal((true, "5abc123", 5.25m), (receipt.Success, receipt.TxHash, receipt.Amount));

        // What the server would broadcast executes on the localnet.
        var sent = await Localnet.CallAsync("sendTransaction", [signed.ToBase64(), new JsonObject { ["encoding"] = "base64" }], Ct);
        Assert.Equal(signed.Signature, sent!.GetValue<string>());
        Assert.Equal(5_250_000UL, await TokenBalanceAsync(user.PublicKey, mint));
    }

    [Fact]
    public async Task Claim_balance_sends_the_user_key_and_parses_the_docs_example()
    {
        var user = Keypair.Generate().PublicKey;
        await StubAsync(Stub.Get("v1/claims/balance").WithQueryParam("userPubkey", Matches.EqualTo(user.ToBase58())).RespondsJson(200, """{ "usdc_balance": 5.25, "season_points": 150, "pending_items": 3 }"""));

        var balance = await CreateClient().Claims.GetBalanceAsync(user, Ct);

        Assert.Equal(user.ToBase58(), Assert.Single(await RequestsAsync()).QueryParam("userPubkey"));
        Assert.Equal((5.25m, 150L, 3), (balance.UsdcBalance, balance.SeasonPoints, balance.PendingItems));
    }

    [Fact]
    public async Task A_claim_transaction_that_takes_the_users_usdc_is_refused_and_not_submitted()
    {
        var (user, mint) = await FundedAgentAsync(usdcUnits: 1_000_000);
        var thief = Keypair.Generate().PublicKey;
        var (blockhash, _) = await Localnet.GetLatestBlockhashAsync(Ct);
        var claim = Transaction.FromMessage(MessageCompiler.CompileLegacy(
            user.PublicKey,
            [TokenInstructions.TransferChecked(PublicKey.GetAssociatedTokenAddress(user.PublicKey, mint), mint, PublicKey.GetAssociatedTokenAddress(thief, mint), user.PublicKey, 1_000_000, 6)],
            blockhash));
        await StubAsync(Stub.Post("v1/claims/withdraw").RespondsJson(200, new JsonObject { ["status"] = "pending_signature", ["transaction"] = claim.ToBase64(), ["claimId"] = "claim_x", ["amount"] = 1m }));

        var error = await Assert.ThrowsAsync<TransactionRejectedException>(() => CreateClient(mint: mint).Claims.WithdrawAsync(user, Ct));

        Assert.Equal(RejectionReason.UsdcOutflowTooHigh, error.Reason);
        Assert.Single(await RequestsAsync());
    }
}
