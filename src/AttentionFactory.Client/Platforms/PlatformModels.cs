using System.Text.Json;
using System.Text.Json.Serialization;
using AttentionFactory.Actions;

namespace AttentionFactory.Platforms;

/// <summary>The answer of <c>GET /v1/platforms/{platform}/niches</c>: valid <c>warming_niche</c> values.</summary>
public sealed class NicheCatalog
{
    /// <summary>The platform the catalog is for.</summary>
    [JsonPropertyName("platform")]
    public Platform? Platform { get; init; }

    /// <summary>The niche values accepted as <c>warming_niche</c> (for example <c>tech-reviews</c>).</summary>
    [JsonPropertyName("niches")]
    public IReadOnlyList<string> Niches { get; init; } = [];

    /// <summary>Fields the SDK does not model, kept as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>
/// The action types available on a platform (or a rental) and their per-rental rate caps, from
/// <c>GET /v1/platforms/{platform}/capabilities</c> or <c>GET /v1/rentals/{id}/capabilities</c>. The docs do not show the
/// shape: the SDK reads <c>platform</c> and <c>actions</c> (each a type name or an object with <c>type</c>), keeps everything
/// else in <see cref="AdditionalProperties"/>, and the whole body in <see cref="RawJson"/>.
/// </summary>
public sealed class PlatformCapabilities : IRawJson
{
    /// <summary>The platform.</summary>
    [JsonPropertyName("platform")]
    public Platform? Platform { get; init; }

    /// <summary>The available actions with their rate caps.</summary>
    [JsonPropertyName("actions")]
    public IReadOnlyList<ActionCapability> Actions { get; init; } = [];

    /// <summary>The action type names, valid as <c>type</c> in a submitted action.</summary>
    [JsonIgnore]
    public IReadOnlyList<ActionType> ActionTypes => Actions.Select(a => a.Type).ToArray();

    /// <summary>Fields the SDK does not model, kept as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The whole response body as the server sent it (undefined when built in code).</summary>
    [JsonIgnore]
    public JsonElement RawJson { get; private set; }

    /// <summary>Whether the platform offers the action type.</summary>
    public bool Supports(ActionType type) => Actions.Any(a => a.Type == type);

    void IRawJson.AttachRawJson(JsonElement raw) => RawJson = raw;
}

/// <summary>One action type a platform offers, with its rate caps as the server describes them.</summary>
[JsonConverter(typeof(ActionCapabilityConverter))]
public sealed class ActionCapability
{
    /// <summary>The action type (for example <c>post.image</c>).</summary>
    public required ActionType Type { get; init; }

    /// <summary>The per-rental rate cap as sent (the docs do not fix its shape), when present (<c>rate_cap</c>, <c>rate_caps</c> or <c>rate_limit</c>).</summary>
    public JsonElement? RateCap { get; init; }

    /// <summary>Every field of the entry as sent (empty when the server sent a bare type name).</summary>
    public IReadOnlyDictionary<string, JsonElement> Fields { get; init; } = new Dictionary<string, JsonElement>();
}

/// <summary>Reads an action capability from a bare string (<c>"post.image"</c>) or an object with <c>type</c>.</summary>
internal sealed class ActionCapabilityConverter : JsonConverter<ActionCapability>
{
    private static readonly string[] s_typeNames = ["type", "action_type", "name"];
    private static readonly string[] s_capNames = ["rate_cap", "rate_caps", "rate_limit", "rate_limits"];

    public override ActionCapability Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new ActionCapability { Type = ActionType.FromValue(reader.GetString()!) };
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var element = document.RootElement;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected an action capability as a string or an object, found {element.ValueKind}.");
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            fields[property.Name] = property.Value.Clone();
        }

        var type = s_typeNames.Select(n => fields.TryGetValue(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
            .FirstOrDefault(v => !string.IsNullOrEmpty(v))
            ?? throw new JsonException("An action capability has no 'type'.");
        JsonElement? cap = null;
        foreach (var name in s_capNames)
        {
            if (fields.TryGetValue(name, out var value))
            {
                cap = value;
                break;
            }
        }

        return new ActionCapability { Type = ActionType.FromValue(type), RateCap = cap, Fields = fields };
    }

    public override void Write(Utf8JsonWriter writer, ActionCapability value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var field in value.Fields)
        {
            if (field.Key != "type")
            {
                writer.WritePropertyName(field.Key);
                field.Value.WriteTo(writer);
            }
        }

        writer.WriteString("type", value.Type.Value);
        writer.WriteEndObject();
    }
}
