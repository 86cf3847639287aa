using Attention.Sdk.Testing.WireMock;
using AttentionFactory.Actions;
using AttentionFactory.Client.Tests.Support;
using AttentionFactory.Platforms;

namespace AttentionFactory.Client.Tests;

public sealed class PlatformsTests(WireMockServer wiremock) : FactoryTestBase(wiremock)
{
    [Fact]
    public async Task List_platforms_returns_the_documented_platforms()
    {
        await Scope.StubAsync("GET", "v1/platforms", body: DocsExamples.Platforms);

        var platforms = await CreateClient().Platforms.ListAsync(Ct);

        await SingleRequestAsync("GET", "/v1/platforms");
        Assert.Equal([Platform.Instagram, Platform.TikTok, Platform.Reddit, Platform.Facebook, Platform.X, Platform.LinkedIn], platforms);
    }

    [Fact]
    public async Task Capabilities_read_action_types_from_objects_and_strings_and_keep_the_raw_json()
    {
        await Scope.StubAsync("GET", "v1/platforms/instagram/capabilities", body: DocsExamples.Capabilities);

        var capabilities = await CreateClient().Platforms.GetCapabilitiesAsync(Platform.Instagram, Ct);

        await SingleRequestAsync("GET", "/v1/platforms/instagram/capabilities");
        Assert.Equal(Platform.Instagram, capabilities.Platform);
        Assert.Equal([ActionType.PostImage, ActionType.FromValue("comment")], capabilities.ActionTypes);
        Assert.Equal(50, capabilities.Actions[0].RateCap!.Value.GetProperty("per_day").GetInt32());
        Assert.True(capabilities.Supports(ActionType.PostImage));
        Assert.Equal("auto", capabilities.AdditionalProperties!["review_mode"].GetString());
        Assert.Equal("auto", capabilities.RawJson.GetProperty("review_mode").GetString());
    }

    [Fact]
    public async Task Niches_return_the_catalog()
    {
        await Scope.StubAsync("GET", "v1/platforms/instagram/niches", body: DocsExamples.Niches);

        var catalog = await CreateClient().Platforms.GetNichesAsync(Platform.Instagram, Ct);

        await SingleRequestAsync("GET", "/v1/platforms/instagram/niches");
        Assert.Equal(Platform.Instagram, catalog.Platform);
        Assert.Equal(["fitness", "food", "tech-reviews", "travel"], catalog.Niches);
    }
}
