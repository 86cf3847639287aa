using System.Text.Json.Nodes;
using Attention.Sdk.Testing.WireMock;
using AutoPersonas.Characters;
using AutoPersonas.Client.Tests.Support;

namespace AutoPersonas.Client.Tests;

public sealed class CharactersTests(WireMockServer wiremock) : ApTestBase(wiremock)
{
    [Fact]
    public async Task Analyze_photos_posts_the_urls_and_reads_prompt_and_wardrobe()
    {
        await StubAsync("POST", "characters/analyze-photos", 200, """{"basePrompt":"A woman in her 20s","wardrobe":[{"item":"denim jacket"}]}""");

        var analysis = await CreateClient().Characters.AnalyzePhotosAsync(new AnalyzePhotosRequest { PhotoUrls = ["https://cdn/1.jpg"] }, Ct);

        AssertJsonBody("""{"photoUrls":["https://cdn/1.jpg"]}""", await SingleRequestAsync("POST", "characters/analyze-photos"));
        Assert.Equal("A woman in her 20s", analysis.BasePrompt);
        Assert.Equal(1, analysis.Wardrobe!.Value.GetArrayLength());
    }

    [Fact]
    public async Task Upload_voice_samples_posts_the_audio_urls()
    {
        await StubAsync("POST", "characters/chr_1/voice-samples", 201, """{"characterId":"chr_1","samples":["https://cdn/a.mp3"],"cloneStatus":"training"}""");

        var profile = await CreateClient().Characters.UploadVoiceSamplesAsync("chr_1", new UploadVoiceSamplesRequest { AudioUrls = ["https://cdn/a.mp3"] }, Ct);

        AssertJsonBody("""{"audioUrls":["https://cdn/a.mp3"]}""", await SingleRequestAsync("POST", "characters/chr_1/voice-samples"));
        Assert.Equal("training", profile.CloneStatus);
        Assert.Equal(["https://cdn/a.mp3"], profile.SampleUrls);
    }

    [Fact]
    public async Task Delete_voice_sample_sends_the_audio_url_as_one_escaped_segment()
    {
        await StubRegexAsync("DELETE", "characters/[^/]+/voice-samples/[^/]+", 200, """{"characterId":"chr/1","samples":[],"cloneStatus":"none"}""");

        var profile = await CreateClient().Characters.DeleteVoiceSampleAsync("chr/1", "https://cdn.example/v/a b.mp3?sig=x&y=1", Ct);

        var sent = await SingleRequestAsync("DELETE", "characters/chr%2F1/voice-samples/https%3A%2F%2Fcdn.example%2Fv%2Fa%20b.mp3%3Fsig%3Dx%26y%3D1");
        AssertNoBody(sent);
        Assert.Empty(sent.Query);
        Assert.Equal("none", profile.CloneStatus);
    }

    [Fact]
    public async Task Voice_profile_reads_samples_of_either_shape()
    {
        await StubAsync("GET", "characters/chr_1/voice-profile", 200, """{"characterId":"chr_1","samples":["https://cdn/a.mp3",{"audioUrl":"https://cdn/b.mp3","seconds":12}],"cloneStatus":"ready"}""");

        var profile = await CreateClient().Characters.GetVoiceProfileAsync("chr_1", Ct);

        await SingleRequestAsync("GET", "characters/chr_1/voice-profile");
        Assert.Equal(["https://cdn/a.mp3", "https://cdn/b.mp3"], profile.SampleUrls);
        Assert.Equal("ready", profile.CloneStatus);
    }

    [Fact]
    public async Task Generate_wardrobe_posts_and_reads_items()
    {
        await StubAsync("POST", "characters/chr_1/wardrobe/generate", 200, """{"characterId":"chr_1","items":[{"name":"linen shirt","category":"top"}]}""");

        var wardrobe = await CreateClient().Characters.GenerateWardrobeAsync("chr_1", new GenerateWardrobeRequest { Count = 4 }, Ct);

        AssertJsonBody("""{"count":4}""", await SingleRequestAsync("POST", "characters/chr_1/wardrobe/generate"));
        Assert.Equal("top", Assert.Single(wardrobe.Items!).Category);
    }

    [Fact]
    public async Task Patch_ingredients_sends_only_the_given_fields()
    {
        await StubAsync("PATCH", "characters/chr_1/ingredients", 200, """{"characterId":"chr_1","ingredients":{"hair":"auburn","accessories":["hoops"],"tattoos":null,"eyes":"green"}}""");
        var patch = new IngredientsPatch().Set("hair", "auburn").Set("accessories", ["hoops"]).Set("tattoos", (JsonNode?)null);

        var result = await CreateClient().Characters.PatchIngredientsAsync("chr_1", patch, Ct);

        var sent = await SingleRequestAsync("PATCH", "characters/chr_1/ingredients");
        AssertJsonBody("""{"hair":"auburn","accessories":["hoops"],"tattoos":null}""", sent);
        Assert.Equal("green", result.Ingredients!.Value.GetProperty("eyes").GetString());
    }

    [Fact]
    public async Task Patch_ingredients_without_fields_sends_nothing()
    {
        var client = CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.Characters.PatchIngredientsAsync("chr_1", new IngredientsPatch(), Ct));

        Assert.Equal(0, await RequestCountAsync());
    }
}
