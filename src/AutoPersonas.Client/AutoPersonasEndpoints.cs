using Attention.Sdk.Http;

namespace AutoPersonas;

/// <summary>
/// Every documented AutoPersonas endpoint, stated once: method, route (relative to the base address, ids as <c>{name}</c>) and the
/// scope it needs. The typed methods build their requests from these, the sandbox maps its routes and scope checks from them, and a
/// test holds the docs' endpoint table to them. No endpoint honours <c>Idempotency-Key</c> (the API documents none), so a POST or
/// PATCH is retried only after a 429. Also usable with the escape hatch:
/// <c>client.SendAsync(new ApiRequest(AutoPersonasEndpoints.GetContent).WithPath("id", contentId))</c>.
/// </summary>
public static class AutoPersonasEndpoints
{
    /// <summary><c>GET /influencers</c>, scope <c>character:read</c>: lists all influencers.</summary>
    public static ApiEndpoint ListInfluencers { get; } = Endpoint(HttpMethod.Get, "influencers", AutoPersonasScope.CharacterRead);

    /// <summary><c>GET /influencers/:id</c>, scope <c>character:read</c>: gets an influencer by id.</summary>
    public static ApiEndpoint GetInfluencer { get; } = Endpoint(HttpMethod.Get, "influencers/{id}", AutoPersonasScope.CharacterRead);

    /// <summary><c>POST /influencers</c>, scope <c>character:write</c>: creates an influencer.</summary>
    public static ApiEndpoint CreateInfluencer { get; } = Endpoint(HttpMethod.Post, "influencers", AutoPersonasScope.CharacterWrite);

    /// <summary><c>PUT /influencers/:id</c>, scope <c>character:write</c>: updates an influencer.</summary>
    public static ApiEndpoint UpdateInfluencer { get; } = Endpoint(HttpMethod.Put, "influencers/{id}", AutoPersonasScope.CharacterWrite);

    /// <summary><c>DELETE /influencers/:id</c>, scope <c>character:write</c>: deletes an influencer.</summary>
    public static ApiEndpoint DeleteInfluencer { get; } = Endpoint(HttpMethod.Delete, "influencers/{id}", AutoPersonasScope.CharacterWrite);

    /// <summary><c>POST /influencers/:id/references</c>, scope <c>character:write</c>: sets an influencer's reference images.</summary>
    public static ApiEndpoint SetReferenceImages { get; } = Endpoint(HttpMethod.Post, "influencers/{id}/references", AutoPersonasScope.CharacterWrite);

    /// <summary><c>POST /influencers/:id/generate-references</c>, scope <c>character:write</c>: generates an influencer's 4-view reference pack.</summary>
    public static ApiEndpoint GenerateReferencePack { get; } = Endpoint(HttpMethod.Post, "influencers/{id}/generate-references", AutoPersonasScope.CharacterWrite);

    /// <summary><c>GET /content</c>, scope <c>content:read</c>: lists content items.</summary>
    public static ApiEndpoint ListContent { get; } = Endpoint(HttpMethod.Get, "content", AutoPersonasScope.ContentRead);

    /// <summary><c>GET /content/:id</c>, scope <c>content:read</c>: gets a content item.</summary>
    public static ApiEndpoint GetContent { get; } = Endpoint(HttpMethod.Get, "content/{id}", AutoPersonasScope.ContentRead);

    /// <summary><c>POST /content/generate</c>, scope <c>content:generate</c>: generates a content batch.</summary>
    public static ApiEndpoint GenerateContent { get; } = Endpoint(HttpMethod.Post, "content/generate", AutoPersonasScope.ContentGenerate);

    /// <summary><c>POST /content/:id/regenerate</c>, scope <c>content:generate</c>: regenerates a content item.</summary>
    public static ApiEndpoint RegenerateContent { get; } = Endpoint(HttpMethod.Post, "content/{id}/regenerate", AutoPersonasScope.ContentGenerate);

    /// <summary><c>POST /content/:id/video</c>, scope <c>content:generate</c>: generates a video for a content item.</summary>
    public static ApiEndpoint GenerateVideo { get; } = Endpoint(HttpMethod.Post, "content/{id}/video", AutoPersonasScope.ContentGenerate);

