using Attention.Sdk.Http;
using Attention.Sdk.Testing.WireMock;
using AttentionFactory.Actions;
using AttentionFactory.Branding;
using AttentionFactory.Client.Tests.Support;
using AttentionFactory.Platforms;

namespace AttentionFactory.Client.Tests;

public sealed class ActionsTests(WireMockServer wiremock) : FactoryTestBase(wiremock)
{
    private const string ActionPath = $"v1/rentals/{DocsExamples.RentalId}/actions/{DocsExamples.ActionId}";

    [Fact]
    public async Task Submit_post_image_sends_only_the_set_fields_with_the_key()
    {
        await Scope.StubAsync("POST", $"v1/rentals/{DocsExamples.RentalId}/instagram/actions", status: 202, body: DocsExamples.QueuedAction);

        var action = await CreateClient().Actions.SubmitPostImageAsync(
            DocsExamples.RentalId,
            Platform.Instagram,
            new PostOptions
            {
                MediaUrl = "https://cdn.example.com/hero.jpg",
                Caption = "Launching today.",
                Location = "San Francisco, CA",
                AllowComments = true,
                AudienceControl = "everyone",
            },
            new RequestOptions { IdempotencyKey = "my-action-001" },
            Ct);

        var request = await SingleRequestAsync("POST", $"/v1/rentals/{DocsExamples.RentalId}/instagram/actions");
        Assert.Equal("my-action-001", request.Header("Idempotency-Key"));
        AssertJsonBody("""
            {"type": "post.image", "params": {"media_url": "https://cdn.example.com/hero.jpg", "caption": "Launching today.",
             "location": "San Francisco, CA", "allow_comments": true, "audience_control": "everyone"}}
            """, request);
        Assert.Equal(DocsExamples.ActionId, action.Id);
        Assert.Equal(ActionStatus.Queued, action.Status);
        Assert.Equal(ActionType.PostImage, action.ActionType);
        Assert.Equal(Platform.Instagram, action.Platform);
        Assert.Equal(new DateTimeOffset(2026, 4, 19, 12, 5, 0, TimeSpan.Zero), action.CreatedAt);
    }

    [Fact]
    public async Task Submit_linkedin_post_sends_the_composer_options()
    {
        await Scope.StubAsync("POST", $"v1/rentals/{DocsExamples.RentalId}/linkedin/actions", status: 202, body: DocsExamples.QueuedAction);

        await CreateClient().Actions.SubmitAsync(
            DocsExamples.RentalId,
            Platform.LinkedIn,
            SubmitActionRequest.PostImage(new PostOptions
            {
                MediaUrl = "https://cdn.example.com/hero.jpg",
                Visibility = LinkedInVisibility.Group,
                GroupUrl = "https://www.linkedin.com/groups/12345",
                CommentControl = LinkedInCommentControl.ConnectionsOnly,
                BrandPartnerUrl = "https://www.linkedin.com/company/acme",
            }),
            cancellationToken: Ct);

        var request = await SingleRequestAsync("POST", $"/v1/rentals/{DocsExamples.RentalId}/linkedin/actions");
        AssertJsonBody("""
            {"type": "post.image", "params": {"media_url": "https://cdn.example.com/hero.jpg", "visibility": "group",
             "group_url": "https://www.linkedin.com/groups/12345", "comment_control": "connections_only",
             "brand_partner_url": "https://www.linkedin.com/company/acme"}}
            """, request);
    }

    [Fact]
    public async Task Submit_general_action_sends_type_and_params_as_given()
    {
        await Scope.StubAsync("POST", $"v1/rentals/{DocsExamples.RentalId}/x/actions", status: 202, body: DocsExamples.QueuedAction);

        await CreateClient().Actions.SubmitAsync(
            DocsExamples.RentalId,
            Platform.X,
            SubmitActionRequest.FromJson(ActionType.FromValue("reply"), """{"target_url": "https://x.com/a/status/1", "text": "Nice!"}"""),
            Ct);

        var request = await SingleRequestAsync("POST", $"/v1/rentals/{DocsExamples.RentalId}/x/actions");
        AssertJsonBody("""{"type": "reply", "params": {"target_url": "https://x.com/a/status/1", "text": "Nice!"}}""", request);
    }

