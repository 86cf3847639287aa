using Attention.Sdk.Testing.WireMock;
using AutoPersonas.Client.Tests.Support;
using AutoPersonas.Profiles;

namespace AutoPersonas.Client.Tests;

public sealed class ProfilesAccountsConfigTests(WireMockServer wiremock) : ApTestBase(wiremock)
{
    [Fact]
    public async Task List_profiles_reads_profiles()
    {
        await StubAsync("GET", "profiles", 200, """{"profiles":[{"id":"prof_1","name":"Main","createdAt":"2026-01-01T00:00:00Z"}]}""");

        var profiles = await CreateClient().Profiles.ListAsync(Ct);

        await SingleRequestAsync("GET", "profiles");
        Assert.Equal("Main", Assert.Single(profiles).Name);
    }

    [Fact]
    public async Task Draft_content_directions_posts_the_prompt()
    {
        await StubAsync("POST", "profiles/prof_1/content-directions/draft", 200, """{"profileId":"prof_1","directions":[{"title":"Behind the scenes","description":"gym"}]}""");

        var draft = await CreateClient().Profiles.DraftContentDirectionsAsync("prof_1", new DraftContentDirectionsRequest { Prompt = "gym life" }, Ct);

        AssertJsonBody("""{"prompt":"gym life"}""", await SingleRequestAsync("POST", "profiles/prof_1/content-directions/draft"));
        Assert.Equal("Behind the scenes", Assert.Single(draft.Directions!).Title);
    }

    [Fact]
    public async Task Generate_caption_posts_the_image_url()
    {
        await StubAsync("POST", "profiles/prof%201/generate-caption", 200, """{"profileId":"prof 1","caption":"Golden hour.","imageUrl":"https://cdn/i.jpg"}""");

        var caption = await CreateClient().Profiles.GenerateCaptionAsync("prof 1", new GenerateCaptionRequest { ImageUrl = "https://cdn/i.jpg" }, Ct);

        AssertJsonBody("""{"imageUrl":"https://cdn/i.jpg"}""", await SingleRequestAsync("POST", "profiles/prof%201/generate-caption"));
        Assert.Equal("Golden hour.", caption.Caption);
    }

    [Fact]
    public async Task Voice_stats_reads_count_and_recent_samples()
    {
        await StubAsync("GET", "profiles/prof_1/voice-stats", 200, """{"profileId":"prof_1","count":42,"recentSamples":["Coffee first.",{"text":"New drop Friday."}]}""");

        var stats = await CreateClient().Profiles.GetVoiceStatsAsync("prof_1", Ct);

        await SingleRequestAsync("GET", "profiles/prof_1/voice-stats");
        Assert.Equal(42, stats.Count);
        Assert.Equal("Coffee first.", stats.RecentSamples![0].GetString());
    }

    [Fact]
    public async Task Media_library_reads_items()
    {
        await StubAsync("GET", "profiles/prof_1/media-library", 200, """[{"id":"media_1","url":"https://cdn/1.jpg","type":"image"}]""");

        var media = await CreateClient().Profiles.ListMediaLibraryAsync("prof_1", Ct);

        await SingleRequestAsync("GET", "profiles/prof_1/media-library");
        Assert.Equal("image", Assert.Single(media).Type);
    }

    [Fact]
    public async Task List_accounts_reads_connected_accounts()
    {
        await StubAsync("GET", "accounts", 200, """{"data":[{"id":"acct_1","platform":"instagram","username":"mia","connected":true}]}""");

        var accounts = await CreateClient().Accounts.ListAsync(Ct);

        await SingleRequestAsync("GET", "accounts");
        var account = Assert.Single(accounts);
        Assert.Equal("mia", account.Username);
        Assert.True(account.Connected);
    }

    [Fact]
    public async Task Features_reads_the_flag_map()
    {
        await StubAsync("GET", "config/features", 200, """{"videoGeneration":true,"instagramImport":false,"collaborations":{"enabled":true}}""");

        var flags = await CreateClient().Config.GetFeaturesAsync(Ct);

        await SingleRequestAsync("GET", "config/features");
        Assert.True(flags.IsEnabled("videoGeneration"));
        Assert.False(flags.IsEnabled("instagramImport"));
        Assert.True(flags.IsEnabled("collaborations"));
        Assert.False(flags.IsEnabled("unknown"));
    }

    [Fact]
    public async Task Pricing_reads_the_currency_and_keeps_rates()
    {
        await StubAsync("GET", "config/pricing", 200, """{"currency":"USD","image":0.04,"video":0.5}""");

        var pricing = await CreateClient().Config.GetPricingAsync(Ct);

        await SingleRequestAsync("GET", "config/pricing");
        Assert.Equal("USD", pricing.Currency);
        Assert.Equal(0.04m, pricing.AdditionalProperties!["image"].GetDecimal());
    }

    [Fact]
    public async Task Aesthetic_grades_reads_the_catalog()
    {
        var grades = string.Join(",", Enumerable.Range(1, 10).Select(i => $$"""{"id":"g{{i}}","name":"Grade {{i}}"}"""));
        await StubAsync("GET", "config/aesthetic-grades", 200, "{\"data\":[" + grades + "]}");

        var catalog = await CreateClient().Config.ListAestheticGradesAsync(Ct);

        await SingleRequestAsync("GET", "config/aesthetic-grades");
        Assert.Equal(10, catalog.Count);
        Assert.Equal("Grade 1", catalog[0].Name);
    }
}