    /// <summary><c>POST /content/:id/approve</c>, scope <c>content:write</c>: approves a content item for publishing.</summary>
    public static ApiEndpoint ApproveContent { get; } = Endpoint(HttpMethod.Post, "content/{id}/approve", AutoPersonasScope.ContentWrite);

    /// <summary><c>POST /content/:id/reject</c>, scope <c>content:write</c>: rejects a content item.</summary>
    public static ApiEndpoint RejectContent { get; } = Endpoint(HttpMethod.Post, "content/{id}/reject", AutoPersonasScope.ContentWrite);

    /// <summary><c>POST /content/:id/fine-tune-caption</c>, scope <c>content:write</c>: regenerates a content item's caption only, image untouched.</summary>
    public static ApiEndpoint FineTuneCaption { get; } = Endpoint(HttpMethod.Post, "content/{id}/fine-tune-caption", AutoPersonasScope.ContentWrite);

    /// <summary><c>POST /content/:id/video-comparison</c>, scope <c>content:generate</c>: generates video variants of a content item for A/B comparison.</summary>
    public static ApiEndpoint GenerateVideoComparison { get; } = Endpoint(HttpMethod.Post, "content/{id}/video-comparison", AutoPersonasScope.ContentGenerate);

    /// <summary><c>POST /content/:id/publish</c>, scope <c>publishing:write</c>: publishes a content item.</summary>
    public static ApiEndpoint PublishContent { get; } = Endpoint(HttpMethod.Post, "content/{id}/publish", AutoPersonasScope.PublishingWrite);

    /// <summary><c>GET /content/:id/publish/status</c>, scope <c>publishing:write</c>: gets a content item's publish status.</summary>
    public static ApiEndpoint GetPublishStatus { get; } = Endpoint(HttpMethod.Get, "content/{id}/publish/status", AutoPersonasScope.PublishingWrite);

    /// <summary><c>POST /content/:id/publish/retry</c>, scope <c>publishing:write</c>: retries a failed publish.</summary>
    public static ApiEndpoint RetryPublish { get; } = Endpoint(HttpMethod.Post, "content/{id}/publish/retry", AutoPersonasScope.PublishingWrite);

    /// <summary><c>POST /content/:id/unpublish</c>, scope <c>publishing:write</c>: cancels a scheduled publish or pulls a published item.</summary>
    public static ApiEndpoint UnpublishContent { get; } = Endpoint(HttpMethod.Post, "content/{id}/unpublish", AutoPersonasScope.PublishingWrite);

    /// <summary><c>GET /batches/:id</c>, scope <c>content:read</c>: gets a generation batch's status.</summary>
    public static ApiEndpoint GetBatch { get; } = Endpoint(HttpMethod.Get, "batches/{id}", AutoPersonasScope.ContentRead);

    /// <summary><c>GET /analytics/stats</c>, scope <c>analytics:read</c>: gets the dashboard stats.</summary>
    public static ApiEndpoint GetAnalyticsStats { get; } = Endpoint(HttpMethod.Get, "analytics/stats", AutoPersonasScope.AnalyticsRead);

    /// <summary><c>GET /analytics/engagement</c>, scope <c>analytics:read</c>: gets the engagement chart data.</summary>
    public static ApiEndpoint GetEngagement { get; } = Endpoint(HttpMethod.Get, "analytics/engagement", AutoPersonasScope.AnalyticsRead);

    /// <summary><c>GET /analytics/top-content</c>, scope <c>analytics:read</c>: lists the top performing content.</summary>
    public static ApiEndpoint ListTopContent { get; } = Endpoint(HttpMethod.Get, "analytics/top-content", AutoPersonasScope.AnalyticsRead);

    /// <summary><c>GET /analytics/platforms</c>, scope <c>analytics:read</c>: gets the per-platform breakdown.</summary>
    public static ApiEndpoint ListPlatforms { get; } = Endpoint(HttpMethod.Get, "analytics/platforms", AutoPersonasScope.AnalyticsRead);

