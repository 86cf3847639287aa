using System.Text.Json;
using System.Text.Json.Serialization;

namespace AttentionFactory.Actions;

/// <summary>The answer of <c>DELETE /v1/rentals/{rental_id}/actions/{action_id}</c>. Not shown in the docs: the SDK reads <c>id</c> and <c>status</c> when present and keeps the raw JSON.</summary>
public sealed class ActionCancellation : IRawJson
{
    /// <summary>The action id, when echoed.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The action's status after cancellation, when sent.</summary>
    [JsonPropertyName("status")]
    public ActionStatus? Status { get; init; }

    /// <summary>Fields the SDK does not model, kept as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The whole response body as the server sent it (undefined when there was none).</summary>
    [JsonIgnore]
    public JsonElement RawJson { get; private set; }

    void IRawJson.AttachRawJson(JsonElement raw) => RawJson = raw;
}
