using Attention.Sdk.Testing.WireMock;
using System.Net;
using Attention.Sdk;
using AttentionFactory.Actions;
using AttentionFactory.Branding;
using AttentionFactory.Client.Tests.Support;
using AttentionFactory.Platforms;
using AttentionFactory.Rentals;
using AttentionFactory.Webhooks;

namespace AttentionFactory.Client.Tests;

public sealed class ErrorsAndValidationTests(WireMockServer wiremock) : FactoryTestBase(wiremock)
{
    [Theory]
    [InlineData(400, typeof(AttentionBadRequestException), "Unknown warming_niche 'x'")]
    [InlineData(401, typeof(AttentionAuthenticationException), "Invalid API key")]
    [InlineData(403, typeof(AttentionPermissionDeniedException), "Action not allowed for your subscription tier")]
    [InlineData(404, typeof(AttentionNotFoundException), "Rental not found")]
    [InlineData(409, typeof(AttentionConflictException), "Cannot extend a rental that is expired")]
    [InlineData(422, typeof(AttentionUnprocessableEntityException), "params.media_url: field required")]
    [InlineData(500, typeof(AttentionServerException), "Something went wrong")]
    public async Task Each_documented_status_becomes_its_typed_exception_with_the_servers_detail(int status, Type expected, string detail)
    {
        await Scope.StubAsync("POST", "v1/rentals", status: status, body: $$"""{"detail": "{{detail}}"}""");
        var options = Options();
        options.MaxRetries = 0;

        var ex = await Assert.ThrowsAnyAsync<AttentionApiException>(() => new AttentionFactoryClient(options).Rentals.CreateAsync(
            new CreateRentalRequest { Platform = Platform.Instagram }, new Attention.Sdk.Http.RequestOptions { IdempotencyKey = "k-1" }, Ct));

        Assert.IsType(expected, ex);
        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(detail, ex.ServerMessage);
        Assert.Contains(detail, ex.Message, StringComparison.Ordinal);
        Assert.Equal("k-1", ex.IdempotencyKey);
    }

