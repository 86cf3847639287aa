using System.Text.Json.Serialization;

namespace AutoPersonas.Influencers;

/// <summary>An AI influencer (a character). Fields beyond these stay in <see cref="AutoPersonasModel.AdditionalProperties"/>.</summary>
public sealed class Influencer : AutoPersonasModel
{
    /// <summary>The influencer id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The display name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The profile the influencer belongs to, when the server says.</summary>
    [JsonPropertyName("profileId")]
    public string? ProfileId { get; init; }

    /// <summary>A free-text description, when set.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The influencer's status as the server sends it (for example <c>active</c>).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The reference image URLs, when set.</summary>
    [JsonPropertyName("referenceImages")]
    public IReadOnlyList<string>? ReferenceImages { get; init; }

    /// <summary>When the influencer was created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the influencer was last updated.</summary>
    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; init; }
}

/// <summary>
/// The body of <c>POST /influencers</c> and <c>PUT /influencers/:id</c>. The schema is not in the public docs: <see cref="Name"/>,
/// <see cref="ProfileId"/> and <see cref="Description"/> are typed; put any other field in <see cref="AutoPersonasRequest.AdditionalProperties"/>
/// (or the <c>With</c> methods). Only set fields are sent.
/// </summary>
public sealed class InfluencerRequest : AutoPersonasRequest
{
    /// <summary>The display name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The profile the influencer belongs to.</summary>
    [JsonPropertyName("profileId")]
    public string? ProfileId { get; set; }

    /// <summary>A free-text description (persona, niche, tone).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }
}

/// <summary>The body of <c>POST /influencers/:id/references</c>: the reference image URLs.</summary>
public sealed class SetReferenceImagesRequest : AutoPersonasRequest
{
    /// <summary>The image URLs (at least one).</summary>
    [JsonPropertyName("imageUrls")]
    public required IReadOnlyList<string> ImageUrls { get; set; }
}

/// <summary>The answer of <c>POST /influencers/:id/generate-references</c>: a 4-view reference pack (front, left, right, back), possibly still generating.</summary>
public sealed class ReferencePack : AutoPersonasModel
{
    /// <summary>The influencer id.</summary>
    [JsonPropertyName("influencerId")]
    public string? InfluencerId { get; init; }

    /// <summary>The generation status as the server sends it.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The generated views, when ready.</summary>
    [JsonPropertyName("images")]
    public IReadOnlyList<ReferenceView>? Images { get; init; }
}

/// <summary>One view of a reference pack.</summary>
public sealed class ReferenceView : AutoPersonasModel
{
    /// <summary>The view (for example <c>front</c>).</summary>
    [JsonPropertyName("view")]
    public string? View { get; init; }

    /// <summary>The image URL.</summary>
    [JsonPropertyName("imageUrl")]
    public string? ImageUrl { get; init; }
}
