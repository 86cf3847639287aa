using System.Net;
using Attention.Sdk;
using Attention.Sdk.Http;
using Attention.Sdk.Testing.WireMock;
using AttentionFactory.Client.Tests.Support;

namespace AttentionFactory.Client.Tests;

/// <summary>The raw escape hatch (<c>SendAsync(ApiRequest)</c>) runs the typed calls' pipeline.</summary>
public sealed class EscapeHatchTests(WireMockServer wiremock) : FactoryTestBase(wiremock)
{
    [Fact]
    public async Task Send_reaches_an_untyped_endpoint_with_the_bearer_key_and_returns_the_answer()
    {
        await Scope.StubAsync("GET", "v1/billing/usage", body: """{"used":3}""", headers: new Dictionary<string, string> { ["X-Request-Id"] = "req_hatch_1" });

        var response = await CreateClient().SendAsync(new ApiRequest(HttpMethod.Get, "billing/{what}").WithPath("what", "usage"), Ct);

        await SingleRequestAsync("GET", "/v1/billing/usage");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("req_hatch_1", response.RequestId);
        Assert.Equal("""{"used":3}""", response.Text);
    }

    [Fact]
    public async Task Send_maps_a_404_to_the_typed_exception_with_the_server_message()
    {
        await Scope.StubAsync("GET", "v1/billing/usage", status: 404, body: """{"error":"No such report"}""");

        var ex = await Assert.ThrowsAsync<AttentionNotFoundException>(() => CreateClient().SendAsync(new ApiRequest(HttpMethod.Get, "billing/usage"), Ct));

        Assert.Equal("No such report", ex.ServerMessage);
        Assert.EndsWith("/v1/billing/usage", ex.Route);
    }

    [Fact]
    public async Task Send_does_not_retry_a_post_the_request_does_not_mark_idempotent_after_503()
    {
        await Scope.StubAsync("POST", "v1/reports", status: 503, body: """{"error":"busy"}""");

        await Assert.ThrowsAsync<AttentionServerException>(() => CreateClient().SendAsync(new ApiRequest(HttpMethod.Post, "reports"), Ct));

        var sent = await SingleRequestAsync("POST", "/v1/reports");
        Assert.Null(sent.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task Send_retries_a_post_marked_idempotent_after_503_with_one_key()
    {
        await Scope.StubAsync("POST", "v1/reports", status: 503, body: "{}", scenario: "hatch", nextState: "ok");
        await Scope.StubAsync("POST", "v1/reports", status: 201, body: """{"id":"rep_1"}""", scenario: "hatch", whenState: "ok");

        var response = await CreateClient().SendAsync(new ApiRequest(HttpMethod.Post, "reports").HonoursIdempotencyKey(), Ct);

        var requests = await Scope.GetRequestsAsync();
        Assert.Equal(2, requests.Count);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var key = requests[0].Header("Idempotency-Key");
        Assert.False(string.IsNullOrEmpty(key));
        Assert.Equal(key, requests[1].Header("Idempotency-Key"));
    }

    [Fact]
    public async Task Send_with_request_options_sends_the_callers_headers_and_fills_the_response()
    {
        await Scope.StubAsync("GET", "v1/billing/usage", body: "{}", headers: new Dictionary<string, string> { ["X-Request-Id"] = "req_hatch_2" });
        var requestOptions = new RequestOptions().AddHeader("X-Trace", "t-1");

        await CreateClient().SendAsync(new ApiRequest(HttpMethod.Get, "billing/usage"), requestOptions, Ct);

        Assert.Equal("t-1", (await SingleRequestAsync("GET", "/v1/billing/usage")).Header("X-Trace"));
        Assert.Equal("req_hatch_2", requestOptions.Response?.RequestId);
    }

    [Fact]
    public async Task One_request_sent_twice_with_request_options_carries_each_calls_headers_once_and_is_left_unchanged()
    {
        await Scope.StubAsync("POST", "v1/rentals", status: 202, body: "{}");
        var request = new ApiRequest(HttpMethod.Post, "rentals").HonoursIdempotencyKey().WithBody("""{"platform":"x"}"""u8);
        var client = CreateClient();

        await client.SendAsync(request, new RequestOptions { IdempotencyKey = "k-first" }.AddHeader("X-Trace", "first"), Ct);
        await client.SendAsync(request, new RequestOptions { IdempotencyKey = "k-second" }.AddHeader("X-Trace", "second"), Ct);
        await client.SendAsync(request, Ct);

        var sent = await Scope.GetRequestsAsync();
        Assert.Equal(["first", "second", null], sent.Select(r => r.Header("X-Trace")));
        Assert.Equal("k-first", sent[0].Header("Idempotency-Key"));
        Assert.Equal("k-second", sent[1].Header("Idempotency-Key"));
        Assert.True(Guid.TryParse(sent[2].Header("Idempotency-Key"), out _));
        Assert.Null(request.IdempotencyKey);
    }

    [Theory]
    [InlineData("https://attacker.example/steal")]
    [InlineData("rentals/../billing")]
    [InlineData("rentals/./x")]
    [InlineData("rentals?status=active")]
    [InlineData("rentals#x")]
    [InlineData("%2e%2e/billing")]
    [InlineData("rentals\\x")]
    [InlineData("rentals//x")]
    public async Task Send_refuses_a_route_that_could_leave_the_base_address_before_sending(string route)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CreateClient().SendAsync(new ApiRequest(HttpMethod.Get, route), Ct));

        Assert.Empty(await Scope.GetRequestsAsync());
    }

    [Fact]
    public async Task Create_rental_with_request_options_sends_the_callers_key_and_returns_status_request_id_headers_and_body()
    {
        await Scope.StubAsync("POST", "v1/rentals", status: 202, body: DocsExamples.WarmingRental, headers: new Dictionary<string, string> { ["X-Request-Id"] = "req_rent_1" });
        var requestOptions = new RequestOptions { IdempotencyKey = "order-77" };

        var rental = await CreateClient().Rentals.CreateAsync(new Rentals.CreateRentalRequest { Platform = Platforms.Platform.Instagram }, requestOptions, Ct);

        Assert.Equal("order-77", (await SingleRequestAsync("POST", "/v1/rentals")).Header("Idempotency-Key"));
        var response = Assert.IsType<ApiResponse>(requestOptions.Response);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("req_rent_1", response.RequestId);
        Assert.StartsWith("application/json", response.Headers["Content-Type"][0]);
        Assert.Equal(rental.Id, System.Text.Json.JsonDocument.Parse(response.Body).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Create_rental_plain_call_compiles_with_request_and_token_and_mints_a_key()
    {
        await Scope.StubAsync("POST", "v1/rentals", status: 202, body: DocsExamples.WarmingRental);

        await CreateClient().Rentals.CreateAsync(new Rentals.CreateRentalRequest { Platform = Platforms.Platform.Instagram }, Ct);

        Assert.False(string.IsNullOrEmpty((await SingleRequestAsync("POST", "/v1/rentals")).Header("Idempotency-Key")));
    }
}
