using Attention.Sdk.Http;
using System.Text.Json;
using AttentionFactory.Actions;
using AttentionFactory.Analytics;
using AttentionFactory.Billing;
using AttentionFactory.Branding;
using AttentionFactory.Platforms;
using AttentionFactory.Rentals;
using AttentionFactory.Webhooks;

namespace AttentionFactory;

/// <summary>
/// Builds response models for your unit tests (for example to return from a mocked <see cref="RentalsClient"/>), including the
/// parts the SDK normally fills from the wire (raw JSON, webhook events). Defaults match the docs' examples.
/// </summary>
public static class AttentionFactoryModelFactory
{
    /// <summary>A rental; status defaults to active with a profile when <paramref name="profile"/> is given.</summary>
    public static Rental Rental(
        string id = "4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3",
        RentalStatus? status = null,
        Platform? platform = null,
        string? anonymizedId = null,
        decimal monthlyRate = 99.00m,
        decimal creditsCharged = 99.00m,
        bool autoRenew = true,
        DateTimeOffset? rentalStart = null,
        DateTimeOffset? rentalEnd = null,
        DateTimeOffset? expiresPendingAt = null,
        DateTimeOffset? createdAt = null,
        BrandingFields? brandingPreset = null,
        RentalProfile? profile = null) => new()
        {
            Id = id,
            Status = status ?? RentalStatus.Active,
            Platform = platform ?? Platforms.Platform.Instagram,
            AnonymizedId = anonymizedId ?? ((status ?? RentalStatus.Active) == RentalStatus.Active ? "7c2d9f5b-e48a-4c11-8b3f-91c2e4d8a6b7" : null),
            MonthlyRate = monthlyRate,
            CreditsCharged = creditsCharged,
            AutoRenew = autoRenew,
            RentalStart = rentalStart,
            RentalEnd = rentalEnd,
            ExpiresPendingAt = expiresPendingAt,
            CreatedAt = createdAt ?? new DateTimeOffset(2026, 4, 18, 12, 0, 0, TimeSpan.Zero),
            BrandingPreset = brandingPreset,
            Profile = profile,
        };

    /// <summary>The live profile of an active rental.</summary>
    public static RentalProfile RentalProfile(
        string? username = "launchpad_labs",
        string? displayName = "Launchpad",
        string? avatarUrl = "https://cdn.example.com/avatars/launchpad.jpg",
        long? followerCount = 2340,
        long? followingCount = 180,
        long? postCount = 47) => new()
        {
            Username = username,
            DisplayName = displayName,
            AvatarUrl = avatarUrl,
            FollowerCount = followerCount,
            FollowingCount = followingCount,
            PostCount = postCount,
        };

    /// <summary>An action.</summary>
    public static SocialAction SocialAction(
        string id = "9ab72c01-5d62-4f0b-a8cc-1d4a7b2fc309",
        ActionStatus? status = null,
        ActionType? actionType = null,
        string? rentalId = "4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3",
        Platform? platform = null,
        DateTimeOffset? createdAt = null) => new()
        {
            Id = id,
            Status = status ?? ActionStatus.Queued,
            ActionType = actionType ?? ActionType.PostImage,
            RentalId = rentalId,
            Platform = platform ?? Platforms.Platform.Instagram,
            CreatedAt = createdAt ?? new DateTimeOffset(2026, 4, 19, 12, 5, 0, TimeSpan.Zero),
        };

    /// <summary>Post analytics, with <paramref name="rawJson"/> as the raw body when given.</summary>
    public static PostAnalytics PostAnalytics(string? actionId = null, long? views = null, long? likes = null, long? comments = null, long? shares = null, JsonElement rawJson = default) =>
        WithRaw(new PostAnalytics { ActionId = actionId, Views = views, Likes = likes, Comments = comments, Shares = shares }, rawJson);

    /// <summary>Account analytics, with <paramref name="rawJson"/> as the raw body when given.</summary>
    public static AccountAnalytics AccountAnalytics(string? rentalId = null, long? followers = null, long? following = null, long? postCount = null, decimal? engagementRate = null, JsonElement rawJson = default) =>
        WithRaw(new AccountAnalytics { RentalId = rentalId, Followers = followers, Following = following, PostCount = postCount, EngagementRate = engagementRate }, rawJson);

    /// <summary>Platform capabilities listing the given action types.</summary>
    public static PlatformCapabilities PlatformCapabilities(Platform platform, IEnumerable<ActionType> actionTypes, JsonElement rawJson = default) =>
        WithRaw(new PlatformCapabilities { Platform = platform, Actions = actionTypes.Select(t => new ActionCapability { Type = t }).ToArray() }, rawJson);

    /// <summary>A credit balance.</summary>
    public static CreditBalance CreditBalance(decimal balance, string? currency = null, JsonElement rawJson = default) =>
        WithRaw(new CreditBalance { Balance = balance, Currency = currency }, rawJson);

    /// <summary>A webhook endpoint.</summary>
    public static WebhookEndpoint WebhookEndpoint(string id, string url, IEnumerable<WebhookEventType> events, string? secret = null, JsonElement rawJson = default) =>
        WithRaw(new WebhookEndpoint { Id = id, Url = url, Events = events.ToArray(), Secret = secret }, rawJson);

    /// <summary>A list as a list endpoint returns it.</summary>
    public static ApiList<T> List<T>(IEnumerable<T> items, JsonElement rawJson = default) => new(items.ToArray(), rawJson);

    /// <summary>
    /// A webhook event as <see cref="AttentionFactoryWebhookParser"/> returns it: <see cref="ActionWebhookEvent"/> for <c>action.*</c>,
    /// <see cref="RentalWebhookEvent"/> for <c>rental.*</c> (see <see cref="WebhookEventCatalog"/>), the base type otherwise.
    /// </summary>
    /// <param name="eventType">The event name.</param>
    /// <param name="dataJson">The <c>data</c> object as JSON text.</param>
    /// <param name="timestamp">The envelope timestamp.</param>
    public static WebhookEvent WebhookEvent(WebhookEventType eventType, string dataJson, DateTimeOffset? timestamp = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataJson);
        using var document = JsonDocument.Parse(dataJson);
        var data = document.RootElement;
        return Webhooks.WebhookEvent.Create(eventType, timestamp, data);
    }

    private static T WithRaw<T>(T model, JsonElement rawJson)
        where T : IRawJson
    {
        model.AttachRawJson(rawJson);
        return model;
    }
}
