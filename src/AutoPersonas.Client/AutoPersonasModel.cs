using System.Text.Json;
using Attention.Sdk;
using System.Text.Json.Serialization;

namespace AutoPersonas;

/// <summary>
/// The base of every AutoPersonas response model. The API's response schemas are not published outside its Swagger UI, so each
/// model types the fields the docs name plus the obvious ones, keeps every other field in <see cref="AdditionalProperties"/>, and
/// exposes the whole body as the server sent it in <see cref="RawJson"/>.
/// </summary>
public abstract class AutoPersonasModel : IRawJsonModel
{
    /// <summary>Fields the SDK does not type, as the server sent them (never null after deserialization when there were any).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>
    /// The JSON this model was read from (the whole response body for a top-level model, the item for a list element).
    /// Default (<see cref="JsonValueKind.Undefined"/>) when the model was built in code.
    /// </summary>
    [JsonIgnore]
    public JsonElement RawJson { get; internal set; }

    /// <summary>Reads an untyped field: <see langword="true"/> and the value when the server sent <paramref name="name"/>.</summary>
    /// <param name="name">The JSON property name (case-sensitive).</param>
    /// <param name="value">The value.</param>
    public bool TryGetProperty(string name, out JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (AdditionalProperties is not null && AdditionalProperties.TryGetValue(name, out value))
        {
            return true;
        }

        if (RawJson.ValueKind == JsonValueKind.Object && RawJson.TryGetProperty(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }
}

/// <summary>
/// The base of request bodies whose schema the docs do not give: the typed properties are the fields the docs name, and
/// <see cref="AdditionalProperties"/> carries any other field the API accepts (sent as-is; only set fields are sent).
/// </summary>
public abstract class AutoPersonasRequest
{
    /// <summary>Extra fields sent with the typed ones (for example values from the API's Swagger UI the SDK does not type yet).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Adds or replaces an extra field.</summary>
    /// <param name="name">The JSON property name.</param>
    /// <param name="value">The value (a <see cref="JsonElement"/>, for example from <c>JsonSerializer.SerializeToElement</c> or <c>JsonDocument.Parse</c>).</param>
    /// <returns>This request, for chaining.</returns>
    public AutoPersonasRequest With(string name, JsonElement value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        AdditionalProperties ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        AdditionalProperties[name] = value.Clone();
        return this;
    }

    /// <summary>Adds or replaces an extra string field.</summary>
    /// <param name="name">The JSON property name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This request, for chaining.</returns>
    public AutoPersonasRequest With(string name, string value) => With(name, JsonSerializer.SerializeToElement(value, ApJsonContext.Default.String));

    /// <summary>Adds or replaces an extra integer field.</summary>
    /// <param name="name">The JSON property name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This request, for chaining.</returns>
    public AutoPersonasRequest With(string name, long value) => With(name, JsonSerializer.SerializeToElement(value, ApJsonContext.Default.Int64));

    /// <summary>Adds or replaces an extra boolean field.</summary>
    /// <param name="name">The JSON property name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This request, for chaining.</returns>
    public AutoPersonasRequest With(string name, bool value) => With(name, JsonSerializer.SerializeToElement(value, ApJsonContext.Default.Boolean));
}
