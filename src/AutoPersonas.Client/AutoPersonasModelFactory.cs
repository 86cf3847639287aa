using Attention.Sdk.Http;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AutoPersonas.Accounts;
using AutoPersonas.Batches;
using AutoPersonas.Collaborations;
using AutoPersonas.Content;
using AutoPersonas.Influencers;
using AutoPersonas.Profiles;
using AutoPersonas.Publishing;
using AutoPersonas.SocialImport;

namespace AutoPersonas;

/// <summary>
/// Builds response models for your unit tests (for example to return from a mocked <see cref="Content.ContentClient"/>), including
/// what the SDK normally fills from the wire (<see cref="AutoPersonasModel.RawJson"/>, extension data). <see cref="FromJson{T}"/> reads any
/// model from JSON exactly as the client does.
/// </summary>
public static class AutoPersonasModelFactory
{
    /// <summary>Reads a model from JSON the way the client reads a response (typed fields, extension data and <see cref="AutoPersonasModel.RawJson"/>).</summary>
    /// <typeparam name="T">A response model type of this package.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="Attention.Sdk.AttentionResponseException">The JSON does not fit the model.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a model of this package.</exception>
    public static T FromJson<T>(string json)
        where T : AutoPersonasModel
    {
        ArgumentNullException.ThrowIfNull(json);
        var type = ApJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new NotSupportedException($"{typeof(T).Name} is not an AutoPersonas model.");
        return ApConnection.Read(AsResponse(json), type);
    }

    /// <summary>Reads a list from JSON the way the client reads a list response (bare array or an object holding one).</summary>
    /// <typeparam name="T">A response model type of this package.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="Attention.Sdk.AttentionResponseException">The JSON does not fit.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a model of this package.</exception>
    public static ApiList<T> ListFromJson<T>(string json)
        where T : AutoPersonasModel
    {
        ArgumentNullException.ThrowIfNull(json);
        var type = ApJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new NotSupportedException($"{typeof(T).Name} is not an AutoPersonas model.");
        return ApConnection.ReadList(AsResponse(json), type, "data");
    }

    /// <summary>A list of items.</summary>
    public static ApiList<T> List<T>(params T[] items) => new(items);

    /// <summary>An influencer.</summary>
    public static Influencer Influencer(string id = "inf_123", string? name = "Mia", string? profileId = "prof_abc123", string? status = "active", DateTimeOffset? createdAt = null) =>
        new() { Id = id, Name = name, ProfileId = profileId, Status = status, CreatedAt = createdAt };

    /// <summary>A content item; status defaults to draft.</summary>
    public static ContentItem ContentItem(
        string id = "cnt_123",
        ContentStatus? status = null,
        string? profileId = "prof_abc123",
        string? batchId = "batch_123",
        string? caption = "Golden hour.",
        string? imageUrl = "https://cdn.example/cnt_123.png",
        string? videoUrl = null,
        string? postUrl = null) =>
        new() { Id = id, Status = status ?? Content.ContentStatus.Draft, ProfileId = profileId, BatchId = batchId, Caption = caption, ImageUrl = imageUrl, VideoUrl = videoUrl, PostUrl = postUrl };

    /// <summary>The answer of a generate call.</summary>
    public static GenerationStarted GenerationStarted(string batchId = "batch_123", int? count = 3, string? status = "processing", IReadOnlyList<string>? contentIds = null) =>
        new() { BatchId = batchId, Count = count, Status = status, ContentIds = contentIds };

    /// <summary>A generation batch; status defaults to completed.</summary>
    public static GenerationBatch GenerationBatch(string id = "batch_123", BatchStatus? status = null, string? profileId = "prof_abc123", int? total = 3, int? completed = 3, IReadOnlyList<string>? contentIds = null, string? error = null) =>
        new() { Id = id, Status = status ?? BatchStatus.Completed, ProfileId = profileId, Total = total, Completed = completed, ContentIds = contentIds, Error = error };

    /// <summary>A publish status; state defaults to published.</summary>
    public static PublishStatus PublishStatus(string contentId = "cnt_123", PublishState? status = null, string? platform = "instagram", string? postUrl = "https://instagram.com/p/abc", DateTimeOffset? publishedAt = null, string? error = null) =>
        new() { ContentId = contentId, Status = status ?? PublishState.Published, Platform = platform, PostUrl = postUrl, PublishedAt = publishedAt, Error = error };

    /// <summary>A social import job; status defaults to completed.</summary>
    public static ImportJob ImportJob(string jobId = "job_123", ImportJobStatus? status = null, string? platform = "x", long? imported = 12, string? error = null) =>
        new() { JobId = jobId, Status = status ?? ImportJobStatus.Completed, Platform = platform, Imported = imported, Error = error };

    /// <summary>A gated Instagram import outcome.</summary>
    public static InstagramImportResult GatedInstagramImport(string reason = "Instagram import is gated pending the Meta scope upgrade", HttpStatusCode status = HttpStatusCode.Forbidden) =>
        new(null, status, reason);

    /// <summary>A managed profile.</summary>
    public static ManagedProfile ManagedProfile(string id = "prof_abc123", string? name = "Main profile") => new() { Id = id, Name = name };

    /// <summary>A connected social account.</summary>
    public static SocialAccount SocialAccount(string id = "acct_123", string? platform = "instagram", string? username = "mia", bool? connected = true) =>
        new() { Id = id, Platform = platform, Username = username, Connected = connected };

    /// <summary>A collaboration.</summary>
    public static Collaboration Collaboration(string id = "collab_123", IReadOnlyList<string>? influencerIds = null, string? prompt = null, string? status = "pending") =>
        new() { Id = id, InfluencerIds = influencerIds ?? ["inf_1", "inf_2"], Prompt = prompt, Status = status };

    private static Attention.Sdk.Http.ApiResponse AsResponse(string json) =>
        new(HttpStatusCode.OK, new Dictionary<string, IReadOnlyList<string>>(), Encoding.UTF8.GetBytes(json));
}