    [Fact]
    public async Task List_actions_filters_by_status()
    {
        await Scope.StubAsync("GET", $"v1/rentals/{DocsExamples.RentalId}/actions", query: new Dictionary<string, string> { ["status"] = "in_progress" }, body: $$"""{"actions": [{{DocsExamples.ActionIn("in_progress")}}]}""");

        var actions = await CreateClient().Actions.ListAsync(DocsExamples.RentalId, ActionStatus.InProgress, Ct);

        await SingleRequestAsync("GET", $"/v1/rentals/{DocsExamples.RentalId}/actions", "status=in_progress");
        Assert.Equal(ActionStatus.InProgress, Assert.Single(actions).Status);
    }

    [Fact]
    public async Task Get_action_reads_unknown_statuses_and_fields()
    {
        await Scope.StubAsync("GET", ActionPath, body: DocsExamples.ActionIn("under_review").Replace("\"platform\"", "\"proof_url\": \"https://p\", \"platform\"", StringComparison.Ordinal));

        var action = await CreateClient().Actions.GetAsync(DocsExamples.RentalId, DocsExamples.ActionId, Ct);

        await SingleRequestAsync("GET", "/" + ActionPath);
        Assert.Equal("under_review", action.Status.Value);
        Assert.False(action.Status.IsTerminal);
        Assert.Equal("https://p", action.AdditionalProperties!["proof_url"].GetString());
    }

    [Fact]
    public async Task Cancel_action_sends_delete()
    {
        await Scope.StubAsync("DELETE", ActionPath, body: DocsExamples.ActionIn("cancelled"));

        var result = await CreateClient().Actions.CancelAsync(DocsExamples.RentalId, DocsExamples.ActionId, Ct);

        await SingleRequestAsync("DELETE", "/" + ActionPath);
        Assert.Equal(DocsExamples.ActionId, result.Id);
        Assert.Equal("cancelled", result.Status!.Value.Value);
    }

    [Fact]
    public async Task Post_analytics_are_read_with_raw_json()
    {
        await Scope.StubAsync("GET", ActionPath + "/analytics", body: """{"action_id": "9ab72c01-5d62-4f0b-a8cc-1d4a7b2fc309", "views": 1520, "likes": 87, "comments": 9, "saves": 3}""");

        var analytics = await CreateClient().Actions.GetPostAnalyticsAsync(DocsExamples.RentalId, DocsExamples.ActionId, Ct);

        await SingleRequestAsync("GET", "/" + ActionPath + "/analytics");
        Assert.Equal(1520, analytics.Views);
        Assert.Equal(87, analytics.Likes);
        Assert.Equal(9, analytics.Comments);
        Assert.Null(analytics.Shares);
        Assert.Equal(3, analytics.AdditionalProperties!["saves"].GetInt32());
        Assert.Equal(3, analytics.RawJson.GetProperty("saves").GetInt32());
    }

