using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoPersonas.Config;

/// <summary>The feature-flag map for this environment (<c>GET /config/features</c>): every flag is in <see cref="AutoPersonasModel.AdditionalProperties"/>.</summary>
public sealed class FeatureFlags : AutoPersonasModel
{
    /// <summary>
    /// Whether flag <paramref name="name"/> is on: the value is JSON <c>true</c>, or an object whose <c>enabled</c> is <c>true</c>.
    /// Looks at the top level, then inside a <c>features</c> or <c>flags</c> object. Unknown flags are off.
    /// </summary>
    /// <param name="name">The flag name (case-sensitive).</param>
    public bool IsEnabled(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (TryGetProperty(name, out var value))
        {
            return IsOn(value);
        }

        foreach (var container in (ReadOnlySpan<string>)["features", "flags"])
        {
            if (TryGetProperty(container, out var inner) && inner.ValueKind == JsonValueKind.Object && inner.TryGetProperty(name, out var nested))
            {
                return IsOn(nested);
            }
        }

        return false;
    }

    private static bool IsOn(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.Object => value.TryGetProperty("enabled", out var enabled) && enabled.ValueKind == JsonValueKind.True,
        _ => false,
    };
}

/// <summary>The published rate table (<c>GET /config/pricing</c>): <see cref="Currency"/> is typed; rates are in extension data (their shape is not documented).</summary>
public sealed class PricingTable : AutoPersonasModel
{
    /// <summary>The currency, when sent (for example <c>USD</c>).</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; init; }
}

/// <summary>One of the aesthetic grade presets (<c>GET /config/aesthetic-grades</c>).</summary>
public sealed class AestheticGrade : AutoPersonasModel
{
    /// <summary>The grade id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The display name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The description, when sent.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }
}
