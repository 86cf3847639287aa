using System.Net;
using Attention.Sdk;
using Attention.Sdk.Http;
using Attention.Sdk.Testing.WireMock;
using AutoPersonas.Characters;
using AutoPersonas.Client.Tests.Support;
using AutoPersonas.Content;
using AutoPersonas.Influencers;

namespace AutoPersonas.Client.Tests;

/// <summary>
/// The <c>RequestOptions</c> overloads of the typed methods: extra headers go over the wire, <see cref="RequestOptions.Response"/>
/// describes a 2xx answer, and what the client refuses (an idempotency key, an undeclared scope) is refused before sending.
/// </summary>
public sealed class RequestOptionsTests(WireMockServer wiremock) : ApTestBase(wiremock)
{
    [Fact]
    public async Task Get_with_request_options_sends_the_extra_header_and_returns_the_response_metadata()
    {
        await Scope.StubAsync(Stub.Request("GET", "api/v1/content/cnt_1").RespondsJson(200, """{"id":"cnt_1","status":"pending"}""").WithHeader("X-Request-Id", "req_ap_get_1"), Ct);
        var requestOptions = new RequestOptions().AddHeader("X-Trace", "review-7");

        var item = await CreateClient().Content.GetAsync("cnt_1", requestOptions, Ct);

        var sent = await SingleRequestAsync("GET", "content/cnt_1");
        Assert.Equal("review-7", sent.Header("X-Trace"));
        Assert.Equal("cnt_1", item.Id);
        var response = requestOptions.Response!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("req_ap_get_1", response.RequestId);
        Assert.Equal("""{"id":"cnt_1","status":"pending"}""", response.Text);
    }

    [Fact]
    public async Task Post_with_request_options_sends_the_body_and_the_extra_header_and_returns_the_response_metadata()
    {
        await Scope.StubAsync(Stub.Request("POST", "api/v1/influencers").RespondsJson(201, """{"id":"inf_9","name":"Mia"}""").WithHeader("X-Request-Id", "req_ap_post_1"), Ct);
        var requestOptions = new RequestOptions().AddHeader("X-Trace", "onboarding-3");

        var influencer = await CreateClient().Influencers.CreateAsync(new InfluencerRequest { Name = "Mia" }, requestOptions, Ct);

        var sent = await SingleRequestAsync("POST", "influencers");
        AssertJsonBody("""{"name":"Mia"}""", sent);
        Assert.Equal("onboarding-3", sent.Header("X-Trace"));
        Assert.Equal("inf_9", influencer.Id);
        var response = requestOptions.Response!;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("req_ap_post_1", response.RequestId);
        Assert.Equal("""{"id":"inf_9","name":"Mia"}""", response.Text);
    }