    /// <summary><c>GET /profiles</c>, scope <c>profile:read</c>: lists managed profiles.</summary>
    public static ApiEndpoint ListProfiles { get; } = Endpoint(HttpMethod.Get, "profiles", AutoPersonasScope.ProfileRead);

    /// <summary><c>POST /profiles/:profileId/content-directions/draft</c>, scope <c>content:generate</c>: drafts content directions for a profile from a freeform prompt.</summary>
    public static ApiEndpoint DraftContentDirections { get; } = Endpoint(HttpMethod.Post, "profiles/{profileId}/content-directions/draft", AutoPersonasScope.ContentGenerate);

    /// <summary><c>POST /profiles/:profileId/generate-caption</c>, scope <c>content:generate</c>: generates a voice-grounded caption for a managed profile.</summary>
    public static ApiEndpoint GenerateCaption { get; } = Endpoint(HttpMethod.Post, "profiles/{profileId}/generate-caption", AutoPersonasScope.ContentGenerate);

    /// <summary><c>GET /profiles/:profileId/voice-stats</c>, scope <c>content:read</c>: gets a profile's voice corpus stats.</summary>
    public static ApiEndpoint GetVoiceStats { get; } = Endpoint(HttpMethod.Get, "profiles/{profileId}/voice-stats", AutoPersonasScope.ContentRead);

    /// <summary><c>GET /profiles/:profileId/media-library</c>, scope <c>content:read</c>: lists a profile's imported media.</summary>
    public static ApiEndpoint ListMediaLibrary { get; } = Endpoint(HttpMethod.Get, "profiles/{profileId}/media-library", AutoPersonasScope.ContentRead);

    /// <summary><c>GET /accounts</c>, scope <c>profile:read</c>: lists connected social accounts.</summary>
    public static ApiEndpoint ListAccounts { get; } = Endpoint(HttpMethod.Get, "accounts", AutoPersonasScope.ProfileRead);

    /// <summary><c>GET /config/features</c>, scope <c>character:read</c>: gets the feature-flag map.</summary>
    public static ApiEndpoint GetFeatures { get; } = Endpoint(HttpMethod.Get, "config/features", AutoPersonasScope.CharacterRead);

    /// <summary><c>GET /config/pricing</c>, scope <c>character:read</c>: gets the published rate table.</summary>
    public static ApiEndpoint GetPricing { get; } = Endpoint(HttpMethod.Get, "config/pricing", AutoPersonasScope.CharacterRead);

    /// <summary><c>GET /config/aesthetic-grades</c>, scope <c>character:read</c>: lists the aesthetic grade presets.</summary>
    public static ApiEndpoint ListAestheticGrades { get; } = Endpoint(HttpMethod.Get, "config/aesthetic-grades", AutoPersonasScope.CharacterRead);

    /// <summary><c>POST /characters/analyze-photos</c>, scope <c>character:write</c>: analyzes uploaded photos and extracts a base prompt and wardrobe.</summary>
    public static ApiEndpoint AnalyzePhotos { get; } = Endpoint(HttpMethod.Post, "characters/analyze-photos", AutoPersonasScope.CharacterWrite);

    /// <summary><c>POST /characters/:id/voice-samples</c>, scope <c>character:write</c>: uploads voice sample audio for cloning.</summary>
    public static ApiEndpoint UploadVoiceSamples { get; } = Endpoint(HttpMethod.Post, "characters/{id}/voice-samples", AutoPersonasScope.CharacterWrite);

    /// <summary><c>DELETE /characters/:id/voice-samples/:audioUrl</c>, scope <c>character:write</c>: removes a voice sample.</summary>
    public static ApiEndpoint DeleteVoiceSample { get; } = Endpoint(HttpMethod.Delete, "characters/{id}/voice-samples/{audioUrl}", AutoPersonasScope.CharacterWrite);

    /// <summary><c>GET /characters/:id/voice-profile</c>, scope <c>character:read</c>: gets a character's voice profile (samples and clone status).</summary>
    public static ApiEndpoint GetVoiceProfile { get; } = Endpoint(HttpMethod.Get, "characters/{id}/voice-profile", AutoPersonasScope.CharacterRead);

