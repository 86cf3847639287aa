using System.Text.Json;
using System.Text.Json.Nodes;
using Attention.Sdk;
using Attention.Sdk.Http;
using Attention.Sdk.RateLimiting;
using Attention.Sdk.Testing.Time;
using Attention.Sdk.Testing.WireMock;
using AutoPersonas.Batches;
using AutoPersonas.Client.Tests.Support;
using AutoPersonas.Content;
using AutoPersonas.Influencers;
using AutoPersonas.Publishing;

namespace AutoPersonas.Client.Tests;

/// <summary>Scopes, the client-side rate limit, retry rules, the raw escape hatch and the content pipeline end to end.</summary>
public sealed class PipelineTests(WireMockServer wiremock) : ApTestBase(wiremock)
{
    [Fact]
    public async Task A_403_names_the_scope_the_method_needs()
    {
        await StubAsync("POST", "content/generate", 403, """{"error":"Key lacks required scope"}""");

        var ex = await Assert.ThrowsAsync<AttentionPermissionDeniedException>(
            () => CreateClient().Content.GenerateAsync(new GenerateContentRequest { ProfileId = "prof_1", Count = 1 }, Ct));

        Assert.Equal("content:generate", ex.RequiredPermission);
        Assert.StartsWith("This key lacks content:generate", ex.Message);
        Assert.Equal("Key lacks required scope", ex.ServerMessage);
        Assert.Equal(1, await RequestCountAsync());
    }

    [Fact]
    public async Task A_scope_missing_from_the_declared_scopes_fails_before_sending()
    {
        await StubAsync("POST", "content/content_1/publish", 200, "{}");
        var client = CreateClient(o => o.GrantedScopes = [AutoPersonasScope.ContentRead, AutoPersonasScope.ContentGenerate]);

        var ex = await Assert.ThrowsAsync<ScopeNotGrantedException>(() => client.Publishing.PublishAsync("content_1", cancellationToken: Ct));

        // A client-side refusal: no server answered, so it claims no status (it is not an AttentionApiException).
        Assert.IsAssignableFrom<AttentionRequestRefusedException>(ex);
        Assert.False(typeof(AttentionApiException).IsAssignableFrom(ex.GetType()));
        Assert.Equal("publishing:write", ex.RequiredPermission);
        Assert.Equal(0, ex.Attempts);
        Assert.StartsWith("This key lacks publishing:write", ex.Message);
        Assert.Equal(0, await RequestCountAsync());
    }

    [Fact]
    public async Task A_declared_scope_lets_the_call_through()
    {
        await StubAsync("GET", "content/cnt_1", 200, """{"id":"cnt_1"}""");
        var client = CreateClient(o => o.GrantedScopes = [AutoPersonasScope.ContentRead]);

        var item = await client.Content.GetAsync("cnt_1", Ct);

        Assert.Equal("cnt_1", item.Id);
    }

    // Bounds a hang only: the tests below move a manual clock and wait for events, never for real time to pass.
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Beyond_the_limit_a_call_waits_for_a_permit()
    {
        await StubAsync("GET", "config/features", 200, "{}");
        var clock = new ManualTimeProvider();
        var start = clock.UtcNow;
        var client = CreateClient(o =>
        {
            o.TimeProvider = clock;
            o.RateLimit = new RateLimitPolicy { PermitLimit = 3, Window = TimeSpan.FromSeconds(2) };
        });

        var calls = Enumerable.Range(0, 4).Select(_ => client.Config.GetFeaturesAsync(Ct)).ToArray();

        // The clock stands still: three calls get permits, the fourth waits for the one the first frees when the window slides.
        Assert.True(await clock.WaitForTimerAsync(start + TimeSpan.FromSeconds(2), start + TimeSpan.FromSeconds(2), HangBound, Ct), "no call started waiting for the next permit");
        await Task.WhenAll(calls.Take(3)).WaitAsync(HangBound, Ct);
        Assert.False(calls[3].IsCompleted, "the fourth call did not wait for a permit");
        Assert.Equal(3, await RequestCountAsync());

        clock.Advance(TimeSpan.FromSeconds(2));
        await calls[3].WaitAsync(HangBound, Ct);
        Assert.Equal(4, await RequestCountAsync());
    }

