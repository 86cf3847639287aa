using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AutoPersonas.Characters;

/// <summary>The body of <c>POST /characters/analyze-photos</c>: the uploaded photos to analyze.</summary>
public sealed class AnalyzePhotosRequest : AutoPersonasRequest
{
    /// <summary>The photo URLs (at least one).</summary>
    [JsonPropertyName("photoUrls")]
    public required IReadOnlyList<string> PhotoUrls { get; set; }
}

/// <summary>The result of a photo analysis: the extracted base prompt and wardrobe.</summary>
public sealed class PhotoAnalysis : AutoPersonasModel
{
    /// <summary>The extracted base prompt.</summary>
    [JsonPropertyName("basePrompt")]
    public string? BasePrompt { get; init; }

    /// <summary>The extracted wardrobe as sent (its shape is not documented).</summary>
    [JsonPropertyName("wardrobe")]
    public JsonElement? Wardrobe { get; init; }
}

/// <summary>The body of <c>POST /characters/:id/voice-samples</c>: audio URLs to add for voice cloning.</summary>
public sealed class UploadVoiceSamplesRequest : AutoPersonasRequest
{
    /// <summary>The audio URLs (at least one).</summary>
    [JsonPropertyName("audioUrls")]
    public required IReadOnlyList<string> AudioUrls { get; set; }
}

/// <summary>A character's voice profile: its samples and clone status.</summary>
public sealed class VoiceProfile : AutoPersonasModel
{
    /// <summary>The character id.</summary>
    [JsonPropertyName("characterId")]
    public string? CharacterId { get; init; }

    /// <summary>The samples as sent (URLs or objects; the shape is not documented). See <see cref="SampleUrls"/>.</summary>
    [JsonPropertyName("samples")]
    public IReadOnlyList<JsonElement>? Samples { get; init; }

    /// <summary>The clone status as sent (for example <c>training</c> or <c>ready</c>).</summary>
    [JsonPropertyName("cloneStatus")]
    public string? CloneStatus { get; init; }

    /// <summary>The sample URLs: string samples, or the <c>audioUrl</c>/<c>url</c> of object samples.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> SampleUrls =>
        (Samples ?? []).Select(UrlOf).Where(u => u is not null).Select(u => u!).ToArray();

    private static string? UrlOf(JsonElement sample) => sample.ValueKind switch
    {
        JsonValueKind.String => sample.GetString(),
        JsonValueKind.Object when sample.TryGetProperty("audioUrl", out var audio) && audio.ValueKind == JsonValueKind.String => audio.GetString(),
        JsonValueKind.Object when sample.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String => url.GetString(),
        _ => null,
    };
}

/// <summary>The optional body of <c>POST /characters/:id/wardrobe/generate</c>.</summary>
public sealed class GenerateWardrobeRequest : AutoPersonasRequest
{
    /// <summary>How many items to generate; the server's default when null.</summary>
    [JsonPropertyName("count")]
    public int? Count { get; set; }

    /// <summary>An optional direction added to the character's base prompt.</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; set; }
}

/// <summary>Generated wardrobe items.</summary>
public sealed class WardrobeGeneration : AutoPersonasModel
{
    /// <summary>The character id.</summary>
    [JsonPropertyName("characterId")]
    public string? CharacterId { get; init; }

    /// <summary>The generated items, when sent.</summary>
    [JsonPropertyName("items")]
    public IReadOnlyList<WardrobeItem>? Items { get; init; }
}

/// <summary>One wardrobe item.</summary>
public sealed class WardrobeItem : AutoPersonasModel
{
    /// <summary>The item name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The category (for example <c>top</c>).</summary>
    [JsonPropertyName("category")]
    public string? Category { get; init; }
}

/// <summary>The answer of <c>PATCH /characters/:id/ingredients</c>.</summary>
public sealed class IngredientsResult : AutoPersonasModel
{
    /// <summary>The character id.</summary>
    [JsonPropertyName("characterId")]
    public string? CharacterId { get; init; }

    /// <summary>The ingredient library after the patch, as sent.</summary>
    [JsonPropertyName("ingredients")]
    public JsonElement? Ingredients { get; init; }
}

/// <summary>
/// The fields to change in a character's ingredient library (<c>PATCH /characters/:id/ingredients</c>). Only the fields set here are
/// sent, so siblings on the server stay as they are; setting a field to <see langword="null"/> sends JSON <c>null</c> (to clear it).
/// The ingredient field names are not in the public docs: use the names from the API's Swagger UI.
/// </summary>
public sealed class IngredientsPatch
{
    private readonly JsonObject _fields = [];

    /// <summary>How many fields are set.</summary>
    public int Count => _fields.Count;

    /// <summary>The names of the fields set, in order.</summary>
    public IEnumerable<string> FieldNames => _fields.Select(f => f.Key);

    /// <summary>Sets a field to any JSON value (a <see cref="JsonNode"/>; <see langword="null"/> sends JSON null).</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This patch, for chaining.</returns>
    public IngredientsPatch Set(string name, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _fields[name] = value?.DeepClone();
        return this;
    }

    /// <summary>Sets a field to a string (<see langword="null"/> sends JSON null).</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This patch, for chaining.</returns>
    public IngredientsPatch Set(string name, string? value) => Set(name, value is null ? null : JsonValue.Create(value));

    /// <summary>Sets a field to a list of strings.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="values">The values.</param>
    /// <returns>This patch, for chaining.</returns>
    public IngredientsPatch Set(string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Set(name, new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()));
    }

    /// <summary>Removes a field from the patch (it is then not sent at all).</summary>
    /// <param name="name">The field name.</param>
    /// <returns>This patch, for chaining.</returns>
    public IngredientsPatch Unset(string name)
    {
        _fields.Remove(name);
        return this;
    }

    /// <summary>The JSON body: an object with exactly the fields set.</summary>
    public string ToJson() => _fields.ToJsonString();

    internal byte[] ToUtf8() => Encoding.UTF8.GetBytes(ToJson());
}
