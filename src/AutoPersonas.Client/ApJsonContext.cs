using System.Text.Json;
using System.Text.Json.Serialization;
using AutoPersonas.Accounts;
using AutoPersonas.Analytics;
using AutoPersonas.Batches;
using AutoPersonas.Characters;
using AutoPersonas.Collaborations;
using AutoPersonas.Config;
using AutoPersonas.Content;
using AutoPersonas.Influencers;
using AutoPersonas.Profiles;
using AutoPersonas.Publishing;
using AutoPersonas.SocialImport;

namespace AutoPersonas;

/// <summary>Source-generated JSON contracts for every AutoPersonas model (no reflection; trimming and AOT safe). Only set fields are written.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(OperationResult))]
[JsonSerializable(typeof(Influencer))]
[JsonSerializable(typeof(InfluencerRequest))]
[JsonSerializable(typeof(SetReferenceImagesRequest))]
[JsonSerializable(typeof(ReferencePack))]
[JsonSerializable(typeof(ContentItem))]
[JsonSerializable(typeof(GenerateContentRequest))]
[JsonSerializable(typeof(GenerationStarted))]
[JsonSerializable(typeof(ContentGenerationOptions))]
[JsonSerializable(typeof(FineTuneCaptionRequest))]
[JsonSerializable(typeof(RejectContentRequest))]
[JsonSerializable(typeof(VideoComparison))]
[JsonSerializable(typeof(GenerationBatch))]
[JsonSerializable(typeof(PublishStatus))]
[JsonSerializable(typeof(PublishRequest))]
[JsonSerializable(typeof(DashboardStats))]
[JsonSerializable(typeof(EngagementChart))]
[JsonSerializable(typeof(PlatformBreakdown))]
[JsonSerializable(typeof(ManagedProfile))]
[JsonSerializable(typeof(DraftContentDirectionsRequest))]
[JsonSerializable(typeof(ContentDirectionsDraft))]
[JsonSerializable(typeof(GenerateCaptionRequest))]
[JsonSerializable(typeof(GeneratedCaption))]
[JsonSerializable(typeof(VoiceStats))]
[JsonSerializable(typeof(MediaItem))]
[JsonSerializable(typeof(SocialAccount))]
[JsonSerializable(typeof(FeatureFlags))]
[JsonSerializable(typeof(PricingTable))]
[JsonSerializable(typeof(AestheticGrade))]
[JsonSerializable(typeof(AnalyzePhotosRequest))]
[JsonSerializable(typeof(PhotoAnalysis))]
[JsonSerializable(typeof(UploadVoiceSamplesRequest))]
[JsonSerializable(typeof(VoiceProfile))]
[JsonSerializable(typeof(GenerateWardrobeRequest))]
[JsonSerializable(typeof(WardrobeGeneration))]
[JsonSerializable(typeof(IngredientsResult))]
[JsonSerializable(typeof(Collaboration))]
[JsonSerializable(typeof(CreateCollaborationRequest))]
[JsonSerializable(typeof(ImportJob))]
[JsonSerializable(typeof(SocialImportRequest))]
internal sealed partial class ApJsonContext : JsonSerializerContext;
