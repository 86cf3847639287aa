using System.Text.Json;
using System.Text.Json.Serialization;

namespace AttentionFactory.Branding;

/// <summary>
/// Branding for a rented account: any subset of bio, display name, avatar, banner and username, plus platform-specific
/// fields (the docs show <c>pronouns</c> and <c>category</c> on Instagram; others go in <see cref="AdditionalFields"/>).
/// Used as the body of <c>POST /v1/rentals/{id}/branding</c>, as the preset of a new rental, and as the stored preset the
/// API returns. Only set fields are sent.
/// </summary>
public sealed class BrandingFields
{
    /// <summary>The profile bio.</summary>
    [JsonPropertyName("bio")]
    public string? Bio { get; init; }

    /// <summary>The display name.</summary>
    [JsonPropertyName("display_name")]
    public string? DisplayName { get; init; }

    /// <summary>The avatar image URL.</summary>
    [JsonPropertyName("avatar_url")]
    public string? AvatarUrl { get; init; }

    /// <summary>The banner image URL (where the platform has one).</summary>
    [JsonPropertyName("banner_url")]
    public string? BannerUrl { get; init; }

    /// <summary>The username (handle).</summary>
    [JsonPropertyName("username")]
    public string? Username { get; init; }

    /// <summary>Pronouns (Instagram).</summary>
    [JsonPropertyName("pronouns")]
    public string? Pronouns { get; init; }

    /// <summary>The profile category (Instagram, for example <c>Artist</c>).</summary>
    [JsonPropertyName("category")]
    public string? Category { get; init; }

    /// <summary>Other platform-specific fields, sent and received as-is (see <see cref="WithField(string, string)"/>).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalFields { get; set; }

    /// <summary>Whether no field is set (the API rejects an empty branding request with 400; the SDK rejects it before sending).</summary>
    [JsonIgnore]
    public bool IsEmpty =>
        Bio is null && DisplayName is null && AvatarUrl is null && BannerUrl is null && Username is null && Pronouns is null && Category is null
        && (AdditionalFields is null || AdditionalFields.Values.All(v => v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined));

    /// <summary>Adds a platform-specific string field the SDK does not model and returns this instance.</summary>
    /// <param name="name">The wire name of the field.</param>
    /// <param name="value">Its value.</param>
    public BrandingFields WithField(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        AdditionalFields ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        AdditionalFields[name] = JsonSerializer.SerializeToElement(value, FactoryJsonContext.Default.String);
        return this;
    }
}
