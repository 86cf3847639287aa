using Attention.Sandbox;
using AutoPersonas;
using AutoPersonas.Content;
using AutoPersonas.Influencers;

namespace QuickStart;

/// <summary>AutoPersonas: create an influencer, generate a batch of content, approve one item and publish it.</summary>
public static class AutoPersonasTour
{
    public static async Task RunAsync(Progress progress, TourSettings settings, AttentionSandbox? sandbox, CancellationToken cancellationToken)
    {
        progress.Section("AutoPersonas");
        var options = settings.AutoPersonasApiKey is { } key
            ? new AutoPersonasClientOptions { ApiKey = key }
            : sandbox!.CreateAutoPersonasOptions();
        var client = new AutoPersonasClient(options);

        progress.Step("Creating an influencer...");
        var influencer = await client.Influencers.CreateAsync(new InfluencerRequest { Name = "Ava Quickstart", Description = "Coffee, code and city light." }, cancellationToken).ConfigureAwait(false);
        progress.Ok($"Influencer {influencer.Id} (profile {influencer.ProfileId})");

        progress.Step("Generating a batch of 3 posts...");
        var started = await client.Content.GenerateAsync(new GenerateContentRequest { ProfileId = influencer.ProfileId!, Count = 3 }, cancellationToken).ConfigureAwait(false);
        var batch = await client.Batches.WaitForBatchFinishedAsync(started.BatchId ?? started.Id!, cancellationToken: cancellationToken).ConfigureAwait(false);
        progress.Ok($"Batch {batch.EffectiveId} is {batch.Status} with {batch.ContentIds?.Count ?? 0} items");
        if (!batch.Status.IsSucceeded || batch.ContentIds is not { Count: > 0 } items)
        {
            progress.Fail("The batch produced nothing to publish.");
            return;
        }

        var item = await client.Content.GetAsync(items[0], cancellationToken).ConfigureAwait(false);
        progress.Note($"First caption: \"{item.Caption}\"");
        await client.Content.ApproveAsync(item.Id, cancellationToken).ConfigureAwait(false);
        progress.Ok("Approved");

        progress.Step("Publishing...");
        await client.Publishing.PublishAsync(item.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        var published = await client.Publishing.WaitForPublishFinishedAsync(item.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        progress.Ok($"Publish {published.Status}: {published.PostUrl}");
    }
}
