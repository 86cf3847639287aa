using System.Text.Json;
using System.Text.Json.Serialization;
using Attention.Sdk.Json;
using AttentionFactory.Branding;
using AttentionFactory.Platforms;

namespace AttentionFactory.Rentals;

/// <summary>A rented social account: its window, price, status and (on active rentals, from <c>GET /v1/rentals/{id}</c>) the live profile.</summary>
public sealed class Rental
{
    /// <summary>The rental id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The account's anonymized id; null until the rental is active. Stays the same across renewals.</summary>
    [JsonPropertyName("anonymized_id")]
    public string? AnonymizedId { get; init; }

    /// <summary>The platform of the account.</summary>
    [JsonPropertyName("platform")]
    public required Platform Platform { get; init; }

    /// <summary>When the rental window started; null before activation.</summary>
    [JsonPropertyName("rental_start")]
    public DateTimeOffset? RentalStart { get; init; }

    /// <summary>When the rental window ends; null before activation.</summary>
    [JsonPropertyName("rental_end")]
    public DateTimeOffset? RentalEnd { get; init; }

    /// <summary>The monthly rate in credits (sent as a string such as <c>"99.00"</c>).</summary>
    [JsonPropertyName("monthly_rate")]
    [JsonConverter(typeof(FlexibleDecimalConverter))]
    public required decimal MonthlyRate { get; init; }

    /// <summary>The credits charged upfront for the whole rental.</summary>
    [JsonPropertyName("credits_charged")]
    [JsonConverter(typeof(FlexibleDecimalConverter))]
    public required decimal CreditsCharged { get; init; }

    /// <summary>Whether the rental renews automatically when the window closes.</summary>
    [JsonPropertyName("auto_renew")]
    public bool AutoRenew { get; init; }

    /// <summary>The rental's status.</summary>
    [JsonPropertyName("status")]
    public required RentalStatus Status { get; init; }

    /// <summary>While warming: when the rental auto-refunds if warming has not completed.</summary>
    [JsonPropertyName("expires_pending_at")]
    public DateTimeOffset? ExpiresPendingAt { get; init; }

    /// <summary>The branding preset stored for activation, if any.</summary>
    [JsonPropertyName("branding_preset")]
    public BrandingFields? BrandingPreset { get; init; }

    /// <summary>When the rental was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// The live account profile. Null before activation, on terminal statuses, on a transient fetch failure, and always on
    /// <c>GET /v1/rentals</c> (list): fetch each rental individually for profile data.
    /// </summary>
    [JsonPropertyName("profile")]
    public RentalProfile? Profile { get; init; }

    /// <summary>Fields the SDK does not model, kept as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A short description for logs.</summary>
    public override string ToString() => $"Rental {Id} ({Platform}, {Status})";
}

/// <summary>The live profile of an active rental's account. Counts are null when the platform does not supply them.</summary>
public sealed class RentalProfile
{
    /// <summary>The account's real username.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; init; }

    /// <summary>The display name.</summary>
    [JsonPropertyName("display_name")]
    public string? DisplayName { get; init; }

    /// <summary>The avatar image URL.</summary>
    [JsonPropertyName("avatar_url")]
    public string? AvatarUrl { get; init; }

    /// <summary>Followers, when the platform supplies it.</summary>
    [JsonPropertyName("follower_count")]
    public long? FollowerCount { get; init; }

    /// <summary>Accounts followed, when the platform supplies it.</summary>
    [JsonPropertyName("following_count")]
    public long? FollowingCount { get; init; }

    /// <summary>Posts, when the platform supplies it.</summary>
    [JsonPropertyName("post_count")]
    public long? PostCount { get; init; }

    /// <summary>Fields the SDK does not model, kept as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The answer of <c>DELETE /v1/rentals/{id}</c> (release early or cancel while pending). The docs do not show it: the SDK reads the usual rental fields when present and keeps the raw JSON.</summary>
public sealed class RentalDeletion : IRawJson
{
    /// <summary>The rental id, when the server echoes it.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The rental's new status (<c>released</c> or <c>cancelled</c>), when the server sends it.</summary>
    [JsonPropertyName("status")]
    public RentalStatus? Status { get; init; }

    /// <summary>Fields the SDK does not model, kept as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The whole response body as the server sent it (undefined when the server sent no body).</summary>
    [JsonIgnore]
    public JsonElement RawJson { get; private set; }

    void IRawJson.AttachRawJson(JsonElement raw) => RawJson = raw;
}
