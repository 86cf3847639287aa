using Attention.Sandbox.Hosting;
using Attention.Sdk.Http;
using AutoPersonas;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Attention.Sandbox.AutoPersonas;

/// <summary>
/// The routes: every endpoint of the SDK's catalog (<see cref="AutoPersonasEndpoints"/>) with its handler. Method, path and scope
/// come from the catalog, so the emulator serves exactly what the SDK calls and the docs list, and cannot fall behind either.
/// </summary>
internal sealed partial class AutoPersonasEmulator
{
    public void Map(IEndpointRouteBuilder routes) =>
        CatalogRoutes.Map(routes, "AutoPersonas", BasePath, AutoPersonasEndpoints.All, Handlers(), (endpoint, handler) =>
        {
            var scope = endpoint.RequiredPermission
                ?? throw new InvalidOperationException($"The AutoPersonas endpoint {endpoint} names no scope; every AutoPersonas endpoint needs one.");
            return context => HandleAsync(context, endpoint, scope, handler);
        });

    /// <summary>One handler per catalogued endpoint; a second handler for an endpoint fails here (duplicate key).</summary>
    private Dictionary<ApiEndpoint, Handler> Handlers() => new()
    {
        [AutoPersonasEndpoints.ListInfluencers] = ListInfluencers,
        [AutoPersonasEndpoints.GetInfluencer] = GetInfluencer,
        [AutoPersonasEndpoints.CreateInfluencer] = CreateInfluencer,
        [AutoPersonasEndpoints.UpdateInfluencer] = UpdateInfluencer,
        [AutoPersonasEndpoints.DeleteInfluencer] = DeleteInfluencer,
        [AutoPersonasEndpoints.SetReferenceImages] = SetReferences,
        [AutoPersonasEndpoints.GenerateReferencePack] = GenerateReferences,
        [AutoPersonasEndpoints.ListContent] = ListContent,
        [AutoPersonasEndpoints.GetContent] = GetContent,
        [AutoPersonasEndpoints.GenerateContent] = GenerateContent,
        [AutoPersonasEndpoints.RegenerateContent] = RegenerateContent,
        [AutoPersonasEndpoints.GenerateVideo] = GenerateVideo,
        [AutoPersonasEndpoints.ApproveContent] = c => SetContentStatus(c, "approved", ["draft", "rejected"]),
        [AutoPersonasEndpoints.RejectContent] = c => SetContentStatus(c, "rejected", ["draft", "approved"]),
        [AutoPersonasEndpoints.FineTuneCaption] = FineTuneCaption,
        [AutoPersonasEndpoints.GenerateVideoComparison] = VideoComparison,
        [AutoPersonasEndpoints.PublishContent] = Publish,
        [AutoPersonasEndpoints.GetPublishStatus] = PublishStatus,
        [AutoPersonasEndpoints.RetryPublish] = RetryPublish,
        [AutoPersonasEndpoints.UnpublishContent] = Unpublish,
        [AutoPersonasEndpoints.GetBatch] = GetBatch,
        [AutoPersonasEndpoints.GetAnalyticsStats] = Stats,
        [AutoPersonasEndpoints.GetEngagement] = Engagement,
        [AutoPersonasEndpoints.ListTopContent] = TopContent,
        [AutoPersonasEndpoints.ListPlatforms] = PlatformBreakdown,
        [AutoPersonasEndpoints.ListProfiles] = ListProfiles,
        [AutoPersonasEndpoints.DraftContentDirections] = DraftDirections,
        [AutoPersonasEndpoints.GenerateCaption] = GenerateCaption,
        [AutoPersonasEndpoints.GetVoiceStats] = VoiceStats,
        [AutoPersonasEndpoints.ListMediaLibrary] = MediaLibrary,
        [AutoPersonasEndpoints.ListAccounts] = ListAccounts,
        [AutoPersonasEndpoints.GetFeatures] = Features,
        [AutoPersonasEndpoints.GetPricing] = Pricing,
        [AutoPersonasEndpoints.ListAestheticGrades] = AestheticGrades,
        [AutoPersonasEndpoints.AnalyzePhotos] = AnalyzePhotos,
        [AutoPersonasEndpoints.UploadVoiceSamples] = UploadVoiceSamples,
        [AutoPersonasEndpoints.DeleteVoiceSample] = DeleteVoiceSample,
        [AutoPersonasEndpoints.GetVoiceProfile] = VoiceProfile,
        [AutoPersonasEndpoints.GenerateWardrobe] = GenerateWardrobe,
        [AutoPersonasEndpoints.PatchIngredients] = PatchIngredients,
        [AutoPersonasEndpoints.CreateCollaboration] = CreateCollaboration,
        [AutoPersonasEndpoints.ListCollaborations] = ListCollaborations,
        [AutoPersonasEndpoints.ImportX] = c => StartImport(c, "x"),
        [AutoPersonasEndpoints.ImportTikTok] = c => StartImport(c, "tiktok"),
        [AutoPersonasEndpoints.ImportInstagram] = _ => Error(403, "Instagram import is gated pending the Meta scope upgrade"),
        [AutoPersonasEndpoints.GetImportJob] = GetImportJob,
    };
}
