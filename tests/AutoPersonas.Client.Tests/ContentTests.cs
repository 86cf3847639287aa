using Attention.Sdk.Testing.WireMock;
using AutoPersonas.Client.Tests.Support;
using AutoPersonas.Content;

namespace AutoPersonas.Client.Tests;

public sealed class ContentTests(WireMockServer wiremock) : ApTestBase(wiremock)
{
    private const string Item = """{"id":"cnt_1","profileId":"prof_1","batchId":"batch_1","status":"draft","caption":"Hi","imageUrl":"https://cdn/c.png","likes":12}""";

    [Fact]
    public async Task List_content_sends_only_the_filters_given()
    {
        await StubAsync("GET", "content", 200, """{"items":[""" + Item + """],"nextCursor":"c2"}""");

        var list = await CreateClient().Content.ListAsync(new ContentListQuery { Status = ContentStatus.Draft, ProfileId = "prof 1", Limit = 5 }, Ct);

        var sent = await SingleRequestAsync("GET", "content", "?status=draft&profileId=prof%201&limit=5");
        Assert.Equal("prof 1", sent.QueryParam("profileId"));
        var item = Assert.Single(list);
        Assert.Equal(ContentStatus.Draft, item.Status);
        Assert.Equal(12, item.AdditionalProperties!["likes"].GetInt32());
        Assert.Equal("c2", list.RawJson.GetProperty("nextCursor").GetString());
    }

    [Fact]
    public async Task Get_content_reads_the_item()
    {
        await StubAsync("GET", "content/cnt_1", 200, Item);

        var item = await CreateClient().Content.GetAsync("cnt_1", Ct);

        await SingleRequestAsync("GET", "content/cnt_1");
        Assert.Equal("cnt_1", item.Id);
        Assert.Equal("batch_1", item.BatchId);
        Assert.Equal("https://cdn/c.png", item.ImageUrl);
    }

    [Fact]
    public async Task Generate_posts_profile_id_and_count_as_in_the_docs()
    {
        await StubAsync("POST", "content/generate", 202, """{"batchId":"batch_1","status":"processing","count":3,"contentIds":["c1","c2","c3"]}""");

        var started = await CreateClient().Content.GenerateAsync(new GenerateContentRequest { ProfileId = "prof_abc123", Count = 3 }, Ct);

        var sent = await SingleRequestAsync("POST", "content/generate");
        AssertJsonBody("""{"profileId":"prof_abc123","count":3}""", sent);
        Assert.Equal("batch_1", started.EffectiveBatchId);
        Assert.Equal(3, started.Count);
        Assert.Equal(3, started.ContentIds!.Count);
    }

    [Fact]
    public async Task Generate_with_a_zero_count_sends_nothing()
    {
        var client = CreateClient();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Content.GenerateAsync(new GenerateContentRequest { ProfileId = "p", Count = 0 }, Ct));

        Assert.Equal(0, await RequestCountAsync());
    }

    [Fact]
    public async Task Regenerate_posts_the_optional_direction()
    {
        await StubAsync("POST", "content/cnt_1/regenerate", 200, Item);

        var item = await CreateClient().Content.RegenerateAsync("cnt_1", new ContentGenerationOptions { Prompt = "beach" }, Ct);

        var sent = await SingleRequestAsync("POST", "content/cnt_1/regenerate");
        AssertJsonBody("""{"prompt":"beach"}""", sent);
        Assert.Equal("cnt_1", item.Id);
    }

    [Fact]
    public async Task Generate_video_posts_without_body()
    {
        await StubAsync("POST", "content/cnt_1/video", 200, """{"id":"cnt_1","videoUrl":"https://cdn/v.mp4","videoStatus":"processing"}""");

        var item = await CreateClient().Content.GenerateVideoAsync("cnt_1", cancellationToken: Ct);

        AssertNoBody(await SingleRequestAsync("POST", "content/cnt_1/video"));
        Assert.Equal("https://cdn/v.mp4", item.VideoUrl);
        Assert.Equal("processing", item.AdditionalProperties!["videoStatus"].GetString());
    }

    [Fact]
    public async Task Approve_posts_and_reads_the_new_status()
    {
        await StubAsync("POST", "content/cnt_1/approve", 200, """{"id":"cnt_1","status":"approved"}""");

        var item = await CreateClient().Content.ApproveAsync("cnt_1", Ct);

        AssertNoBody(await SingleRequestAsync("POST", "content/cnt_1/approve"));
        Assert.Equal(ContentStatus.Approved, item.Status);
    }

    [Fact]
    public async Task Reject_sends_the_reason()
    {
        await StubAsync("POST", "content/cnt_1/reject", 200, """{"id":"cnt_1","status":"rejected"}""");

        var item = await CreateClient().Content.RejectAsync("cnt_1", "off brand", Ct);

        AssertJsonBody("""{"reason":"off brand"}""", await SingleRequestAsync("POST", "content/cnt_1/reject"));
        Assert.Equal(ContentStatus.Rejected, item.Status);
    }

    [Fact]
    public async Task Fine_tune_caption_sends_the_instruction()
    {
        await StubAsync("POST", "content/cnt_1/fine-tune-caption", 200, """{"id":"cnt_1","caption":"Shorter."}""");

        var item = await CreateClient().Content.FineTuneCaptionAsync("cnt_1", new FineTuneCaptionRequest { Instruction = "shorter" }, Ct);

        AssertJsonBody("""{"instruction":"shorter"}""", await SingleRequestAsync("POST", "content/cnt_1/fine-tune-caption"));
        Assert.Equal("Shorter.", item.Caption);
    }

    [Fact]
    public async Task Video_comparison_reads_the_variants()
    {
        await StubAsync("POST", "content/cnt_1/video-comparison", 200, """{"contentId":"cnt_1","status":"completed","variants":[{"variant":"a","videoUrl":"https://cdn/a.mp4"},{"variant":"b","videoUrl":"https://cdn/b.mp4"}]}""");

        var comparison = await CreateClient().Content.GenerateVideoComparisonAsync("cnt_1", cancellationToken: Ct);

        AssertNoBody(await SingleRequestAsync("POST", "content/cnt_1/video-comparison"));
        Assert.Equal("cnt_1", comparison.ContentId);
        Assert.Equal(["a", "b"], comparison.Variants!.Select(v => v.Variant));
    }

    [Fact]
    public async Task Unknown_status_values_are_kept()
    {
        await StubAsync("GET", "content/cnt_1", 200, """{"id":"cnt_1","status":"quarantined"}""");

        var item = await CreateClient().Content.GetAsync("cnt_1", Ct);

        Assert.Equal("quarantined", item.Status!.Value.Value);
    }

    [Fact]
    public async Task A_body_without_the_required_id_is_a_response_exception()
    {
        await StubAsync("GET", "content/cnt_1", 200, """{"status":"draft"}""");

        var ex = await Assert.ThrowsAsync<Attention.Sdk.AttentionResponseException>(() => CreateClient().Content.GetAsync("cnt_1", Ct));

        Assert.Contains("ContentItem", ex.Message);
    }
}
