using Attention.Sdk;
using Attention.Sdk.Http;
using Attention.Sdk.Testing.WireMock;
using AttentionFactory.Branding;
using AttentionFactory.Client.Tests.Support;
using AttentionFactory.Platforms;
using AttentionFactory.Rentals;
using AttentionFactory.Webhooks;

namespace AttentionFactory.Client.Tests;

/// <summary>
/// Requests that cannot be misrouted or repeated unsafely, over the real WireMock server: ids never change the route, only the
/// endpoints the docs promise de-duplication for (POST /v1/rentals, action submission) are retried after an ambiguous failure,
/// and a DELETE whose answer was lost is the success it was.
/// </summary>
public sealed class RequestSafetyTests(WireMockServer wiremock) : FactoryTestBase(wiremock)
{
    [Fact]
    public async Task Delete_rental_with_a_dot_dot_id_sends_nothing()
    {
        await Scope.StubAsync("DELETE", "v1/", 204);

        await Assert.ThrowsAsync<ArgumentException>(() => CreateClient().Rentals.DeleteAsync("..", Ct));

        Assert.Empty(await Scope.GetRequestsAsync());
    }

    [Fact]
    public async Task Get_action_with_a_dot_dot_rental_id_sends_nothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CreateClient().Actions.GetAsync("..", "x", Ct));

        Assert.Empty(await Scope.GetRequestsAsync());
    }

    [Fact]
    public async Task Rental_id_with_a_slash_stays_one_segment_on_the_wire()
    {
        await Scope.StubAsync("GET", "v1/rentals/a%2Fb", body: DocsExamples.ActiveRental);

        await CreateClient().Rentals.GetAsync("a/b", Ct);

        await SingleRequestAsync("GET", "/v1/rentals/a%2Fb");
    }

    [Fact]
    public async Task Branding_is_sent_once_without_a_minted_key_when_the_server_answers_503()
    {
        await Scope.StubAsync("POST", $"v1/rentals/{DocsExamples.RentalId}/branding", 503, """{"detail":"busy"}""");

        var error = await Assert.ThrowsAsync<AttentionServerException>(() =>
            CreateClient().Branding.ApplyAsync(DocsExamples.RentalId, new BrandingFields { Bio = "Launching soon" }, cancellationToken: Ct));

        var request = await SingleRequestAsync("POST", $"/v1/rentals/{DocsExamples.RentalId}/branding");
        Assert.Null(request.Header("Idempotency-Key"));
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task Webhook_registration_is_not_repeated_after_a_connection_reset()
    {
        await Scope.StubAsync("POST", "v1/webhooks", fault: "CONNECTION_RESET_BY_PEER");

        var error = await Assert.ThrowsAsync<AttentionTransportException>(() => CreateClient().Webhooks.CreateAsync(
            new CreateWebhookRequest { Url = "https://acme.com/webhooks/af", Events = [WebhookEventType.ActionVerified] }, cancellationToken: Ct));

        Assert.Single(await Scope.GetRequestsAsync());
        Assert.Contains("may have acted", error.Message);
    }

    [Fact]
    public async Task Extend_is_not_repeated_after_a_503_and_carries_no_key()
    {
        await Scope.StubAsync("POST", $"v1/rentals/{DocsExamples.RentalId}/extend", 503, """{"detail":"busy"}""");

        var error = await Assert.ThrowsAsync<AttentionServerException>(() => CreateClient().Rentals.ExtendAsync(DocsExamples.RentalId, 1, Ct));

        var request = await SingleRequestAsync("POST", $"/v1/rentals/{DocsExamples.RentalId}/extend");
        Assert.Null(request.Header("Idempotency-Key"));
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task Extend_refuses_a_caller_key_before_sending_because_the_endpoint_does_not_honour_one()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            CreateClient().Rentals.ExtendAsync(DocsExamples.RentalId, 1, new RequestOptions { IdempotencyKey = "extend-1" }, Ct));

        Assert.Contains("does not de-duplicate by Idempotency-Key", error.Message, StringComparison.Ordinal);
        Assert.Empty(await Scope.GetRequestsAsync());
    }

    [Fact]
    public async Task Create_rental_is_retried_after_a_503_with_one_minted_key()
    {
        await Scope.StubAsync("POST", "v1/rentals", 503, """{"detail":"busy"}""", scenario: "create", nextState: "up");
        await Scope.StubAsync("POST", "v1/rentals", 202, DocsExamples.WarmingRental, scenario: "create", whenState: "up");

        await CreateClient().Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram, Months = 1 }, cancellationToken: Ct);

        var requests = await Scope.GetRequestsAsync();
        Assert.Equal(2, requests.Count);
        Assert.True(Guid.TryParse(requests[0].Header("Idempotency-Key"), out _));
        Assert.Equal(requests[0].Header("Idempotency-Key"), requests[1].Header("Idempotency-Key"));
    }

    [Fact]
    public async Task Delete_rental_whose_first_answer_was_a_503_and_whose_retry_meets_404_succeeds()
    {
        var path = $"v1/rentals/{DocsExamples.RentalId}";
        await Scope.StubAsync("DELETE", path, 503, """{"detail":"busy"}""", scenario: "delete", nextState: "gone");
        await Scope.StubAsync("DELETE", path, 404, """{"detail":"Rental not found"}""", scenario: "delete", whenState: "gone");

        var deletion = await CreateClient().Rentals.DeleteAsync(DocsExamples.RentalId, Ct);

        Assert.Equal(DocsExamples.RentalId, deletion.Id);
        Assert.Equal(2, (await Scope.GetRequestsAsync()).Count);
    }

    [Fact]
    public async Task Cancel_action_whose_connection_reset_and_whose_retry_meets_409_succeeds()
    {
        var path = $"v1/rentals/{DocsExamples.RentalId}/actions/{DocsExamples.ActionId}";
        await Scope.StubAsync("DELETE", path, fault: "CONNECTION_RESET_BY_PEER", scenario: "cancel", nextState: "done");
        await Scope.StubAsync("DELETE", path, 409, """{"detail":"Action is not queued"}""", scenario: "cancel", whenState: "done");

        var cancellation = await CreateClient().Actions.CancelAsync(DocsExamples.RentalId, DocsExamples.ActionId, Ct);

        Assert.Equal(DocsExamples.ActionId, cancellation.Id);
        Assert.Equal(2, (await Scope.GetRequestsAsync()).Count);
    }

    [Fact]
    public void Api_key_over_plain_http_to_a_remote_host_is_refused_at_construction()
    {
        var error = Assert.Throws<ArgumentException>(() => new AttentionFactoryClient(new AttentionFactoryClientOptions
        {
            ApiKey = ApiKey,
            BaseAddress = new Uri("http://api.attentionfactory.com/v1"),
        }));

        Assert.DoesNotContain(ApiKey, error.Message);
    }
}
