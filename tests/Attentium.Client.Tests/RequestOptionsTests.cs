using System.Net;
using Attention.Sdk.Http;
using Attention.Sdk.Testing.Localnet;
using Attention.Sdk.Testing.WireMock;
using Attentium.Client.Tests.Support;
using Attentium.Solana;

namespace Attentium.Client.Tests;

/// <summary>
/// The <c>RequestOptions</c> overloads (docs/api-conventions.md rule 8) over the real WireMock server: extra headers go out, the
/// response metadata comes back, the invoice path is unchanged, and what Attentium does not honour (any idempotency key, a second
/// value for a payment header) is refused before anything is sent.
/// </summary>
public sealed class RequestOptionsTests(WireMockServer wiremock, LocalnetServer localnet) : AttentiumTestBase(wiremock, localnet)
{
    private const string Signature = "5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW";

    public static TheoryData<string, Func<AttentiumClient, RequestOptions, Task>> SingleCalls => new()
    {
        { "quote", (client, options) => client.Market.GetQuoteAsync(30, options, Ct) },
        { "order book", (client, options) => client.Market.GetOrderBookAsync(options, Ct) },
        { "results", (client, options) => client.Results.GetAsync("0xabc", "rk_1", options, Ct) },
        { "campaign state", (client, options) => client.Refunds.GetCampaignAsync("0xabc", options, Ct) },
        { "claim balance", (client, options) => client.Claims.GetBalanceAsync(Keypair.Generate().PublicKey, options, Ct) },
        { "claim submission", (client, options) => client.Claims.SubmitAsync("claim-1", "AQID", options, Ct) },
        { "invoice request", (client, options) => client.Campaigns.RequestInvoiceAsync(Request(), Keypair.Generate().PublicKey, options, Ct) },
        { "payment submission", (client, options) => client.Campaigns.SubmitPaymentAsync(Request(), "ab12", Signature, Keypair.Generate().PublicKey, options, Ct) },
    };

    [Fact]
    public async Task Quote_with_request_options_sends_the_extra_header_and_returns_the_response_metadata()
    {
        await StubAsync(Stub.Get("v1/oracle/quote")
            .RespondsJson(200, """{ "duration": 30, "gross_bid_cents": 2, "market_depth": 15, "timestamp": "2024-01-01T12:00:00Z" }""")
            .WithHeader("X-Request-Id", "req_quote_1"));
        var requestOptions = new RequestOptions().AddHeader("X-Trace", "quote-42");

        var quote = await CreateClient().Market.GetQuoteAsync(30, requestOptions, Ct);

        var request = Assert.Single(await RequestsAsync());
        Assert.Equal(("GET", "30", "quote-42"), (request.Method, request.QueryParam("duration"), request.Header("X-Trace")));
        Assert.Equal(15, quote.MarketDepth);
        Assert.Equal(HttpStatusCode.OK, requestOptions.Response!.StatusCode);
        Assert.Equal("req_quote_1", requestOptions.Response.RequestId);
        Assert.Contains("gross_bid_cents", requestOptions.Response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_submission_with_request_options_sends_the_extra_header_and_returns_the_response_metadata()
    {
        await StubAsync(Stub.Post("v1/claims/submit")
            .RespondsJson(200, """{ "success": true, "txHash": "5abc", "amount": 1.25 }""")
            .WithHeader("X-Request-Id", "req_claim_1"));
        var requestOptions = new RequestOptions().AddHeader("X-Trace", "claim-42");

        var receipt = await CreateClient().Claims.SubmitAsync("claim-1", "AQID", requestOptions, Ct);

        var request = Assert.Single(await RequestsAsync());
        Assert.Equal(("POST", "claim-42", null), (request.Method, request.Header("X-Trace"), request.Header("Idempotency-Key")));
        Assert.Equal("claim-1", (string)request.BodyJson!["claimId"]!);
        Assert.Equal("5abc", receipt.TxHash);
        Assert.Equal("req_claim_1", requestOptions.Response!.RequestId);
        Assert.Contains("\"txHash\"", requestOptions.Response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoice_request_with_request_options_still_returns_the_402_invoice_and_records_no_response()
    {
        await StubAsync(Stub.Post("v1/verify").RespondsJson(402, """{ "error": "payment_required", "amount": 7.50, "campaign_id": "ab12", "transaction": "AQID" }"""));
        var requestOptions = new RequestOptions().AddHeader("X-Trace", "invoice-42");
        var agent = Keypair.Generate().PublicKey;

        var result = await CreateClient().Campaigns.RequestInvoiceAsync(Request(), agent, requestOptions, Ct);

        var request = Assert.Single(await RequestsAsync());
        Assert.Equal(("invoice-42", agent.ToBase58()), (request.Header("X-Trace"), request.Header("X-Agent-Key")));
        Assert.True(result.PaymentRequired);
        Assert.Equal((7.50m, "ab12"), (result.Invoice!.Amount, result.Invoice.CampaignId));
        Assert.Null(requestOptions.Response);
    }

    [Fact]
    public async Task Payment_submission_with_request_options_returns_the_keys_and_the_response_metadata()
    {
        await StubAsync(Stub.Post("v1/verify")
            .WithHeader("X-Solana-Tx-Signature", Matches.EqualTo(Signature))
            .RespondsJson(200, """{ "tx_hash": "0x123abc", "campaign_id": "ab12", "read_key": "rk_1" }""")
            .WithHeader("X-Request-Id", "req_verify_1"));
        var requestOptions = new RequestOptions().AddHeader("X-Trace", "verify-42");

        var keys = await CreateClient().Campaigns.SubmitPaymentAsync(Request(), "ab12", Signature, Keypair.Generate().PublicKey, requestOptions, Ct);

        var request = Assert.Single(await RequestsAsync());
        Assert.Equal(("verify-42", "ab12"), (request.Header("X-Trace"), request.Header("X-Campaign-Id")));
        Assert.Equal("0x123abc", keys.TxHash);
        Assert.Equal("req_verify_1", requestOptions.Response!.RequestId);
    }

    [Theory]
    [MemberData(nameof(SingleCalls))]
    public async Task An_idempotency_key_is_refused_before_sending_because_attentium_honours_none(string call, Func<AttentiumClient, RequestOptions, Task> send)
    {
        var requestOptions = new RequestOptions { IdempotencyKey = "caller-key-1" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => send(CreateClient(), requestOptions));

        Assert.Contains("does not de-duplicate by Idempotency-Key", error.Message, StringComparison.Ordinal);
        Assert.Empty(await RequestsAsync());
        Assert.True(requestOptions.Response is null, $"{call}: a refused call records no response");
    }

    [Theory]
    [InlineData("X-Agent-Key")]
    [InlineData("x-solana-tx-signature")]
    [InlineData("X-Campaign-Id")]
    public async Task A_per_call_header_that_would_add_a_second_payment_header_value_is_refused_before_sending(string header)
    {
        var requestOptions = new RequestOptions().AddHeader(header, "attacker-value");

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            CreateClient().Campaigns.SubmitPaymentAsync(Request(), "ab12", Signature, Keypair.Generate().PublicKey, requestOptions, Ct));

        Assert.Contains("cannot be added per call", error.Message, StringComparison.Ordinal);
        Assert.Empty(await RequestsAsync());
    }
}