    [Fact]
    public async Task Insufficient_credits_402_carries_the_needed_and_available_amounts()
    {
        await Scope.StubAsync("POST", "v1/rentals", status: 402, body: DocsExamples.Error402);

        var ex = await Assert.ThrowsAsync<InsufficientCreditsException>(() =>
            CreateClient().Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram }, cancellationToken: Ct));

        Assert.IsAssignableFrom<AttentionPaymentRequiredException>(ex);
        Assert.Equal(99.00m, ex.Needed);
        Assert.Equal(12.00m, ex.Available);
        Assert.Equal(87.00m, ex.Shortfall);
        Assert.Equal("Insufficient credits. Need 99.00, have 12.00", ex.ServerMessage);
    }

    [Fact]
    public async Task A_402_without_amounts_still_is_insufficient_credits()
    {
        await Scope.StubAsync("POST", "v1/rentals", status: 402, body: """{"detail": "Payment required"}""");

        var ex = await Assert.ThrowsAsync<InsufficientCreditsException>(() =>
            CreateClient().Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram }, cancellationToken: Ct));

        Assert.Null(ex.Needed);
        Assert.Null(ex.Available);
    }

    [Fact]
    public async Task Rate_cap_429_exposes_retry_after_when_longer_than_the_sdk_waits()
    {
        await Scope.StubAsync("POST", $"v1/rentals/{DocsExamples.RentalId}/instagram/actions", status: 429, body: """{"detail": "Per-rental rate cap exceeded"}""", headers: new Dictionary<string, string> { ["Retry-After"] = "120" });

        var ex = await Assert.ThrowsAsync<AttentionRateLimitException>(() => CreateClient().Actions.SubmitPostImageAsync(
            DocsExamples.RentalId, Platform.Instagram, new PostOptions { MediaUrl = "https://cdn.example.com/a.jpg" }, cancellationToken: Ct));

        Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
        Assert.Equal("Per-rental rate cap exceeded", ex.ServerMessage);
    }

    [Fact]
    public async Task Create_rental_retried_after_503_reuses_idempotency_key()
    {
        await Scope.StubAsync("POST", "v1/rentals", status: 503, body: """{"detail": "busy"}""", scenario: "create", whenState: "Started", nextState: "second");
        await Scope.StubAsync("POST", "v1/rentals", status: 503, body: """{"detail": "busy"}""", scenario: "create", whenState: "second", nextState: "third");
        await Scope.StubAsync("POST", "v1/rentals", status: 202, body: DocsExamples.WarmingRental, scenario: "create", whenState: "third");

        var rental = await CreateClient().Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram }, cancellationToken: Ct);

        var requests = await Scope.GetRequestsAsync();
        Assert.Equal(3, requests.Count);
        var key = requests[0].Header("Idempotency-Key");
        Assert.False(string.IsNullOrEmpty(key));
        Assert.All(requests, r => Assert.Equal(key, r.Header("Idempotency-Key")));
        Assert.All(requests, r => AssertJsonBody("""{"platform": "instagram", "months": 1, "auto_renew": true}""", r));
        Assert.Equal(RentalStatus.Warming, rental.Status);
    }

    [Fact]
    public async Task A_caller_key_survives_a_connection_reset()
    {
        await Scope.StubAsync("POST", $"v1/rentals/{DocsExamples.RentalId}/instagram/actions", fault: "CONNECTION_RESET_BY_PEER", scenario: "reset", whenState: "Started", nextState: "ok");
        await Scope.StubAsync("POST", $"v1/rentals/{DocsExamples.RentalId}/instagram/actions", status: 202, body: DocsExamples.QueuedAction, scenario: "reset", whenState: "ok");

        await CreateClient().Actions.SubmitPostImageAsync(DocsExamples.RentalId, Platform.Instagram, new PostOptions { MediaUrl = "https://cdn.example.com/a.jpg" }, new Attention.Sdk.Http.RequestOptions { IdempotencyKey = "launch-post-001" }, Ct);

        var requests = await Scope.GetRequestsAsync();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("launch-post-001", r.Header("Idempotency-Key")));
    }

    public static TheoryData<string, Func<AttentionFactoryClient, Task>> InvalidCalls => new()
    {
        { "months 0", c => c.Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram, Months = 0 }) },
        { "months 13", c => c.Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram, Months = 13 }) },
        { "no platform", c => c.Rentals.CreateAsync(new CreateRentalRequest { Platform = default }) },
        { "niche 51 chars", c => c.Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram, WarmingNiche = new string('a', 51) }) },
        { "empty niche", c => c.Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram, WarmingNiche = " " }) },
        { "empty branding preset", c => c.Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram, Branding = new BrandingFields() }) },
        { "empty rental id", c => c.Rentals.GetAsync("") },
        { "null rental id", c => c.Rentals.GetAsync(null!) },
        { "extend 0 months", c => c.Rentals.ExtendAsync(DocsExamples.RentalId, 0) },
        { "renew 13 months", c => c.Rentals.RenewAsync(DocsExamples.RentalId, 13) },
        { "empty update", c => c.Rentals.UpdateAsync(DocsExamples.RentalId, new UpdateRentalRequest()) },
        { "empty branding", c => c.Branding.ApplyAsync(DocsExamples.RentalId, new BrandingFields()) },
        { "warming niche too long", c => c.Warming.EnrollAsync(DocsExamples.RentalId, new string('n', 51)) },
        { "post.image without media", c => c.Actions.SubmitPostImageAsync(DocsExamples.RentalId, Platform.Instagram, new PostOptions { Caption = "x" }) },
        { "group visibility without group_url", c => c.Actions.SubmitPostImageAsync(DocsExamples.RentalId, Platform.LinkedIn, new PostOptions { MediaUrl = "https://cdn.example.com/a.jpg", Visibility = LinkedInVisibility.Group }) },
        { "group_url not linkedin", c => c.Actions.SubmitPostImageAsync(DocsExamples.RentalId, Platform.LinkedIn, new PostOptions { MediaUrl = "https://cdn.example.com/a.jpg", Visibility = LinkedInVisibility.Group, GroupUrl = "https://example.com/groups/1" }) },
        { "group_url over http", c => c.Actions.SubmitPostImageAsync(DocsExamples.RentalId, Platform.LinkedIn, new PostOptions { MediaUrl = "https://cdn.example.com/a.jpg", Visibility = LinkedInVisibility.Group, GroupUrl = "http://linkedin.com/groups/1" }) },
        { "empty action id", c => c.Actions.GetAsync(DocsExamples.RentalId, " ") },
        { "params not an object", c => c.Actions.SubmitAsync(DocsExamples.RentalId, Platform.X, SubmitActionRequest.FromJson(ActionType.FromValue("like"), "[1]")) },
        { "no platform for action", c => c.Actions.SubmitAsync(DocsExamples.RentalId, default, new SubmitActionRequest(ActionType.FromValue("like"))) },
        { "webhook over http", c => c.Webhooks.CreateAsync(new CreateWebhookRequest { Url = "http://acme.com/hook", Events = [WebhookEventType.ActionVerified] }) },
        { "webhook without events", c => c.Webhooks.CreateAsync(new CreateWebhookRequest { Url = "https://acme.com/hook", Events = [] }) },
        { "empty webhook id", c => c.Webhooks.DeleteAsync("") },
        { "bad idempotency key", c => c.Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram }, new Attention.Sdk.Http.RequestOptions { IdempotencyKey = "has space" }) },
    };

    [Theory]
    [MemberData(nameof(InvalidCalls))]
    public async Task Invalid_arguments_throw_before_anything_is_sent(string because, Func<AttentionFactoryClient, Task> call)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => call(CreateClient()));

        Assert.True((await Scope.GetRequestsAsync()).Count == 0, because);
    }

    [Theory]
    [InlineData("sk_live_123")]
    [InlineData("")]
    public void A_malformed_api_key_is_rejected_at_construction_without_echoing_it(string key)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new AttentionFactoryClient(new AttentionFactoryClientOptions { ApiKey = key }));

        Assert.Contains("af_live_sk_", ex.Message, StringComparison.Ordinal);
        if (key.Length > 0)
        {
            Assert.DoesNotContain(key, ex.Message, StringComparison.Ordinal);
        }
    }
}