    [Fact]
    public async Task Branding_sends_the_fields_including_platform_ones_and_reads_the_results()
    {
        await Scope.StubAsync("POST", $"v1/rentals/{DocsExamples.RentalId}/branding", body: DocsExamples.BrandingApplied);

        var result = await CreateClient().Branding.ApplyAsync(
            DocsExamples.RentalId,
            new BrandingFields
            {
                Bio = "Builder. Coffee. Code.",
                DisplayName = "Launchpad",
                AvatarUrl = "https://cdn.example.com/avatar.jpg",
                Username = "launchpad_labs",
                Pronouns = "she/her",
                Category = "Artist",
            }.WithField("website", "https://acme.com"),
            Ct);

        var request = await SingleRequestAsync("POST", $"/v1/rentals/{DocsExamples.RentalId}/branding");
        Assert.Null(request.Header("Idempotency-Key"));
        AssertJsonBody("""
            {"bio": "Builder. Coffee. Code.", "display_name": "Launchpad", "avatar_url": "https://cdn.example.com/avatar.jpg",
             "username": "launchpad_labs", "pronouns": "she/her", "category": "Artist", "website": "https://acme.com"}
            """, request);
        Assert.Equal(BrandingMode.Applied, result.Mode);
        Assert.Equal(2, result.Results.Count);
        Assert.Equal("bio", result.Results[0].Field);
        Assert.Equal(ActionType.BrandingBio, result.Results[0].ActionType);
        Assert.Equal("9ab72c01-...", result.Results[0].ActionId);
        Assert.Equal(ActionStatus.Queued, result.Results[1].Status);
        Assert.Null(result.Preset);
    }

    [Fact]
    public async Task Branding_on_a_warming_rental_reads_the_stored_preset()
    {
        await Scope.StubAsync("POST", $"v1/rentals/{DocsExamples.RentalId}/branding", body: """
            {"rental_id": "4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3", "platform": "instagram", "mode": "preset_stored", "results": [],
             "preset": {"bio": "Builder.", "pronouns": "they/them"}}
            """);

        var result = await CreateClient().Branding.ApplyAsync(DocsExamples.RentalId, new BrandingFields { Bio = "Builder.", Pronouns = "they/them" }, cancellationToken: Ct);

        Assert.Equal(BrandingMode.PresetStored, result.Mode);
        Assert.Equal("they/them", result.Preset!.Pronouns);
        Assert.Empty(result.Results);
    }

    [Fact]
    public async Task Warming_enroll_sends_the_niche_and_cancel_sends_delete()
    {
        await Scope.StubAsync("POST", $"v1/rentals/{DocsExamples.RentalId}/warming", status: 202, body: DocsExamples.WarmingEnrolled);
        await Scope.StubAsync("DELETE", $"v1/rentals/{DocsExamples.RentalId}/warming", body: DocsExamples.WarmingEnrolled.Replace("queued", "cancelled", StringComparison.Ordinal));
        var client = CreateClient();

        var enrolled = await client.Warming.EnrollAsync(DocsExamples.RentalId, "tech-reviews", Ct);
        var cancelled = await client.Warming.CancelAsync(DocsExamples.RentalId, Ct);

        var requests = await Scope.GetRequestsAsync();
        Assert.Equal(2, requests.Count);
        AssertRequest(requests[0], "POST", $"/v1/rentals/{DocsExamples.RentalId}/warming");
        Assert.Null(requests[0].Header("Idempotency-Key"));
        AssertJsonBody("""{"niche": "tech-reviews"}""", requests[0]);
        AssertRequest(requests[1], "DELETE", $"/v1/rentals/{DocsExamples.RentalId}/warming");
        Assert.Equal(DocsExamples.ActionId, enrolled.ActionId);
        Assert.Equal(ActionStatus.Queued, enrolled.Status);
        Assert.Equal(DocsExamples.RentalId, enrolled.RentalId);
        Assert.Equal("cancelled", cancelled.Status!.Value.Value);
    }

    [Fact]
    public async Task Warming_without_a_niche_sends_an_empty_object()
    {
        await Scope.StubAsync("POST", $"v1/rentals/{DocsExamples.RentalId}/warming", status: 202, body: DocsExamples.WarmingEnrolled);

        await CreateClient().Warming.EnrollAsync(DocsExamples.RentalId, cancellationToken: Ct);

        AssertJsonBody("{}", await SingleRequestAsync("POST", $"/v1/rentals/{DocsExamples.RentalId}/warming"));
    }
}