    [Fact]
    public async Task List_with_request_options_returns_the_list_and_the_response_metadata()
    {
        await Scope.StubAsync(Stub.Request("GET", "api/v1/accounts").RespondsJson(200, """{"accounts":[{"id":"acc_1","platform":"x"}]}""").WithHeader("X-Request-Id", "req_ap_list_1"), Ct);
        var requestOptions = new RequestOptions().AddHeader("X-Trace", "accounts-1");

        var accounts = await CreateClient().Accounts.ListAsync(requestOptions, Ct);

        Assert.Equal("accounts-1", (await SingleRequestAsync("GET", "accounts")).Header("X-Trace"));
        Assert.Equal("acc_1", Assert.Single(accounts).Id);
        Assert.Equal("req_ap_list_1", requestOptions.Response!.RequestId);
        Assert.Contains("acc_1", requestOptions.Response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_answered_204_with_request_options_returns_the_empty_result_and_the_response_metadata()
    {
        await Scope.StubAsync(Stub.Delete("api/v1/influencers/inf_1").Responds(204).WithHeader("X-Request-Id", "req_ap_del_1"), Ct);
        var requestOptions = new RequestOptions();

        var result = await CreateClient().Influencers.DeleteAsync("inf_1", requestOptions, Ct);

        Assert.True(result.Success);
        Assert.Equal(HttpStatusCode.NoContent, requestOptions.Response!.StatusCode);
        Assert.Equal("req_ap_del_1", requestOptions.Response.RequestId);
        Assert.True(requestOptions.Response.Body.IsEmpty);
    }

    [Fact]
    public async Task Upload_voice_samples_with_request_options_carries_the_extra_header_beside_the_body()
    {
        await StubAsync("POST", "characters/chr_1/voice-samples", 201, """{"characterId":"chr_1","samples":["https://cdn/a.mp3"],"cloneStatus":"training"}""");
        var requestOptions = new RequestOptions().AddHeader("X-Upload-Batch", "voices-2");

        var profile = await CreateClient().Characters.UploadVoiceSamplesAsync("chr_1", new UploadVoiceSamplesRequest { AudioUrls = ["https://cdn/a.mp3"] }, requestOptions, Ct);

        var sent = await SingleRequestAsync("POST", "characters/chr_1/voice-samples");
        AssertJsonBody("""{"audioUrls":["https://cdn/a.mp3"]}""", sent);
        Assert.Equal("voices-2", sent.Header("X-Upload-Batch"));
        Assert.Equal("training", profile.CloneStatus);
        Assert.Equal(HttpStatusCode.Created, requestOptions.Response!.StatusCode);
    }

    [Fact]
    public async Task An_idempotency_key_in_request_options_is_refused_before_sending()
    {
        await StubAsync("POST", "content/generate", 202, """{"batchId":"bat_1"}""");
        var requestOptions = new RequestOptions { IdempotencyKey = "generate-once-1" };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            CreateClient().Content.GenerateAsync(new GenerateContentRequest { ProfileId = "prof_1", Count = 1 }, requestOptions, Ct));

        // AutoPersonas documents no de-duplication: sending the key would promise a safety the server does not give.
        Assert.Contains("does not de-duplicate by Idempotency-Key", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("generate-once-1", ex.Message, StringComparison.Ordinal);
        Assert.Null(requestOptions.Response);
        Assert.Equal(0, await RequestCountAsync());
    }

    [Fact]
    public async Task A_scope_not_granted_is_refused_before_sending_with_request_options()
    {
        await StubAsync("POST", "content/cnt_1/publish", 200, "{}");
        var client = CreateClient(o => o.GrantedScopes = [AutoPersonasScope.ContentRead]);
        var requestOptions = new RequestOptions().AddHeader("X-Trace", "publish-1");

        var ex = await Assert.ThrowsAsync<ScopeNotGrantedException>(() => client.Publishing.PublishAsync("cnt_1", null, requestOptions, Ct));

        Assert.Equal("publishing:write", ex.RequiredPermission);
        Assert.Null(requestOptions.Response);
        Assert.Equal(0, await RequestCountAsync());
    }

    [Fact]
    public async Task A_scope_not_granted_is_reported_before_an_idempotency_key_is_refused()
    {
        await StubAsync("POST", "content/cnt_1/approve", 200, """{"id":"cnt_1"}""");
        var client = CreateClient(o => o.GrantedScopes = [AutoPersonasScope.ContentRead]);

        // The scope check runs first (in the client), the key check second (in Core): the missing scope is the error to fix first.
        var ex = await Assert.ThrowsAsync<ScopeNotGrantedException>(() =>
            client.Content.ApproveAsync("cnt_1", new RequestOptions { IdempotencyKey = "approve-1" }, Ct));

        Assert.Equal("content:write", ex.RequiredPermission);
        Assert.Equal(0, await RequestCountAsync());
    }

    [Fact]
    public async Task A_gated_instagram_import_with_request_options_leaves_the_response_unset()
    {
        await StubAsync("POST", "social-import/instagram", 403, """{"error":"Instagram import is gated pending the Meta scope upgrade"}""");
        var requestOptions = new RequestOptions().AddHeader("X-Trace", "import-1");

        var result = await CreateClient().SocialImport.ImportInstagramAsync(null, requestOptions, Ct);

        Assert.Equal("import-1", (await SingleRequestAsync("POST", "social-import/instagram")).Header("X-Trace"));
        Assert.True(result.IsGated);
        Assert.Null(requestOptions.Response);
    }

    [Fact]
    public async Task Null_request_options_is_the_plain_call()
    {
        await StubAsync("GET", "config/features", 200, """{"video":true}""");

        var features = await CreateClient().Config.GetFeaturesAsync(null, Ct);

        var sent = await SingleRequestAsync("GET", "config/features");
        Assert.Null(sent.Header("X-Trace"));
        Assert.True(features.IsEnabled("video"));
    }
}
