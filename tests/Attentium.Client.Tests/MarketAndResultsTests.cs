using Attention.Sdk;
using Attention.Sdk.Testing.Localnet;
using Attention.Sdk.Testing.Logging;
using Attention.Sdk.Testing.WireMock;
using Attentium.Campaigns;
using Attentium.Client.Tests.Support;

namespace Attentium.Client.Tests;

public sealed class MarketAndResultsTests(WireMockServer wiremock, LocalnetServer localnet) : AttentiumTestBase(wiremock, localnet)
{
    private const string ReadKey = "rk_live_7f3a9c_secret";

    [Fact]
    public async Task Quote_sends_the_duration_and_parses_the_docs_example()
    {
        await StubAsync(Stub.Get("v1/oracle/quote").WithQueryParam("duration", Matches.EqualTo("30")).RespondsJson(200, """
            { "duration": 30, "gross_bid_cents": 2, "market_depth": 15, "timestamp": "2024-01-01T12:00:00Z" }
            """));

        var quote = await CreateClient().Market.GetQuoteAsync(30, Ct);

        var request = Assert.Single(await RequestsAsync());
        Assert.Equal(("GET", "30"), (request.Method, request.QueryParam("duration")));
        Assert.Null(request.Header("Authorization"));
        Assert.Equal((30, 2m, 15), (quote.Duration, quote.GrossBidCents, quote.MarketDepth));
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero), quote.Timestamp);
    }

    [Fact]
    public async Task Order_book_parses_the_docs_example()
    {
        await StubAsync(Stub.Get("v1/orderbook").RespondsJson(200, """
            { "count": 5, "orders": [ { "tx_hash": "...", "bid_per_second": 0.003, "duration": 30, "quantity": 100 } ] }
            """));

        var book = await CreateClient().Market.GetOrderBookAsync(Ct);

        Assert.Equal("GET", Assert.Single(await RequestsAsync()).Method);
        Assert.Equal(5, book.Count);
        var order = Assert.Single(book.Orders);
        Assert.Equal(("...", 0.003m, 30, 100), (order.TxHash, order.BidPerSecond, order.Duration, order.Quantity));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(120)]
    public async Task Quote_with_an_undocumented_duration_fails_before_sending(int duration)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => CreateClient().Market.GetQuoteAsync(duration, Ct));
        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public async Task Results_send_the_read_key_as_query_and_keep_unknown_fields()
    {
        await StubAsync(Stub.Get("v1/campaigns/0x123abc/results").WithQueryParam("key", Matches.EqualTo(ReadKey)).RespondsJson(200, """
            { "tx_hash": "0x123abc", "status": "completed", "quantity": 2, "completed": 2, "validation_question": "Is this a cat?",
              "responses": [ { "verifier_id": "human_001", "answer": "yes", "attention_seconds": 30 }, { "verifier_id": "human_002", "answer": "no", "attention_seconds": 30 } ],
              "summary": { "yes": 1, "no": 1 }, "confidence": 0.5 }
            """));

        var results = await CreateClient().Results.GetAsync("0x123abc", ReadKey, Ct);

        var request = Assert.Single(await RequestsAsync());
        Assert.Equal(ReadKey, request.QueryParam("key"));
        Assert.Equal(CampaignStatus.Completed, results.Status);
        Assert.True(results.IsComplete);
        Assert.Equal(["yes", "no"], results.Responses.Select(r => r.Answer));
        Assert.Equal(1, results.Summary!.Value.GetProperty("yes").GetInt32());
        Assert.Equal(0.5, results.AdditionalProperties!["confidence"].GetDouble());
    }

    [Fact]
    public async Task Read_key_never_appears_in_logs_or_exceptions()
    {
        using var logs = new CapturingLoggerProvider();
        await StubAsync(Stub.Get("v1/campaigns/0xabc/results").RespondsJson(200, """{ "tx_hash": "0xabc", "status": "pending", "quantity": 5, "completed": 1 }"""));
        await StubAsync(Stub.Get("v1/campaigns/0xgone/results").RespondsJson(404, """{ "error": "not_found", "message": "No campaign" }"""));
        var client = CreateClient(o => o.LoggerFactory = logs.CreateLoggerFactory());

        await client.Results.GetAsync("0xabc", ReadKey, Ct);
        var error = await Assert.ThrowsAsync<AttentionNotFoundException>(() => client.Results.GetAsync("0xgone", ReadKey, Ct));

        Assert.NotEmpty(logs.Entries);
        Assert.Contains("results", logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(ReadKey, logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(ReadKey, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(ReadKey, (await RequestsAsync())[0].QueryParam("key"));
    }

    [Fact]
    public async Task Campaign_keys_redact_the_read_key_in_ToString()
    {
        var keys = AttentiumModelFactory.CampaignKeys("0xabc", "cmp-1", ReadKey);

        Assert.DoesNotContain(ReadKey, keys.ToString(), StringComparison.Ordinal);
        Assert.Contains("0xabc", keys.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_for_completion_polls_until_every_verifier_answered()
    {
        await StubAsync(Stub.Get("v1/campaigns/0xwait/results").InScenario("results", "Started", "done").RespondsJson(200, """{ "status": "pending", "quantity": 2, "completed": 1 }"""));
        await StubAsync(Stub.Get("v1/campaigns/0xwait/results").InScenario("results", "done").RespondsJson(200, """{ "status": "completed", "quantity": 2, "completed": 2 }"""));

        var results = await CreateClient().Results.WaitForCampaignFinishedAsync(
            "0xwait", ReadKey, new Attention.Sdk.Polling.PollingOptions { Interval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(10) }, Ct);

        Assert.True(results.IsComplete);
        Assert.Equal(2, (await RequestsAsync()).Count);
    }
}
