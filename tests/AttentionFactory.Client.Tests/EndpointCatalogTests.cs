using System.Net;
using Attention.Sdk;
using Attention.Sdk.Http;
using Attention.Sdk.Testing.WireMock;
using AttentionFactory.Client.Tests.Support;

namespace AttentionFactory.Client.Tests;

/// <summary>
/// <see cref="AttentionFactoryEndpoints"/>: consistent with its API (the catalogs' completeness is checked once, in the reliability suite), and a catalogued request
/// sent through the escape hatch keeps the endpoint's idempotency promise, as a typed method does.
/// </summary>
public sealed class EndpointCatalogTests(WireMockServer wiremock) : FactoryTestBase(wiremock)
{
    [Fact]
    public void No_endpoint_needs_a_scope()
    {
        Assert.All(AttentionFactoryEndpoints.All, e => Assert.Null(e.RequiredPermission));
    }

    [Fact]
    public async Task A_catalogued_deduplicated_endpoint_through_the_escape_hatch_is_retried_after_503_under_one_minted_key()
    {
        await Scope.StubAsync("POST", "v1/rentals", status: 503, body: "{}", scenario: "catalog", nextState: "ok");
        await Scope.StubAsync("POST", "v1/rentals", status: 202, body: DocsExamples.WarmingRental, scenario: "catalog", whenState: "ok");

        var response = await CreateClient().SendAsync(new ApiRequest(AttentionFactoryEndpoints.CreateRental).WithBody("""{"platform":"instagram"}"""u8), Ct);

        var requests = await Scope.GetRequestsAsync();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, requests.Count);
        Assert.False(string.IsNullOrEmpty(requests[0].Header("Idempotency-Key")));
        Assert.Equal(requests[0].Header("Idempotency-Key"), requests[1].Header("Idempotency-Key"));
    }

    [Fact]
    public async Task A_catalogued_endpoint_without_the_promise_refuses_a_callers_idempotency_key_before_sending()
    {
        var request = new ApiRequest(AttentionFactoryEndpoints.ExtendRental).WithPath("id", DocsExamples.RentalId).WithBody("""{"months":1}"""u8);

        await Assert.ThrowsAsync<ArgumentException>(() => CreateClient().SendAsync(request, new RequestOptions { IdempotencyKey = "k-1" }, Ct));

        Assert.Empty(await Scope.GetRequestsAsync());
    }

    [Fact]
    public async Task A_catalogued_endpoint_without_the_promise_is_not_retried_after_503()
    {
        await Scope.StubAsync("POST", $"v1/rentals/{DocsExamples.RentalId}/extend", status: 503, body: "{}");

        await Assert.ThrowsAsync<AttentionServerException>(
            () => CreateClient().SendAsync(new ApiRequest(AttentionFactoryEndpoints.ExtendRental).WithPath("id", DocsExamples.RentalId).WithBody("""{"months":1}"""u8), Ct));

        var sent = await SingleRequestAsync("POST", $"/v1/rentals/{DocsExamples.RentalId}/extend");
        Assert.Null(sent.Header("Idempotency-Key"));
    }
}
