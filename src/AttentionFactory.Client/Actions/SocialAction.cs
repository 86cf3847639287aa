using System.Text.Json;
using System.Text.Json.Serialization;
using AttentionFactory.Platforms;

namespace AttentionFactory.Actions;

/// <summary>An action on a rented account (a post, comment, like, branding change...), run asynchronously on a real device.</summary>
public sealed class SocialAction
{
    /// <summary>The action id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The rental it runs on.</summary>
    [JsonPropertyName("rental_id")]
    public string? RentalId { get; init; }

    /// <summary>The platform.</summary>
    [JsonPropertyName("platform")]
    public Platform? Platform { get; init; }

    /// <summary>The action type (for example <c>post.image</c>).</summary>
    [JsonPropertyName("action_type")]
    public required ActionType ActionType { get; init; }

    /// <summary>The status: queued, assigned, in_progress, submitted, then verified or failed.</summary>
    [JsonPropertyName("status")]
    public required ActionStatus Status { get; init; }

    /// <summary>When the action was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The action's parameters as stored, when the server returns them.</summary>
    [JsonPropertyName("params")]
    public JsonElement? Params { get; init; }

    /// <summary>Fields the SDK does not model (for example a failure reason or proof), kept as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A short description for logs.</summary>
    public override string ToString() => $"Action {Id} ({ActionType}, {Status})";
}

/// <summary>
/// Post-level analytics of a post-type action (<c>GET /v1/rentals/{rental_id}/actions/{action_id}/analytics</c>). The docs name views, likes and
/// comments without showing the shape: those (and shares) are read when present; everything else is kept.
/// </summary>
public sealed class PostAnalytics : IRawJson
{
    /// <summary>The action id, when echoed.</summary>
    [JsonPropertyName("action_id")]
    public string? ActionId { get; init; }

    /// <summary>Views, when the platform supplies them.</summary>
    [JsonPropertyName("views")]
    public long? Views { get; init; }

    /// <summary>Likes, when the platform supplies them.</summary>
    [JsonPropertyName("likes")]
    public long? Likes { get; init; }

    /// <summary>Comments, when the platform supplies them.</summary>
    [JsonPropertyName("comments")]
    public long? Comments { get; init; }

    /// <summary>Shares, when the platform supplies them.</summary>
    [JsonPropertyName("shares")]
    public long? Shares { get; init; }

    /// <summary>Fields the SDK does not model, kept as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The whole response body as the server sent it (undefined when built in code).</summary>
    [JsonIgnore]
    public JsonElement RawJson { get; private set; }

    void IRawJson.AttachRawJson(JsonElement raw) => RawJson = raw;
}
