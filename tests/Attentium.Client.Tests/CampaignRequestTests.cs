using System.Net;
using Attention.Sdk;
using Attention.Sdk.Testing.Localnet;
using Attention.Sdk.Testing.WireMock;
using Attentium.Campaigns;
using Attentium.Client.Tests.Support;
using Attentium.Solana;

namespace Attentium.Client.Tests;

/// <summary>/verify over the wire: the body, the headers of each step, validation before sending and the typed errors.</summary>
public sealed class CampaignRequestTests(WireMockServer wiremock, LocalnetServer localnet) : AttentiumTestBase(wiremock, localnet)
{
    private const string Signature = "5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW";

    public static TheoryData<string, CreateCampaignRequest> InvalidRequests => new()
    {
        { "Duration", Request(duration: 20) },
        { "Quantity", Request(quantity: 0) },
        { "BidPerSecond", Request(bid: 0.0029m) },
        { "ValidationQuestion", Request() with { ValidationQuestion = " " } },
        { "ContentUrl", Request() with { ContentUrl = "not a url" } },
        { "CallbackUrl", Request() with { CallbackUrl = "ftp://example.com/hook" } },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Invalid_requests_fail_before_any_request(string field, CreateCampaignRequest request)
    {
        var client = CreateClient();
        var agent = Keypair.Generate();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Campaigns.CreateAsync(request, agent, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Campaigns.RequestInvoiceAsync(request, agent.PublicKey, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Campaigns.SubmitPaymentAsync(request, "cmp", Signature, agent.PublicKey, Ct));

        Assert.Equal(field, error.ParamName);
        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public async Task Submit_and_resume_refuse_bad_signatures_before_sending()
    {
        var client = CreateClient();
        var agent = Keypair.Generate().PublicKey;

        await Assert.ThrowsAsync<ArgumentException>(() => client.Campaigns.SubmitPaymentAsync(Request(), "cmp", "not-base58-0OIl", agent, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Campaigns.ResumeAsync("cmp", "abc", Request(), agent, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Campaigns.ResumeAsync(" ", Signature, Request(), agent, Ct));

        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public async Task First_verify_sends_the_body_and_agent_key_and_returns_the_invoice()
    {
        await StubAsync(Stub.Post("v1/verify").RespondsJson(402, """
            { "error": "payment_required", "message": "Sign the attached transaction to fund escrow.", "transaction": "AQID", "amount": 7.50, "campaign_id": "ab12" }
            """));
        var agent = Keypair.Generate().PublicKey;

        var result = await CreateClient().Campaigns.RequestInvoiceAsync(Request() with { CallbackUrl = "https://example.com/hook" }, agent, Ct);

        var request = Assert.Single(await RequestsAsync());
        Assert.Equal("POST", request.Method);
        Assert.Equal(agent.ToBase58(), request.Header("X-Agent-Key"));
        Assert.Null(request.Header("X-Solana-Tx-Signature"));
        Assert.Null(request.Header("X-Campaign-Id"));
        Assert.Null(request.Header("Idempotency-Key"));
        var body = request.BodyJson!.AsObject();
        Assert.Equal(30, (int)body["duration"]!);
        Assert.Equal(5, (int)body["quantity"]!);
        Assert.Equal(0.05m, (decimal)body["bid_per_second"]!);
        Assert.Equal("Is this a cat?", (string)body["validation_question"]!);
        Assert.Equal("https://example.com/image.png", (string)body["content_url"]!);
        Assert.Equal("https://example.com/hook", (string)body["callback_url"]!);
        Assert.True(result.PaymentRequired);
        Assert.Equal((7.50m, "ab12", "AQID"), (result.Invoice!.Amount, result.Invoice.CampaignId, result.Invoice.Transaction));
    }

    [Fact]
    public async Task Unset_optional_fields_are_not_sent()
    {
        await StubAsync(Stub.Post("v1/verify").RespondsJson(200, """{ "tx_hash": "0x1", "campaign_id": "c", "read_key": "rk" }"""));

        await CreateClient().Campaigns.RequestInvoiceAsync(Request() with { ContentUrl = null }, Keypair.Generate().PublicKey, Ct);

        var body = Assert.Single(await RequestsAsync()).BodyJson!.AsObject();
        Assert.False(body.ContainsKey("content_url"));
        Assert.False(body.ContainsKey("callback_url"));
    }

    [Fact]
    public async Task A_200_on_the_first_verify_returns_the_keys_without_paying()
    {
        await StubAsync(Stub.Post("v1/verify").RespondsJson(200, """{ "status": "active", "tx_hash": "0x123abc", "campaign_id": "ab12", "read_key": "rk_1", "amount": 7.5, "expires_at": "2026-01-02T00:00:00Z" }"""));

        var keys = await CreateClient().Campaigns.CreateAsync(Request(), Keypair.Generate(), Ct);

        Assert.Single(await RequestsAsync());
        Assert.Equal(("0x123abc", "ab12", "rk_1", 7.5m), (keys.TxHash, keys.CampaignId, keys.ReadKey, keys.Amount));
        Assert.Equal(CampaignStatus.Active, keys.Status);
        Assert.True(keys.AdditionalProperties!.ContainsKey("expires_at"));
    }

    [Fact]
    public async Task Submit_sends_the_three_payment_headers_and_the_same_body()
    {
        await StubAsync(Stub.Post("v1/verify")
            .WithHeader("X-Solana-Tx-Signature", Matches.EqualTo(Signature))
            .WithHeader("X-Campaign-Id", Matches.EqualTo("ab12"))
            .RespondsJson(200, """{ "tx_hash": "0x123abc", "campaign_id": "ab12", "read_key": "rk_1" }"""));
        var agent = Keypair.Generate().PublicKey;

        var keys = await CreateClient().Campaigns.SubmitPaymentAsync(Request(), "ab12", Signature, agent, Ct);

        var request = Assert.Single(await RequestsAsync());
        Assert.Equal((Signature, agent.ToBase58(), "ab12"), (request.Header("X-Solana-Tx-Signature"), request.Header("X-Agent-Key"), request.Header("X-Campaign-Id")));
        Assert.Equal("Is this a cat?", (string)request.BodyJson!["validation_question"]!);
        Assert.Equal("0x123abc", keys.TxHash);
    }

    [Theory]
    [InlineData("missing_campaign_id", "X-Campaign-Id header not provided", typeof(MissingCampaignIdException))]
    [InlineData("missing_memo", "Transaction has no memo instruction", typeof(MissingMemoException))]
    [InlineData("memo_mismatch", "Memo content doesn't match header", typeof(MemoMismatchException))]
    public async Task Documented_error_codes_map_to_typed_errors(string code, string message, Type expected)
    {
        await StubAsync(Stub.Post("v1/verify").RespondsJson(400, $$"""{ "error": "{{code}}", "message": "{{message}}" }"""));

        var error = await Assert.ThrowsAnyAsync<AttentiumPaymentRejectedException>(
            () => CreateClient().Campaigns.SubmitPaymentAsync(Request(), "ab12", Signature, Keypair.Generate().PublicKey, Ct));

        Assert.IsType(expected, error);
        Assert.IsAssignableFrom<AttentionBadRequestException>(error);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(message, error.ServerMessage);
        Assert.Single(await RequestsAsync());
    }

    [Fact]
    public async Task Payment_required_on_the_second_verify_is_a_typed_error_with_the_campaign_id()
    {
        await StubAsync(Stub.Post("v1/verify").RespondsJson(402, """{ "error": "payment_required", "message": "The transaction was not found on chain", "campaign_id": "ab12" }"""));

        var error = await Assert.ThrowsAsync<AttentiumPaymentRequiredException>(
            () => CreateClient().Campaigns.SubmitPaymentAsync(Request(), "ab12", Signature, Keypair.Generate().PublicKey, Ct));

        Assert.Equal(HttpStatusCode.PaymentRequired, error.StatusCode);
        Assert.Equal("payment_required", error.ErrorCode);
        Assert.Null(error.Invoice); // no amount: not an invoice
        Assert.Single(await RequestsAsync());
    }

    [Fact]
    public async Task A_402_without_an_invoice_on_the_first_verify_is_an_error_not_a_payment()
    {
        await StubAsync(Stub.Post("v1/verify").RespondsJson(402, """{ "error": "payment_required", "message": "Pay first" }"""));

        var error = await Assert.ThrowsAsync<AttentiumPaymentRequiredException>(
            () => CreateClient().Campaigns.CreateAsync(Request(), Keypair.Generate(), Ct));

        Assert.Equal("Pay first", error.ServerMessage);
        Assert.Single(await RequestsAsync());
    }

    [Fact]
    public async Task Verify_is_not_retried_after_a_503()
    {
        await StubAsync(Stub.Post("v1/verify").RespondsJson(503, """{ "error": "unavailable" }"""));

        await Assert.ThrowsAsync<AttentionServerException>(() => CreateClient().Campaigns.RequestInvoiceAsync(Request(), Keypair.Generate().PublicKey, Ct));

        Assert.Single(await RequestsAsync());
    }

    [Fact]
    public async Task Memo_flow_without_a_configured_treasury_refuses_to_pay()
    {
        await StubAsync(Stub.Post("v1/verify").RespondsJson(402, """{ "error": "payment_required", "message": "Send USDC", "amount": 1.5, "campaign_id": "c-1" }"""));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CreateClient().Campaigns.CreateAsync(Request(), Keypair.Generate(), Ct));

        Assert.Contains("Treasury", error.Message, StringComparison.Ordinal);
        Assert.Single(await RequestsAsync());
    }

    [Fact]
    public async Task Memo_flow_refuses_an_invoice_naming_another_treasury()
    {
        var other = Keypair.Generate().PublicKey;
        await StubAsync(Stub.Post("v1/verify").RespondsJson(402, $$"""{ "error": "payment_required", "amount": 1.5, "campaign_id": "c-1", "treasury": "{{other}}" }"""));
        var client = CreateClient(o => o.Treasury = Keypair.Generate().PublicKey);

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.Campaigns.CreateAsync(Request(), Keypair.Generate(), Ct));
        Assert.Null(await client.PaymentLedger.FindAsync("c-1", Ct));
    }
}