    [Fact]
    public async Task Waiting_for_a_permit_does_not_count_against_the_attempt_timeout()
    {
        await StubAsync("GET", "config/features", 200, "{}");
        var clock = new ManualTimeProvider();
        var start = clock.UtcNow;
        var client = CreateClient(o =>
        {
            o.TimeProvider = clock;
            o.RateLimit = new RateLimitPolicy { PermitLimit = 1, Window = TimeSpan.FromSeconds(2) };
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetries = 0;
        });
        await client.Config.GetFeaturesAsync(Ct).WaitAsync(HangBound, Ct);

        var second = client.Config.GetFeaturesAsync(Ct);

        // The second call waits 2 s for the next window; moving the clock past it also passes the 300 ms attempt timeout, which
        // would fire (and fail the call: no retries) had the attempt's timer started before the permit. The request itself then
        // runs on a clock that stands still, so how long it takes on this machine does not matter.
        Assert.True(await clock.WaitForTimerAsync(start + TimeSpan.FromSeconds(2), start + TimeSpan.FromSeconds(2), HangBound, Ct), "the second call did not wait for a permit");
        clock.Advance(TimeSpan.FromSeconds(2));
        await second.WaitAsync(HangBound, Ct);

        Assert.Equal(2, await RequestCountAsync());
    }

    [Fact]
    public async Task Waiting_for_a_permit_counts_against_the_overall_timeout()
    {
        await StubAsync("GET", "config/features", 200, "{}");
        var clock = new ManualTimeProvider();
        var start = clock.UtcNow;
        var client = CreateClient(o =>
        {
            o.TimeProvider = clock;
            o.RateLimit = new RateLimitPolicy { PermitLimit = 1, Window = TimeSpan.FromSeconds(20) };
            o.Timeout = TimeSpan.FromMilliseconds(500);
        });
        await client.Config.GetFeaturesAsync(Ct).WaitAsync(HangBound, Ct);

        var second = client.Config.GetFeaturesAsync(Ct);

        // The next permit is 20 s away; the call's 500 ms budget ends the wait, and nothing is sent. (A wait the budget did not
        // bound would still be pending after the clock passes 500 ms: WaitAsync then throws a TimeoutException, not the SDK's.)
        Assert.True(await clock.WaitForTimerAsync(start + TimeSpan.FromSeconds(20), start + TimeSpan.FromSeconds(20), HangBound, Ct), "the second call did not wait for a permit");
        clock.Advance(TimeSpan.FromMilliseconds(500));
        var error = await Assert.ThrowsAsync<AttentionTimeoutException>(() => second.WaitAsync(HangBound, Ct));

        Assert.Equal(TimeSpan.FromMilliseconds(500), error.Timeout);
        Assert.Equal(1, await RequestCountAsync());
    }

    [Fact]
    public async Task Fail_fast_mode_throws_without_sending()
    {
        await StubAsync("GET", "config/features", 200, "{}");
        var client = CreateClient(o => o.RateLimit = new RateLimitPolicy { PermitLimit = 1, Window = TimeSpan.FromMinutes(1), Behavior = RateLimitBehavior.FailFast });
        await client.Config.GetFeaturesAsync(Ct);

        var ex = await Assert.ThrowsAsync<AttentionClientRateLimitException>(() => client.Config.GetFeaturesAsync(Ct));

        Assert.Contains("not sent", ex.Message);
        Assert.Equal(1, await RequestCountAsync());
    }

    [Fact]
    public async Task Clients_with_the_same_key_share_the_budget()
    {
        await StubAsync("GET", "config/features", 200, "{}");
        var policy = new RateLimitPolicy { PermitLimit = 1, Window = TimeSpan.FromMinutes(1), Behavior = RateLimitBehavior.FailFast };
        await CreateClient(o => o.RateLimit = policy).Config.GetFeaturesAsync(Ct);

        await Assert.ThrowsAsync<AttentionClientRateLimitException>(() => CreateClient(o => o.RateLimit = policy).Config.GetFeaturesAsync(Ct));
    }

    [Fact]
    public async Task Generate_answered_503_is_not_retried()
    {
        await StubAsync("POST", "content/generate", 503, """{"error":"upstream busy"}""");

        var ex = await Assert.ThrowsAsync<AttentionServerException>(
            () => CreateClient().Content.GenerateAsync(new GenerateContentRequest { ProfileId = "prof_1", Count = 3 }, Ct));

        Assert.Equal(1, await RequestCountAsync());
        Assert.Equal("upstream busy", ex.ServerMessage);
        Assert.Null(ex.IdempotencyKey);
    }

    [Fact]
    public async Task Publish_answered_502_is_not_retried()
    {
        await StubAsync("POST", "content/cnt_1/publish", 502, "{}");

        await Assert.ThrowsAsync<AttentionServerException>(() => CreateClient().Publishing.PublishAsync("cnt_1", cancellationToken: Ct));

        Assert.Equal(1, await RequestCountAsync());
    }

