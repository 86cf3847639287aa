using Attention.Sdk.Testing.WireMock;
using AutoPersonas.Client.Tests.Support;
using AutoPersonas.Influencers;

namespace AutoPersonas.Client.Tests;

public sealed class InfluencersTests(WireMockServer wiremock) : ApTestBase(wiremock)
{
    [Fact]
    public async Task List_influencers_reads_a_data_envelope_and_keeps_unknown_fields()
    {
        await StubAsync("GET", "influencers", 200, """{"data":[{"id":"inf_1","name":"Mia","profileId":"prof_1","status":"active","vibe":"cozy"}],"total":1}""");

        var list = await CreateClient().Influencers.ListAsync(Ct);

        await SingleRequestAsync("GET", "influencers");
        var influencer = Assert.Single(list);
        Assert.Equal("inf_1", influencer.Id);
        Assert.Equal("Mia", influencer.Name);
        Assert.Equal("prof_1", influencer.ProfileId);
        Assert.Equal("cozy", influencer.AdditionalProperties!["vibe"].GetString());
        Assert.Equal("cozy", influencer.RawJson.GetProperty("vibe").GetString());
        Assert.Equal(1, list.RawJson.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_influencers_accepts_a_bare_array()
    {
        await StubAsync("GET", "influencers", 200, """[{"id":"inf_1"},{"id":"inf_2"}]""");

        var list = await CreateClient().Influencers.ListAsync(Ct);

        Assert.Equal(["inf_1", "inf_2"], list.Select(i => i.Id));
    }

    [Fact]
    public async Task Get_influencer_escapes_the_id_as_one_segment()
    {
        await StubRegexAsync("GET", "influencers/.+", 200, """{"id":"a/b","name":"Mia","createdAt":"2026-01-02T03:04:05Z"}""");

        var influencer = await CreateClient().Influencers.GetAsync("a/b", Ct);

        await SingleRequestAsync("GET", "influencers/a%2Fb");
        Assert.Equal("a/b", influencer.Id);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), influencer.CreatedAt);
    }

    [Fact]
    public async Task Create_influencer_posts_only_set_fields_plus_extra_ones()
    {
        await StubAsync("POST", "influencers", 201, """{"id":"inf_9","name":"Mia","profileId":"prof_1","status":"active"}""");
        var request = new InfluencerRequest { Name = "Mia", ProfileId = "prof_1" };
        request.With("niche", "fitness");

        var influencer = await CreateClient().Influencers.CreateAsync(request, Ct);

        var sent = await SingleRequestAsync("POST", "influencers");
        AssertJsonBody("""{"name":"Mia","profileId":"prof_1","niche":"fitness"}""", sent);
        Assert.Equal("inf_9", influencer.Id);
        Assert.Equal("active", influencer.Status);
    }

    [Fact]
    public async Task Update_influencer_puts_the_fields()
    {
        await StubAsync("PUT", "influencers/inf_1", 200, """{"id":"inf_1","name":"Mia B","description":"Runner"}""");

        var influencer = await CreateClient().Influencers.UpdateAsync("inf_1", new InfluencerRequest { Name = "Mia B", Description = "Runner" }, Ct);

        var sent = await SingleRequestAsync("PUT", "influencers/inf_1");
        AssertJsonBody("""{"name":"Mia B","description":"Runner"}""", sent);
        Assert.Equal("Runner", influencer.Description);
    }

    [Fact]
    public async Task Delete_influencer_reads_success()
    {
        await StubAsync("DELETE", "influencers/inf_1", 200, """{"success":true}""");

        var result = await CreateClient().Influencers.DeleteAsync("inf_1", Ct);

        var sent = await SingleRequestAsync("DELETE", "influencers/inf_1");
        AssertNoBody(sent);
        Assert.True(result.Success);
    }

    [Fact]
    public async Task Delete_influencer_answered_204_is_a_success()
    {
        await Scope.StubAsync(Stub.Delete("api/v1/influencers/inf_1").Responds(204), Ct);

        var result = await CreateClient().Influencers.DeleteAsync("inf_1", Ct);

        Assert.True(result.Success);
    }

    [Fact]
    public async Task Set_reference_images_posts_the_urls()
    {
        await StubAsync("POST", "influencers/inf_1/references", 200, """{"id":"inf_1","referenceImages":["https://cdn/a.png","https://cdn/b.png"]}""");

        var influencer = await CreateClient().Influencers.SetReferenceImagesAsync("inf_1", new SetReferenceImagesRequest { ImageUrls = ["https://cdn/a.png", "https://cdn/b.png"] }, Ct);

        var sent = await SingleRequestAsync("POST", "influencers/inf_1/references");
        AssertJsonBody("""{"imageUrls":["https://cdn/a.png","https://cdn/b.png"]}""", sent);
        Assert.Equal(2, influencer.ReferenceImages!.Count);
    }

    [Fact]
    public async Task Set_reference_images_without_urls_sends_nothing()
    {
        var client = CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.Influencers.SetReferenceImagesAsync("inf_1", new SetReferenceImagesRequest { ImageUrls = [] }, Ct));

        Assert.Equal(0, await RequestCountAsync());
    }

    [Fact]
    public async Task Generate_reference_pack_posts_without_body_and_reads_views()
    {
        await StubAsync("POST", "influencers/inf_1/generate-references", 202, """{"influencerId":"inf_1","status":"processing","images":[{"view":"front","imageUrl":"https://cdn/f.png"}]}""");

        var pack = await CreateClient().Influencers.GenerateReferencePackAsync("inf_1", Ct);

        var sent = await SingleRequestAsync("POST", "influencers/inf_1/generate-references");
        AssertNoBody(sent);
        Assert.Equal("inf_1", pack.InfluencerId);
        Assert.Equal("processing", pack.Status);
        Assert.Equal("front", Assert.Single(pack.Images!).View);
    }
}
