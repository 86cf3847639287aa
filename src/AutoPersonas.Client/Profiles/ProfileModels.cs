using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoPersonas.Profiles;

/// <summary>A managed profile (<c>GET /profiles</c>).</summary>
public sealed class ManagedProfile : AutoPersonasModel
{
    /// <summary>The profile id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The profile name, when sent.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>When the profile was created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }
}

/// <summary>The body of <c>POST /profiles/:profileId/content-directions/draft</c>: the freeform prompt.</summary>
public sealed class DraftContentDirectionsRequest : AutoPersonasRequest
{
    /// <summary>The freeform prompt (required).</summary>
    [JsonPropertyName("prompt")]
    public required string Prompt { get; set; }
}

/// <summary>Drafted content directions.</summary>
public sealed class ContentDirectionsDraft : AutoPersonasModel
{
    /// <summary>The profile id.</summary>
    [JsonPropertyName("profileId")]
    public string? ProfileId { get; init; }

    /// <summary>The drafted directions, when sent.</summary>
    [JsonPropertyName("directions")]
    public IReadOnlyList<ContentDirection>? Directions { get; init; }
}

/// <summary>One drafted content direction.</summary>
public sealed class ContentDirection : AutoPersonasModel
{
    /// <summary>The title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }
}

/// <summary>The body of <c>POST /profiles/:profileId/generate-caption</c>: the image to caption.</summary>
public sealed class GenerateCaptionRequest : AutoPersonasRequest
{
    /// <summary>The image URL (required).</summary>
    [JsonPropertyName("imageUrl")]
    public required string ImageUrl { get; set; }
}

/// <summary>A voice-grounded caption for a managed profile.</summary>
public sealed class GeneratedCaption : AutoPersonasModel
{
    /// <summary>The profile id.</summary>
    [JsonPropertyName("profileId")]
    public string? ProfileId { get; init; }

    /// <summary>The caption.</summary>
    [JsonPropertyName("caption")]
    public string? Caption { get; init; }

    /// <summary>The image URL captioned.</summary>
    [JsonPropertyName("imageUrl")]
    public string? ImageUrl { get; init; }
}

/// <summary>Voice corpus stats: the sample count and recent samples (<c>GET /profiles/:profileId/voice-stats</c>).</summary>
public sealed class VoiceStats : AutoPersonasModel
{
    /// <summary>The profile id.</summary>
    [JsonPropertyName("profileId")]
    public string? ProfileId { get; init; }

    /// <summary>How many samples the corpus holds.</summary>
    [JsonPropertyName("count")]
    public long? Count { get; init; }

    /// <summary>Recent samples as sent (texts or objects; their shape is not documented).</summary>
    [JsonPropertyName("recentSamples")]
    public IReadOnlyList<JsonElement>? RecentSamples { get; init; }
}

/// <summary>An imported media item of a profile (<c>GET /profiles/:profileId/media-library</c>).</summary>
public sealed class MediaItem : AutoPersonasModel
{
    /// <summary>The media id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The profile id.</summary>
    [JsonPropertyName("profileId")]
    public string? ProfileId { get; init; }

    /// <summary>The media URL.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The media type (for example <c>image</c> or <c>video</c>).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>When it was imported or created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }
}