    [Fact]
    public async Task Get_answered_503_is_retried()
    {
        await Scope.StubAsync(Stub.Get("api/v1/batches/batch_1").InScenario("r", newState: "ok").RespondsJson(503, """{"error":"busy"}"""), Ct);
        await Scope.StubAsync(Stub.Get("api/v1/batches/batch_1").InScenario("r", requiredState: "ok").RespondsJson(200, """{"id":"batch_1","status":"completed"}"""), Ct);

        var batch = await CreateClient().Batches.GetAsync("batch_1", Ct);

        Assert.Equal(BatchStatus.Completed, batch.Status);
        Assert.Equal(2, await RequestCountAsync());
    }

    [Fact]
    public async Task Generate_answered_429_is_retried_after_retry_after()
    {
        await Scope.StubAsync(Stub.Post("api/v1/content/generate").InScenario("rl", newState: "ok").RespondsJson(429, """{"error":"Rate limit exceeded"}""").WithHeader("Retry-After", "0"), Ct);
        await Scope.StubAsync(Stub.Post("api/v1/content/generate").InScenario("rl", requiredState: "ok").RespondsJson(202, """{"batchId":"batch_1"}"""), Ct);

        var started = await CreateClient().Content.GenerateAsync(new GenerateContentRequest { ProfileId = "prof_1" }, Ct);

        Assert.Equal("batch_1", started.BatchId);
        Assert.Equal(2, await RequestCountAsync());
    }

    [Fact]
    public async Task Raw_send_reaches_an_untyped_endpoint_through_the_pipeline()
    {
        await StubAsync("POST", "previews", 200, """{"id":"prev_1"}""");
        var body = new JsonObject { ["influencerId"] = "inf_1", ["style"] = "studio" };

        var request = new ApiRequest(HttpMethod.Post, "/api/v1/previews").WithQuery("dryRun", "true").WithQuery("tag", "a b")
            .WithBody(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString())).WithRequiredPermission(AutoPersonasScope.CharacterWrite.Value);
        var response = await CreateClient().SendAsync(request, Ct);

