using Attention.Sdk;
using AutoPersonas;
using AutoPersonas.Content;
using AutoPersonas.Influencers;
using AutoPersonas.Publishing;
using AutoPersonas.SocialImport;

namespace Attention.Sandbox.Tests;

/// <summary>The emulated AutoPersonas API, driven only through the SDK's AutoPersonasClient.</summary>
public sealed class AutoPersonasSandboxTests : IAsyncLifetime
{
    private AttentionSandbox _sandbox = null!;

    public async ValueTask InitializeAsync() =>
        _sandbox = await AttentionSandbox.StartAsync(new AttentionSandboxOptions { ContentGenerationDelay = TimeSpan.FromMilliseconds(200) });

    public async ValueTask DisposeAsync() => await _sandbox.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Content_pipeline_runs_from_influencer_to_published_post()
    {
        var client = new AutoPersonasClient(_sandbox.CreateAutoPersonasOptions());

        var influencer = await client.Influencers.CreateAsync(new InfluencerRequest { Name = "Ava", Description = "Coffee and code" }, Ct);
        var started = await client.Content.GenerateAsync(new GenerateContentRequest { ProfileId = influencer.ProfileId!, Count = 2 }, Ct);
        var batch = await client.Batches.WaitForBatchFinishedAsync(started.BatchId!, cancellationToken: Ct);
        var contentId = batch.ContentIds![0];
        var approved = await client.Content.ApproveAsync(contentId, Ct);
        await client.Publishing.PublishAsync(contentId, cancellationToken: Ct);
        var published = await client.Publishing.WaitForPublishFinishedAsync(contentId, cancellationToken: Ct);

        Assert.True(batch.Status.IsSucceeded);
        Assert.Equal(2, batch.ContentIds.Count);
        Assert.Equal(ContentStatus.Approved, approved.Status);
        Assert.Equal(PublishState.Published, published.Status);
        Assert.NotNull(published.PostUrl);
    }

    [Fact]
    public async Task Key_without_the_scope_gets_a_permission_error_naming_it()
    {
        var key = _sandbox.CreateAutoPersonasKey("content:read");
        var client = new AutoPersonasClient(_sandbox.CreateAutoPersonasOptions(key));

        var error = await Assert.ThrowsAsync<AttentionPermissionDeniedException>(() =>
            client.Content.GenerateAsync(new GenerateContentRequest { ProfileId = "prof_1" }, Ct));

        Assert.Equal("content:generate", error.RequiredPermission);
        Assert.Contains("content:generate", error.Message);
    }

    [Fact]
    public async Task Instagram_import_is_a_gated_outcome_not_an_exception()
    {
        var client = new AutoPersonasClient(_sandbox.CreateAutoPersonasOptions());

        var result = await client.SocialImport.ImportInstagramAsync(cancellationToken: Ct);

        Assert.True(result.IsGated);
    }

    [Fact]
    public async Task Publishing_unapproved_content_is_a_conflict()
    {
        var client = new AutoPersonasClient(_sandbox.CreateAutoPersonasOptions());
        var started = await client.Content.GenerateAsync(new GenerateContentRequest { ProfileId = "prof_1" }, Ct);
        var batch = await client.Batches.WaitForBatchFinishedAsync(started.BatchId!, cancellationToken: Ct);

        await Assert.ThrowsAsync<AttentionConflictException>(() => client.Publishing.PublishAsync(batch.ContentIds![0], cancellationToken: Ct));
    }
}
