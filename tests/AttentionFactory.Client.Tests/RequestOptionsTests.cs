using System.Net;
using Attention.Sdk.Http;
using Attention.Sdk.Testing.WireMock;
using AttentionFactory.Actions;
using AttentionFactory.Branding;
using AttentionFactory.Client.Tests.Support;
using AttentionFactory.Platforms;
using AttentionFactory.Webhooks;

namespace AttentionFactory.Client.Tests;

/// <summary>
/// The <c>RequestOptions</c> overloads (docs/api-conventions.md rule 8) over the real WireMock server: extra headers go out, the
/// response metadata comes back, a caller's key goes only where the API de-duplicates by it, and anywhere else it is refused
/// before anything is sent.
/// </summary>
public sealed class RequestOptionsTests(WireMockServer wiremock) : FactoryTestBase(wiremock)
{
    private const string ActionsPath = $"v1/rentals/{DocsExamples.RentalId}/instagram/actions";

    public static TheoryData<string, Func<AttentionFactoryClient, RequestOptions, Task>> EndpointsWithoutDeduplication => new()
    {
        {
            "webhook registration",
            (client, options) => client.Webhooks.CreateAsync(new CreateWebhookRequest { Url = "https://acme.com/webhooks/af", Events = [WebhookEventType.ActionVerified] }, options, Ct)
        },
        { "secret rotation", (client, options) => client.Webhooks.RotateSecretAsync("wh_1", options, Ct) },
        { "branding", (client, options) => client.Branding.ApplyAsync(DocsExamples.RentalId, new BrandingFields { Bio = "Launching soon" }, options, Ct) },
        { "warming enrolment", (client, options) => client.Warming.EnrollAsync(DocsExamples.RentalId, "fitness", options, Ct) },
    };

