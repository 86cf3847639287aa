using System.Text.Json.Nodes;

namespace Attention.Sandbox.Tests.Contract;

/// <summary>AutoPersonas accounts and keys over plain HTTP: 401 for unknown keys, state per account, the content filters.</summary>
public sealed class AutoPersonasContractTests : IAsyncLifetime
{
    private AttentionSandbox _sandbox = null!;
    private RawApi _api = null!;

    public async ValueTask InitializeAsync()
    {
        _sandbox = await AttentionSandbox.StartAsync(new AttentionSandboxOptions { ContentGenerationDelay = TimeSpan.Zero });
        _api = new RawApi(_sandbox.AutoPersonasBaseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Well_formed_but_unregistered_key_is_a_401()
    {
        var answer = await _api.GetAsync("influencers", "ap_live_" + Guid.NewGuid().ToString("N"));

        Assert.Equal(401, answer.Status);
        Assert.Equal("Missing or invalid API key", (string?)answer.Body!["error"]);
    }

    [Fact]
    public async Task Revoked_key_is_a_401()
    {
        var key = _sandbox.CreateAutoPersonasKey();
        _sandbox.RevokeApiKey(key);

        Assert.Equal(401, (await _api.GetAsync("influencers", key)).Status);
    }

    [Fact]
    public async Task Lowercase_bearer_scheme_is_accepted()
    {
        var answer = await _api.SendAsync(HttpMethod.Get, "influencers", AttentionSandbox.AutoPersonasApiKey, scheme: "bearer");

        Assert.Equal(200, answer.Status);
    }

    [Fact]
    public async Task Another_account_cannot_list_read_or_delete_an_influencer()
    {
        var owner = _sandbox.CreateAutoPersonasKey();
        var stranger = _sandbox.CreateAutoPersonasKey();
        var id = (string)(await _api.PostAsync("influencers", owner, """{"name":"Ava"}""")).Body!["id"]!;

        var list = await _api.GetAsync("influencers", stranger);
        var read = await _api.GetAsync($"influencers/{id}", stranger);
        var delete = await _api.SendAsync(HttpMethod.Delete, $"influencers/{id}", stranger);

        Assert.Empty(list.Body!["data"]!.AsArray());
        Assert.Equal(404, read.Status);
        Assert.Equal(404, delete.Status);
        Assert.Equal(200, (await _api.GetAsync($"influencers/{id}", owner)).Status);
    }

    [Fact]
    public async Task Second_key_of_an_account_sees_its_influencers_within_its_scopes()
    {
        var owner = _sandbox.CreateAutoPersonasKey();
        var reader = _sandbox.AddAutoPersonasKey(owner, "character:read");
        var id = (string)(await _api.PostAsync("influencers", owner, """{"name":"Ava"}""")).Body!["id"]!;

        var read = await _api.GetAsync($"influencers/{id}", reader);
        var delete = await _api.SendAsync(HttpMethod.Delete, $"influencers/{id}", reader);

        Assert.Equal(200, read.Status);
        Assert.Equal(403, delete.Status);
    }

    [Fact]
    public async Task Influencer_name_that_is_not_a_string_is_refused()
    {
        var answer = await _api.PostAsync("influencers", AttentionSandbox.AutoPersonasApiKey, """{"name":12345}""");

        Assert.Equal(400, answer.Status);
    }

    [Fact]
    public async Task Voice_samples_that_are_not_urls_are_a_400_not_a_500()
    {
        var answer = await _api.PostAsync("characters/chr_1/voice-samples", AttentionSandbox.AutoPersonasApiKey, """{"audioUrls":[1,2]}""");

        Assert.Equal(400, answer.Status);
        Assert.NotNull((string?)answer.Body!["error"]);
    }

    [Fact]
    public async Task Content_list_honours_influencer_id_and_limit()
    {
        var key = _sandbox.CreateAutoPersonasKey();
        var ava = (await _api.PostAsync("influencers", key, """{"name":"Ava","profileId":"prof_ava"}""")).Body!;
        await _api.PostAsync("influencers", key, """{"name":"Bo","profileId":"prof_bo"}""");
        await _api.PostAsync("content/generate", key, """{"profileId":"prof_ava","count":3}""");
        await _api.PostAsync("content/generate", key, """{"profileId":"prof_bo","count":2}""");

        var avas = await _api.GetAsync($"content?influencerId={ava["id"]}", key);
        var limited = await _api.GetAsync("content?limit=2", key);

        Assert.Equal(3, avas.Body!["data"]!.AsArray().Count);
        Assert.All(avas.Body["data"]!.AsArray(), c => Assert.Equal("prof_ava", (string?)c!["profileId"]));
        Assert.Equal(2, limited.Body!["data"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("content?limit=0")]
    [InlineData("content?limit=abc")]
    [InlineData("content?colour=blue")]
    public async Task Content_filter_the_sandbox_cannot_apply_is_refused(string path)
    {
        var answer = await _api.GetAsync(path, AttentionSandbox.AutoPersonasApiKey);

        Assert.Equal(400, answer.Status);
        Assert.NotNull((string?)answer.Body!["error"]);
    }
}
