using Attention.Sdk.Testing.WireMock;
using AutoPersonas.Batches;
using AutoPersonas.Client.Tests.Support;
using AutoPersonas.Publishing;

namespace AutoPersonas.Client.Tests;

public sealed class BatchesAndPublishingTests(WireMockServer wiremock) : ApTestBase(wiremock)
{
    [Fact]
    public async Task Get_batch_reads_the_status_and_counters()
    {
        await StubAsync("GET", "batches/batch_1", 200, """{"id":"batch_1","profileId":"prof_1","status":"processing","total":3,"completed":1,"contentIds":["c1","c2","c3"]}""");

        var batch = await CreateClient().Batches.GetAsync("batch_1", Ct);

        await SingleRequestAsync("GET", "batches/batch_1");
        Assert.Equal(BatchStatus.Processing, batch.Status);
        Assert.False(batch.Status.IsTerminal);
        Assert.Equal(3, batch.Total);
        Assert.Equal(1, batch.Completed);
    }

    [Fact]
    public async Task Wait_for_batch_returns_a_failed_batch_as_a_result()
    {
        await Scope.StubAsync(Stub.Get("api/v1/batches/batch_1").InScenario("b", newState: "failed").RespondsJson(200, """{"id":"batch_1","status":"processing"}"""), Ct);
        await Scope.StubAsync(Stub.Get("api/v1/batches/batch_1").InScenario("b", requiredState: "failed").RespondsJson(200, """{"id":"batch_1","status":"failed","error":"model overloaded"}"""), Ct);

        var batch = await CreateClient().Batches.WaitForBatchFinishedAsync("batch_1", cancellationToken: Ct);

        Assert.True(batch.Status.IsFailed);
        Assert.Equal("model overloaded", batch.Error);
        Assert.Equal(2, await RequestCountAsync());
    }

    [Fact]
    public async Task Publish_posts_without_body_as_in_the_docs()
    {
        await StubAsync("POST", "content/cnt_1/publish", 200, """{"contentId":"cnt_1","status":"publishing","platform":"instagram"}""");

        var status = await CreateClient().Publishing.PublishAsync("cnt_1", cancellationToken: Ct);

        AssertNoBody(await SingleRequestAsync("POST", "content/cnt_1/publish"));
        Assert.Equal(PublishState.Publishing, status.Status);
        Assert.Equal("instagram", status.Platform);
    }

    [Fact]
    public async Task Publish_with_a_schedule_sends_it()
    {
        await StubAsync("POST", "content/cnt_1/publish", 200, """{"contentId":"cnt_1","status":"scheduled","scheduledAt":"2026-03-01T10:00:00Z"}""");

        var status = await CreateClient().Publishing.PublishAsync("cnt_1", new PublishRequest { AccountId = "acct_1", ScheduledAt = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero) }, Ct);

        AssertJsonBody("""{"accountId":"acct_1","scheduledAt":"2026-03-01T10:00:00+00:00"}""", await SingleRequestAsync("POST", "content/cnt_1/publish"));
        Assert.Equal(PublishState.Scheduled, status.Status);
    }

    [Fact]
    public async Task Publish_status_reads_the_post_url()
    {
        await StubAsync("GET", "content/cnt_1/publish/status", 200, """{"contentId":"cnt_1","status":"published","postUrl":"https://instagram.com/p/x","publishedAt":"2026-01-01T00:00:00Z"}""");

        var status = await CreateClient().Publishing.GetStatusAsync("cnt_1", Ct);

        await SingleRequestAsync("GET", "content/cnt_1/publish/status");
        Assert.True(status.Status!.Value.IsPublished);
        Assert.Equal("https://instagram.com/p/x", status.PostUrl);
    }

    [Fact]
    public async Task Publish_retry_posts_to_the_retry_route()
    {
        await StubAsync("POST", "content/cnt_1/publish/retry", 200, """{"contentId":"cnt_1","status":"publishing"}""");

        var status = await CreateClient().Publishing.RetryAsync("cnt_1", Ct);

        AssertNoBody(await SingleRequestAsync("POST", "content/cnt_1/publish/retry"));
        Assert.Equal(PublishState.Publishing, status.Status);
    }

    [Fact]
    public async Task Unpublish_posts_and_reads_the_state()
    {
        await StubAsync("POST", "content/cnt_1/unpublish", 200, """{"contentId":"cnt_1","status":"unpublished"}""");

        var status = await CreateClient().Publishing.UnpublishAsync("cnt_1", Ct);

        AssertNoBody(await SingleRequestAsync("POST", "content/cnt_1/unpublish"));
        Assert.Equal(PublishState.Unpublished, status.Status);
    }

    [Fact]
    public async Task Wait_for_publish_returns_a_failed_publish_as_a_result()
    {
        await Scope.StubAsync(Stub.Get("api/v1/content/cnt_1/publish/status").InScenario("p", newState: "failed").RespondsJson(200, """{"contentId":"cnt_1","status":"publishing"}"""), Ct);
        await Scope.StubAsync(Stub.Get("api/v1/content/cnt_1/publish/status").InScenario("p", requiredState: "failed").RespondsJson(200, """{"contentId":"cnt_1","status":"failed","error":"token expired"}"""), Ct);

        var status = await CreateClient().Publishing.WaitForPublishFinishedAsync("cnt_1", cancellationToken: Ct);

        Assert.True(status.Status!.Value.IsFailed);
        Assert.Equal("token expired", status.Error);
    }
}