    [Fact]
    public async Task Balance_with_request_options_sends_the_extra_header_and_returns_the_response_metadata()
    {
        await Scope.StubAsync("GET", "v1/billing/balance", body: """{"balance": "250.00", "currency": "credits"}""", headers: new Dictionary<string, string> { ["X-Request-Id"] = "req_balance_1" });
        var requestOptions = new RequestOptions().AddHeader("X-Trace", "checkout-42");

        var balance = await CreateClient().Billing.GetBalanceAsync(requestOptions, Ct);

        var request = await SingleRequestAsync("GET", "/v1/billing/balance");
        Assert.Equal("checkout-42", request.Header("X-Trace"));
        Assert.Equal(250.00m, balance.Balance);
        Assert.Equal(HttpStatusCode.OK, requestOptions.Response!.StatusCode);
        Assert.Equal("req_balance_1", requestOptions.Response.RequestId);
        Assert.Contains("250.00", requestOptions.Response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Branding_with_request_options_sends_the_extra_header_without_a_key_and_returns_the_response_metadata()
    {
        await Scope.StubAsync("POST", $"v1/rentals/{DocsExamples.RentalId}/branding", body: DocsExamples.BrandingApplied, headers: new Dictionary<string, string> { ["X-Request-Id"] = "req_brand_1" });
        var requestOptions = new RequestOptions().AddHeader("X-Trace", "brand-42");

        var result = await CreateClient().Branding.ApplyAsync(DocsExamples.RentalId, new BrandingFields { Bio = "Builder." }, requestOptions, Ct);

        var request = await SingleRequestAsync("POST", $"/v1/rentals/{DocsExamples.RentalId}/branding");
        Assert.Equal("brand-42", request.Header("X-Trace"));
        Assert.Null(request.Header("Idempotency-Key"));
        AssertJsonBody("""{"bio": "Builder."}""", request);
        Assert.Equal(BrandingMode.Applied, result.Mode);
        Assert.Equal("req_brand_1", requestOptions.Response!.RequestId);
        Assert.Contains("\"mode\"", requestOptions.Response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_actions_with_request_options_keeps_the_whole_answer_in_the_response()
    {
        await Scope.StubAsync("GET", $"v1/rentals/{DocsExamples.RentalId}/actions", body: $$"""{"actions": [{{DocsExamples.QueuedAction}}], "has_more": false}""");
        var requestOptions = new RequestOptions();

        var actions = await CreateClient().Actions.ListAsync(DocsExamples.RentalId, null, requestOptions, Ct);

        await SingleRequestAsync("GET", $"/v1/rentals/{DocsExamples.RentalId}/actions");
        Assert.Equal(DocsExamples.ActionId, Assert.Single(actions).Id);
        Assert.Contains("has_more", requestOptions.Response!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_webhook_with_request_options_returns_the_status_of_the_empty_answer()
    {
        await Scope.StubAsync("DELETE", "v1/webhooks/wh_1", status: 204, headers: new Dictionary<string, string> { ["X-Request-Id"] = "req_del_1" });
        var requestOptions = new RequestOptions();

        await CreateClient().Webhooks.DeleteAsync("wh_1", requestOptions, Ct);

        await SingleRequestAsync("DELETE", "/v1/webhooks/wh_1");
        Assert.Equal(HttpStatusCode.NoContent, requestOptions.Response!.StatusCode);
        Assert.Equal("req_del_1", requestOptions.Response.RequestId);
    }

    [Fact]
    public async Task Submit_action_sends_the_callers_key_and_a_retry_after_503_reuses_it()
    {
        await Scope.StubAsync("POST", ActionsPath, status: 503, body: """{"detail": "busy"}""", scenario: "submit", whenState: "Started", nextState: "ok");
        await Scope.StubAsync("POST", ActionsPath, status: 202, body: DocsExamples.QueuedAction, scenario: "submit", whenState: "ok");
        var requestOptions = new RequestOptions { IdempotencyKey = "launch-post-001" };

        var action = await CreateClient().Actions.SubmitAsync(
            DocsExamples.RentalId,
            Platform.Instagram,
            SubmitActionRequest.PostImage(new PostOptions { MediaUrl = "https://cdn.example.com/a.jpg" }),
            requestOptions,
            Ct);

        var requests = await Scope.GetRequestsAsync();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("launch-post-001", r.Header("Idempotency-Key")));
        Assert.Equal(DocsExamples.ActionId, action.Id);
        Assert.Equal(HttpStatusCode.Accepted, requestOptions.Response!.StatusCode);
    }

    [Fact]
    public async Task Submit_post_image_with_request_options_but_no_key_still_mints_one()
    {
        await Scope.StubAsync("POST", ActionsPath, status: 202, body: DocsExamples.QueuedAction);

        await CreateClient().Actions.SubmitPostImageAsync(
            DocsExamples.RentalId, Platform.Instagram, new PostOptions { MediaUrl = "https://cdn.example.com/a.jpg" }, new RequestOptions().AddHeader("X-Trace", "t-1"), Ct);

        var request = await SingleRequestAsync("POST", "/" + ActionsPath);
        Assert.False(string.IsNullOrEmpty(request.Header("Idempotency-Key")));
        Assert.Equal("t-1", request.Header("X-Trace"));
    }

    [Theory]
    [MemberData(nameof(EndpointsWithoutDeduplication))]
    public async Task A_key_for_an_endpoint_without_deduplication_is_refused_before_sending(string endpoint, Func<AttentionFactoryClient, RequestOptions, Task> call)
    {
        var requestOptions = new RequestOptions { IdempotencyKey = "caller-key-1" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => call(CreateClient(), requestOptions));

        Assert.Contains("does not de-duplicate by Idempotency-Key", error.Message, StringComparison.Ordinal);
        Assert.Empty(await Scope.GetRequestsAsync());
        Assert.True(requestOptions.Response is null, $"{endpoint}: a refused call records no response");
    }

    [Fact]
    public async Task A_get_with_a_key_is_refused_before_sending()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            CreateClient().Platforms.ListAsync(new RequestOptions { IdempotencyKey = "k-1" }, Ct));

        Assert.Contains("GET platforms", error.Message, StringComparison.Ordinal);
        Assert.Empty(await Scope.GetRequestsAsync());
    }
}