    /// <summary><c>POST /characters/:id/wardrobe/generate</c>, scope <c>character:write</c>: generates wardrobe items from a character's base prompt.</summary>
    public static ApiEndpoint GenerateWardrobe { get; } = Endpoint(HttpMethod.Post, "characters/{id}/wardrobe/generate", AutoPersonasScope.CharacterWrite);

    /// <summary><c>PATCH /characters/:id/ingredients</c>, scope <c>character:write</c>: patches a character's ingredient library fields without overwriting siblings.</summary>
    public static ApiEndpoint PatchIngredients { get; } = Endpoint(HttpMethod.Patch, "characters/{id}/ingredients", AutoPersonasScope.CharacterWrite);

    /// <summary><c>POST /collaborations</c>, scope <c>character:write</c>: creates a multi-character collaboration.</summary>
    public static ApiEndpoint CreateCollaboration { get; } = Endpoint(HttpMethod.Post, "collaborations", AutoPersonasScope.CharacterWrite);

    /// <summary><c>GET /collaborations</c>, scope <c>character:read</c>: lists collaborations.</summary>
    public static ApiEndpoint ListCollaborations { get; } = Endpoint(HttpMethod.Get, "collaborations", AutoPersonasScope.CharacterRead);

    /// <summary><c>POST /social-import/x</c>, scope <c>content:write</c>: imports historical posts from the connected X account.</summary>
    public static ApiEndpoint ImportX { get; } = Endpoint(HttpMethod.Post, "social-import/x", AutoPersonasScope.ContentWrite);

    /// <summary><c>POST /social-import/tiktok</c>, scope <c>content:write</c>: imports historical videos from the connected TikTok account.</summary>
    public static ApiEndpoint ImportTikTok { get; } = Endpoint(HttpMethod.Post, "social-import/tiktok", AutoPersonasScope.ContentWrite);

    /// <summary><c>POST /social-import/instagram</c>, scope <c>content:write</c>: starts the Instagram import (gated, pending a Meta scope upgrade).</summary>
    public static ApiEndpoint ImportInstagram { get; } = Endpoint(HttpMethod.Post, "social-import/instagram", AutoPersonasScope.ContentWrite);

    /// <summary><c>GET /social-import/jobs/:jobId</c>, scope <c>content:read</c>: gets an import job's status.</summary>
    public static ApiEndpoint GetImportJob { get; } = Endpoint(HttpMethod.Get, "social-import/jobs/{jobId}", AutoPersonasScope.ContentRead);

    /// <summary>Every endpoint above, in the order of the docs' endpoint table.</summary>
    public static IReadOnlyList<ApiEndpoint> All { get; } =
    [
        ListInfluencers, GetInfluencer, CreateInfluencer, UpdateInfluencer, DeleteInfluencer, SetReferenceImages, GenerateReferencePack,
        ListContent, GetContent, GenerateContent, RegenerateContent, GenerateVideo, ApproveContent, RejectContent, FineTuneCaption,
        GenerateVideoComparison, PublishContent, GetPublishStatus, RetryPublish, UnpublishContent, GetBatch, GetAnalyticsStats,
        GetEngagement, ListTopContent, ListPlatforms, ListProfiles, DraftContentDirections, GenerateCaption, GetVoiceStats,
        ListMediaLibrary, ListAccounts, GetFeatures, GetPricing, ListAestheticGrades, AnalyzePhotos, UploadVoiceSamples, DeleteVoiceSample,
        GetVoiceProfile, GenerateWardrobe, PatchIngredients, CreateCollaboration, ListCollaborations, ImportX, ImportTikTok,
        ImportInstagram, GetImportJob,
    ];

    // The scope is taken from AutoPersonasScope so its text is written once; AutoPersonas documents no idempotent endpoint.
    private static ApiEndpoint Endpoint(HttpMethod method, string route, AutoPersonasScope scope) =>
        new(method, route, scope.Value, honoursIdempotencyKey: false);
}
