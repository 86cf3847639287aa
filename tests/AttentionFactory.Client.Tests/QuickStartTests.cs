using Attention.Sdk.Testing.WireMock;
using Attention.Sdk;
using Attention.Sdk.Polling;
using AttentionFactory.Actions;
using AttentionFactory.Client.Tests.Support;
using AttentionFactory.Platforms;
using AttentionFactory.Rentals;

namespace AttentionFactory.Client.Tests;

public sealed class QuickStartTests(WireMockServer wiremock) : FactoryTestBase(wiremock)
{
    private const string RentalPath = $"v1/rentals/{DocsExamples.RentalId}";
    private const string ActionPath = $"v1/rentals/{DocsExamples.RentalId}/actions/{DocsExamples.ActionId}";

    [Fact]
    public async Task Quick_start_rent_wait_for_active_post_and_wait_for_verified()
    {
        await Scope.StubAsync("POST", "v1/rentals", status: 202, body: DocsExamples.WarmingRental);
        await Scope.StubAsync("GET", RentalPath, body: DocsExamples.WarmingRental, scenario: "rental", whenState: "Started", nextState: "warming2");
        await Scope.StubAsync("GET", RentalPath, body: DocsExamples.WarmingRental, scenario: "rental", whenState: "warming2", nextState: "active");
        await Scope.StubAsync("GET", RentalPath, body: DocsExamples.ActiveRental, scenario: "rental", whenState: "active");
        await Scope.StubAsync("POST", $"v1/rentals/{DocsExamples.RentalId}/instagram/actions", status: 202, body: DocsExamples.QueuedAction);
        string[] progression = ["queued", "assigned", "in_progress", "submitted", "verified"];
        for (var i = 0; i < progression.Length; i++)
        {
            await Scope.StubAsync("GET", ActionPath, body: DocsExamples.ActionIn(progression[i]), scenario: "action",
                whenState: i == 0 ? "Started" : progression[i], nextState: i + 1 < progression.Length ? progression[i + 1] : null);
        }

        var client = CreateClient();
        var rental = await client.Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram, Months = 1, AutoRenew = true }, cancellationToken: Ct);
        Assert.Equal(RentalStatus.Warming, rental.Status);

        rental = await client.Rentals.WaitForRentalActiveAsync(rental.Id, cancellationToken: Ct);
        Assert.Equal(RentalStatus.Active, rental.Status);
        Assert.Equal("launchpad_labs", rental.Profile!.Username);

        var action = await client.Actions.SubmitAsync(
            rental.Id,
            rental.Platform,
            SubmitActionRequest.PostImage(new PostOptions { Caption = "Our new launch is live.", MediaUrl = "https://cdn.example.com/launch.jpg" }),
            new Attention.Sdk.Http.RequestOptions { IdempotencyKey = "launch-post-001" },
            Ct);
        action = await client.Actions.WaitForActionFinishedAsync(rental.Id, action.Id, cancellationToken: Ct);

        Assert.Equal(ActionStatus.Verified, action.Status);
        var requests = await Scope.GetRequestsAsync();
        Assert.Equal(3, requests.Count(r => r.Method == "GET" && r.Path == "/" + RentalPath));
        Assert.Equal(5, requests.Count(r => r.Method == "GET" && r.Path == "/" + ActionPath));
        var submit = Assert.Single(requests, r => r.Method == "POST" && r.Path.EndsWith("/instagram/actions", StringComparison.Ordinal));
        Assert.Equal("launch-post-001", submit.Header("Idempotency-Key"));
        AssertJsonBody("""{"type": "post.image", "params": {"caption": "Our new launch is live.", "media_url": "https://cdn.example.com/launch.jpg"}}""", submit);
        Assert.All(requests, r => Assert.Equal("Bearer " + ApiKey, r.Header("Authorization")));
    }

    [Theory]
    [InlineData("refunded")]
    [InlineData("cancelled")]
    [InlineData("expired")]
    [InlineData("released")]
    public async Task Waiting_for_activation_stops_with_a_clear_exception_on_a_terminal_status(string status)
    {
        await Scope.StubAsync("GET", RentalPath, body: DocsExamples.WarmingRental, scenario: "r", whenState: "Started", nextState: "end");
        await Scope.StubAsync("GET", RentalPath, body: DocsExamples.RentalIn(status), scenario: "r", whenState: "end");

        var ex = await Assert.ThrowsAsync<RentalTerminatedException>(() => CreateClient().Rentals.WaitForRentalActiveAsync(DocsExamples.RentalId, cancellationToken: Ct));

        Assert.Equal(status, ex.Status.Value);
        Assert.Equal(DocsExamples.RentalId, ex.RentalId);
        Assert.Contains($"is {status}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_for_activation_gives_up_after_the_polling_timeout()
    {
        await Scope.StubAsync("GET", RentalPath, body: DocsExamples.WarmingRental);

        var ex = await Assert.ThrowsAsync<PollingTimeoutException>(() => CreateClient().Rentals.WaitForRentalActiveAsync(
            // Each poll is bounded by the time left: the budget leaves the first poll ample time on a busy machine.
            DocsExamples.RentalId, FastPolling with { Timeout = TimeSpan.FromSeconds(3) }, Ct));

        Assert.Equal(RentalStatus.Warming, Assert.IsType<Rental>(ex.LastValue).Status);
    }

    [Fact]
    public async Task Waiting_for_completion_returns_a_failed_action()
    {
        await Scope.StubAsync("GET", ActionPath, body: DocsExamples.ActionIn("assigned"), scenario: "a", whenState: "Started", nextState: "failed");
        await Scope.StubAsync("GET", ActionPath, body: DocsExamples.ActionIn("failed"), scenario: "a", whenState: "failed");

        var action = await CreateClient().Actions.WaitForActionFinishedAsync(DocsExamples.RentalId, DocsExamples.ActionId, cancellationToken: Ct);

        Assert.Equal(ActionStatus.Failed, action.Status);
    }

    [Fact]
    public async Task Post_analytics_wait_treats_not_yet_available_as_pending()
    {
        var path = ActionPath + "/analytics";
        await Scope.StubAsync("GET", path, status: 400, body: """{"detail": "Post analytics not yet available"}""", scenario: "pa", whenState: "Started", nextState: "again");
        await Scope.StubAsync("GET", path, status: 400, body: """{"detail": "Post analytics not yet available"}""", scenario: "pa", whenState: "again", nextState: "ready");
        await Scope.StubAsync("GET", path, body: """{"views": 1520, "likes": 87, "comments": 9}""", scenario: "pa", whenState: "ready");

        var analytics = await CreateClient().Actions.WaitForPostAnalyticsAvailableAsync(DocsExamples.RentalId, DocsExamples.ActionId, cancellationToken: Ct);

        Assert.Equal(1520, analytics.Views);
        Assert.Equal(3, (await Scope.GetRequestsAsync()).Count);
    }

    [Fact]
    public async Task Post_analytics_wait_stops_on_another_400()
    {
        await Scope.StubAsync("GET", ActionPath + "/analytics", status: 400, body: """{"detail": "Analytics are only available for post-type actions"}""");

        await Assert.ThrowsAsync<AttentionBadRequestException>(() => CreateClient().Actions.WaitForPostAnalyticsAvailableAsync(DocsExamples.RentalId, DocsExamples.ActionId, cancellationToken: Ct));

        Assert.Single(await Scope.GetRequestsAsync());
    }

    [Fact]
    public async Task Post_analytics_wait_is_bounded()
    {
        await Scope.StubAsync("GET", ActionPath + "/analytics", status: 400, body: """{"detail": "Post analytics not yet available"}""");

        await Assert.ThrowsAsync<PollingTimeoutException>(() => CreateClient().Actions.WaitForPostAnalyticsAvailableAsync(
            DocsExamples.RentalId, DocsExamples.ActionId, FastPolling with { Timeout = TimeSpan.FromMilliseconds(150) }, Ct));
    }
}