        var sent = await SingleRequestAsync("POST", "previews", "?dryRun=true&tag=a%20b");
        AssertJsonBody("""{"influencerId":"inf_1","style":"studio"}""", sent);
        using var json = response.ParseJson();
        Assert.Equal("prev_1", json.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Raw_send_errors_are_typed_and_name_the_given_scope()
    {
        await StubAsync("DELETE", "profiles/prof_1", 403, """{"error":"Key lacks required scope"}""");

        var ex = await Assert.ThrowsAsync<AttentionPermissionDeniedException>(
            () => CreateClient().SendAsync(new ApiRequest(HttpMethod.Delete, "profiles/prof_1").WithRequiredPermission(AutoPersonasScope.ProfileWrite.Value), Ct));

        Assert.Equal("profile:write", ex.RequiredPermission);
    }

    [Fact]
    public async Task Raw_send_with_a_get_is_retried_after_503()
    {
        await Scope.StubAsync(Stub.Get("api/v1/previews/prev_1").InScenario("r", newState: "ok").Responds(503), Ct);
        await Scope.StubAsync(Stub.Get("api/v1/previews/prev_1").InScenario("r", requiredState: "ok").RespondsJson(200, "{}"), Ct);

        var response = await CreateClient().SendAsync(new ApiRequest(HttpMethod.Get, "previews/{id}").WithPath("id", "prev_1"), Ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, await RequestCountAsync());
    }

    [Fact]
    public async Task Raw_send_with_bytes_keeps_the_content_type()
    {
        await StubAsync("POST", "characters/chr_1/voice-samples", 201, "{}");

        await CreateClient().SendAsync(new ApiRequest(HttpMethod.Post, "characters/chr_1/voice-samples").WithBody("RIFF"u8, "audio/wav"), Ct);

        var sent = await SingleRequestAsync("POST", "characters/chr_1/voice-samples");
        Assert.Equal("audio/wav", sent.Header("Content-Type"));
        Assert.Equal("RIFF", sent.Body);
    }

    [Fact]
    public async Task Raw_send_with_a_json_element_sends_it()
    {
        await StubAsync("PUT", "profiles/prof_1", 200, "{}");
        using var document = JsonDocument.Parse("""{"name":"Main"}""");

        await CreateClient().SendAsync(new ApiRequest(HttpMethod.Put, "profiles/prof_1").WithBody(System.Text.Encoding.UTF8.GetBytes(document.RootElement.GetRawText())), Ct);

        AssertJsonBody("""{"name":"Main"}""", await SingleRequestAsync("PUT", "profiles/prof_1"));
    }

    [Fact]
    public async Task Raw_send_with_a_post_is_not_retried_after_503_and_carries_the_key()
    {
        await StubAsync("POST", "previews", 503, """{"error":"busy"}""");

        await Assert.ThrowsAsync<AttentionServerException>(() => CreateClient().SendAsync(new ApiRequest(HttpMethod.Post, "previews"), Ct));

        var sent = await SingleRequestAsync("POST", "previews");
        Assert.Null(sent.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task Raw_send_refuses_a_scope_the_key_was_not_granted_before_sending()
    {
        var client = CreateClient(o => o.GrantedScopes = [AutoPersonasScope.ContentRead]);

        await Assert.ThrowsAsync<ScopeNotGrantedException>(
            () => client.SendAsync(new ApiRequest(HttpMethod.Delete, "profiles/prof_1").WithRequiredPermission(AutoPersonasScope.ProfileWrite.Value), Ct));

        Assert.Equal(0, await RequestCountAsync());
    }

    [Fact]
    public async Task Raw_send_rejects_an_absolute_url()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CreateClient().SendAsync(new ApiRequest(HttpMethod.Get, "https://example.com/x"), Ct));

        Assert.Equal(0, await RequestCountAsync());
    }

    [Fact]
    public async Task Content_pipeline_end_to_end()
    {
        await StubAsync("POST", "influencers", 201, """{"id":"inf_1","name":"Mia","profileId":"prof_1"}""");
        await StubAsync("POST", "content/generate", 202, """{"batchId":"batch_1","status":"processing","count":2}""");
        await Scope.StubAsync(Stub.Get("api/v1/batches/batch_1").InScenario("batch", newState: "done").RespondsJson(200, """{"id":"batch_1","status":"processing","total":2,"completed":0}"""), Ct);
        await Scope.StubAsync(Stub.Get("api/v1/batches/batch_1").InScenario("batch", requiredState: "done").RespondsJson(200, """{"id":"batch_1","status":"completed","total":2,"completed":2,"contentIds":["cnt_1","cnt_2"]}"""), Ct);
        await StubAsync("POST", "content/cnt_1/approve", 200, """{"id":"cnt_1","status":"approved"}""");
        await StubAsync("POST", "content/cnt_1/publish", 200, """{"contentId":"cnt_1","status":"publishing"}""");
        await Scope.StubAsync(Stub.Get("api/v1/content/cnt_1/publish/status").InScenario("publish", newState: "live").RespondsJson(200, """{"contentId":"cnt_1","status":"publishing"}"""), Ct);
        await Scope.StubAsync(Stub.Get("api/v1/content/cnt_1/publish/status").InScenario("publish", requiredState: "live").RespondsJson(200, """{"contentId":"cnt_1","status":"published","postUrl":"https://instagram.com/p/cnt_1"}"""), Ct);
        var client = CreateClient();

        var influencer = await client.Influencers.CreateAsync(new InfluencerRequest { Name = "Mia", ProfileId = "prof_1" }, Ct);
        var started = await client.Content.GenerateAsync(new GenerateContentRequest { ProfileId = influencer.ProfileId!, Count = 2 }, Ct);
        var batch = await client.Batches.WaitForBatchFinishedAsync(started.EffectiveBatchId!, cancellationToken: Ct);
        var approved = await client.Content.ApproveAsync(batch.ContentIds![0], Ct);
        await client.Publishing.PublishAsync(approved.Id, cancellationToken: Ct);
        var published = await client.Publishing.WaitForPublishFinishedAsync(approved.Id, cancellationToken: Ct);

        Assert.True(batch.Status.IsSucceeded);
        Assert.True(published.Status!.Value.IsPublished);
        Assert.Equal("https://instagram.com/p/cnt_1", published.PostUrl);
        var journal = await Scope.GetRequestsAsync(Ct);
        Assert.Equal(
            [
                "POST /api/v1/influencers", "POST /api/v1/content/generate", "GET /api/v1/batches/batch_1", "GET /api/v1/batches/batch_1",
                "POST /api/v1/content/cnt_1/approve", "POST /api/v1/content/cnt_1/publish",
                "GET /api/v1/content/cnt_1/publish/status", "GET /api/v1/content/cnt_1/publish/status",
            ],
            journal.Select(r => $"{r.Method} {r.Path}"));
        Assert.All(journal, r => Assert.Equal("Bearer " + ApiKey, r.Header("Authorization")));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"profileId":"prof_1","count":2}"""), journal[1].BodyJson));
    }
}
