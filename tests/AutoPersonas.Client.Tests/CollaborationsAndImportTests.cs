using System.Net;
using Attention.Sdk;
using Attention.Sdk.Testing.WireMock;
using AutoPersonas.Client.Tests.Support;
using AutoPersonas.Collaborations;
using AutoPersonas.SocialImport;

namespace AutoPersonas.Client.Tests;

public sealed class CollaborationsAndImportTests(WireMockServer wiremock) : ApTestBase(wiremock)
{
    [Fact]
    public async Task Create_collaboration_posts_the_influencers()
    {
        await StubAsync("POST", "collaborations", 201, """{"id":"collab_1","influencerIds":["inf_1","inf_2"],"prompt":"beach day","status":"pending"}""");

        var collaboration = await CreateClient().Collaborations.CreateAsync(new CreateCollaborationRequest { InfluencerIds = ["inf_1", "inf_2"], Prompt = "beach day" }, Ct);

        AssertJsonBody("""{"influencerIds":["inf_1","inf_2"],"prompt":"beach day"}""", await SingleRequestAsync("POST", "collaborations"));
        Assert.Equal("collab_1", collaboration.Id);
        Assert.Equal("pending", collaboration.Status);
    }

    [Fact]
    public async Task Create_collaboration_with_one_influencer_sends_nothing()
    {
        var client = CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.Collaborations.CreateAsync(new CreateCollaborationRequest { InfluencerIds = ["inf_1"] }, Ct));

        Assert.Equal(0, await RequestCountAsync());
    }

    [Fact]
    public async Task List_collaborations_reads_them()
    {
        await StubAsync("GET", "collaborations", 200, """{"collaborations":[{"id":"collab_1","influencerIds":["a","b"]}]}""");

        var list = await CreateClient().Collaborations.ListAsync(Ct);

        await SingleRequestAsync("GET", "collaborations");
        Assert.Equal(["a", "b"], Assert.Single(list).InfluencerIds);
    }

    [Fact]
    public async Task Import_x_posts_and_reads_the_job()
    {
        await StubAsync("POST", "social-import/x", 202, """{"jobId":"job_1","platform":"x","status":"queued"}""");

        var job = await CreateClient().SocialImport.ImportXAsync(new SocialImportRequest { AccountId = "acct_x", Limit = 50 }, Ct);

        AssertJsonBody("""{"accountId":"acct_x","limit":50}""", await SingleRequestAsync("POST", "social-import/x"));
        Assert.Equal("job_1", job.EffectiveJobId);
        Assert.Equal(ImportJobStatus.Queued, job.Status);
    }

    [Fact]
    public async Task Import_tiktok_posts_without_body()
    {
        await StubAsync("POST", "social-import/tiktok", 202, """{"id":"job_2","platform":"tiktok","status":"running"}""");

        var job = await CreateClient().SocialImport.ImportTikTokAsync(cancellationToken: Ct);

        AssertNoBody(await SingleRequestAsync("POST", "social-import/tiktok"));
        Assert.Equal("job_2", job.EffectiveJobId);
    }

    [Fact]
    public async Task Instagram_import_answered_403_is_a_gated_result()
    {
        await StubAsync("POST", "social-import/instagram", 403, """{"error":"Instagram import is gated pending the Meta scope upgrade"}""");

        var result = await CreateClient().SocialImport.ImportInstagramAsync(cancellationToken: Ct);

        AssertNoBody(await SingleRequestAsync("POST", "social-import/instagram"));
        Assert.True(result.IsGated);
        Assert.Equal(HttpStatusCode.Forbidden, result.GatedStatus);
        Assert.Equal("Instagram import is gated pending the Meta scope upgrade", result.Reason);
    }

    [Fact]
    public async Task Instagram_import_when_available_returns_the_job()
    {
        await StubAsync("POST", "social-import/instagram", 202, """{"jobId":"job_3","platform":"instagram","status":"queued"}""");

        var result = await CreateClient().SocialImport.ImportInstagramAsync(cancellationToken: Ct);

        Assert.False(result.IsGated);
        Assert.Equal("job_3", result.Job!.JobId);
    }

    [Fact]
    public async Task Instagram_import_answered_401_still_throws()
    {
        await StubAsync("POST", "social-import/instagram", 401, """{"error":"Missing or invalid API key"}""");

        await Assert.ThrowsAsync<AttentionAuthenticationException>(() => CreateClient().SocialImport.ImportInstagramAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Import_job_status_reads_progress()
    {
        await StubAsync("GET", "social-import/jobs/job_1", 200, """{"jobId":"job_1","status":"completed","imported":12}""");

        var job = await CreateClient().SocialImport.GetJobAsync("job_1", Ct);

        await SingleRequestAsync("GET", "social-import/jobs/job_1");
        Assert.True(job.Status!.Value.IsSucceeded);
        Assert.Equal(12, job.Imported);
    }

    [Fact]
    public async Task Wait_for_import_job_polls_until_finished_and_returns_a_failure_as_a_result()
    {
        await Scope.StubAsync(Stub.Get("api/v1/social-import/jobs/job_1").InScenario("j", newState: "two").RespondsJson(200, """{"jobId":"job_1","status":"queued"}"""), Ct);
        await Scope.StubAsync(Stub.Get("api/v1/social-import/jobs/job_1").InScenario("j", requiredState: "two", newState: "done").RespondsJson(200, """{"jobId":"job_1","status":"running"}"""), Ct);
        await Scope.StubAsync(Stub.Get("api/v1/social-import/jobs/job_1").InScenario("j", requiredState: "done").RespondsJson(200, """{"jobId":"job_1","status":"failed","error":"account disconnected"}"""), Ct);

        var job = await CreateClient().SocialImport.WaitForImportJobFinishedAsync("job_1", cancellationToken: Ct);

        Assert.True(job.Status!.Value.IsFailed);
        Assert.Equal("account disconnected", job.Error);
        Assert.Equal(3, await RequestCountAsync());
    }
}
