using Attention.Sdk.Http;
using System.Text.Json.Serialization;

namespace AutoPersonas.Content;

/// <summary>A generated content item (image, caption, optional video) and its review and publish state.</summary>
public sealed class ContentItem : AutoPersonasModel
{
    /// <summary>The content item id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The profile it was generated for.</summary>
    [JsonPropertyName("profileId")]
    public string? ProfileId { get; init; }

    /// <summary>The influencer it features, when the server says.</summary>
    [JsonPropertyName("influencerId")]
    public string? InfluencerId { get; init; }

    /// <summary>The generation batch it came from.</summary>
    [JsonPropertyName("batchId")]
    public string? BatchId { get; init; }

    /// <summary>The review status.</summary>
    [JsonPropertyName("status")]
    public ContentStatus? Status { get; init; }

    /// <summary>The caption.</summary>
    [JsonPropertyName("caption")]
    public string? Caption { get; init; }

    /// <summary>The image URL.</summary>
    [JsonPropertyName("imageUrl")]
    public string? ImageUrl { get; init; }

    /// <summary>The video URL, once a video was generated.</summary>
    [JsonPropertyName("videoUrl")]
    public string? VideoUrl { get; init; }

    /// <summary>The publish status as the server sends it, once published or scheduled.</summary>
    [JsonPropertyName("publishStatus")]
    public string? PublishStatus { get; init; }

    /// <summary>The live post URL, once published.</summary>
    [JsonPropertyName("postUrl")]
    public string? PostUrl { get; init; }

    /// <summary>When the item was created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the item was published.</summary>
    [JsonPropertyName("publishedAt")]
    public DateTimeOffset? PublishedAt { get; init; }
}

/// <summary>Filters for <c>GET /content</c> (the query names are not in the public docs; unset filters are not sent).</summary>
public sealed class ContentListQuery
{
    /// <summary>Only items in this status (<c>?status=</c>).</summary>
    public ContentStatus? Status { get; set; }

    /// <summary>Only items of this profile (<c>?profileId=</c>).</summary>
    public string? ProfileId { get; set; }

    /// <summary>Only items of this influencer (<c>?influencerId=</c>).</summary>
    public string? InfluencerId { get; set; }

    /// <summary>At most this many items (<c>?limit=</c>).</summary>
    public int? Limit { get; set; }

    /// <summary>Other query parameters, sent as given (for example a paging cursor from <see cref="ApiList{T}.RawJson"/>).</summary>
    public IDictionary<string, string>? AdditionalParameters { get; set; }
}

/// <summary>
/// The body of <c>POST /content/generate</c>. The docs name <see cref="ProfileId"/> and <see cref="Count"/>; put other fields in
/// <see cref="AutoPersonasRequest.AdditionalProperties"/>. Only set fields are sent.
/// </summary>
public sealed class GenerateContentRequest : AutoPersonasRequest
{
    /// <summary>The profile to generate for (required).</summary>
    [JsonPropertyName("profileId")]
    public required string ProfileId { get; set; }

    /// <summary>How many items to generate (at least 1); the server's default when null.</summary>
    [JsonPropertyName("count")]
    public int? Count { get; set; }

    /// <summary>An optional creative direction.</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> when the profile id is empty or the count is below 1.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ProfileId))
        {
            throw new ArgumentException($"{nameof(ProfileId)} is required.", nameof(ProfileId));
        }

        if (Count is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Count), Count, $"{nameof(Count)} must be at least 1.");
        }
    }
}

/// <summary>The answer of <c>POST /content/generate</c>: the batch to follow (see <see cref="Batches.BatchesClient.WaitForBatchFinishedAsync"/>).</summary>
public sealed class GenerationStarted : AutoPersonasModel
{
    /// <summary>The generation batch id (read from <c>batchId</c>, or <c>id</c> when the server sends only that).</summary>
    [JsonPropertyName("batchId")]
    public string? BatchId { get; init; }

    /// <summary>The batch id when the server calls it <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The batch status at creation.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>How many items are being generated.</summary>
    [JsonPropertyName("count")]
    public int? Count { get; init; }

    /// <summary>The ids of the items being generated, when sent.</summary>
    [JsonPropertyName("contentIds")]
    public IReadOnlyList<string>? ContentIds { get; init; }

    /// <summary>The batch id, whichever name the server used; null when it sent none.</summary>
    [JsonIgnore]
    public string? EffectiveBatchId => BatchId ?? Id;
}

/// <summary>An optional body for regenerate, video and video-comparison calls: a direction for the model, plus any other field.</summary>
public sealed class ContentGenerationOptions : AutoPersonasRequest
{
    /// <summary>An optional creative direction.</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; set; }
}

/// <summary>The body of <c>POST /content/:id/fine-tune-caption</c>: how to change the caption (the image is untouched).</summary>
public sealed class FineTuneCaptionRequest : AutoPersonasRequest
{
    /// <summary>The instruction (for example "shorter, add a question").</summary>
    [JsonPropertyName("instruction")]
    public string? Instruction { get; set; }
}

/// <summary>The optional body of <c>POST /content/:id/reject</c>.</summary>
public sealed class RejectContentRequest : AutoPersonasRequest
{
    /// <summary>Why the item was rejected.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }
}

/// <summary>The answer of <c>POST /content/:id/video-comparison</c>: video variants for an A/B comparison.</summary>
public sealed class VideoComparison : AutoPersonasModel
{
    /// <summary>The content item id.</summary>
    [JsonPropertyName("contentId")]
    public string? ContentId { get; init; }

    /// <summary>The generation status as the server sends it.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The variants, when sent.</summary>
    [JsonPropertyName("variants")]
    public IReadOnlyList<VideoVariant>? Variants { get; init; }
}

/// <summary>One video variant.</summary>
public sealed class VideoVariant : AutoPersonasModel
{
    /// <summary>The variant name (for example <c>a</c>).</summary>
    [JsonPropertyName("variant")]
    public string? Variant { get; init; }

    /// <summary>The video URL, when ready.</summary>
    [JsonPropertyName("videoUrl")]
    public string? VideoUrl { get; init; }
}
