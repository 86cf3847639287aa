using System.Text.Json;
using System.Text.Json.Serialization;
using AttentionFactory.Actions;
using AttentionFactory.Analytics;
using AttentionFactory.Billing;
using AttentionFactory.Branding;
using AttentionFactory.Platforms;
using AttentionFactory.Rentals;
using AttentionFactory.Warming;
using AttentionFactory.Webhooks;

namespace AttentionFactory;

/// <summary>Source-generated JSON contracts for every Attention Factory model (no reflection; trimming and AOT safe). Only set fields are written.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Platform))]
[JsonSerializable(typeof(NicheCatalog))]
[JsonSerializable(typeof(PlatformCapabilities))]
[JsonSerializable(typeof(Rental))]
[JsonSerializable(typeof(RentalDeletion))]
[JsonSerializable(typeof(CreateRentalRequest))]
[JsonSerializable(typeof(UpdateRentalRequest))]
[JsonSerializable(typeof(RentalMonthsRequest))]
[JsonSerializable(typeof(BrandingFields))]
[JsonSerializable(typeof(BrandingResult))]
[JsonSerializable(typeof(EnrollWarmingRequest))]
[JsonSerializable(typeof(WarmingEnrollment))]
[JsonSerializable(typeof(SubmitActionRequest))]
[JsonSerializable(typeof(PostOptions))]
[JsonSerializable(typeof(SocialAction))]
[JsonSerializable(typeof(ActionCancellation))]
[JsonSerializable(typeof(PostAnalytics))]
[JsonSerializable(typeof(AccountAnalytics))]
[JsonSerializable(typeof(CreditBalance))]
[JsonSerializable(typeof(CreditTransaction))]
[JsonSerializable(typeof(CreateWebhookRequest))]
[JsonSerializable(typeof(WebhookEndpoint))]
[JsonSerializable(typeof(WebhookDelivery))]
internal sealed partial class FactoryJsonContext : JsonSerializerContext;
