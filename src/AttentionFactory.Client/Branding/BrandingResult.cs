using System.Text.Json;
using System.Text.Json.Serialization;
using Attention.Sdk.Json;
using AttentionFactory.Actions;
using AttentionFactory.Platforms;

namespace AttentionFactory.Branding;

/// <summary>How a branding request was handled. Extensible.</summary>
[JsonConverter(typeof(ExtensibleEnumConverter<BrandingMode>))]
public readonly record struct BrandingMode(string Value) : IExtensibleEnum<BrandingMode>
{
    /// <summary>The wire value.</summary>
    public string Value { get; } = ExtensibleEnumText.Require(Value, nameof(BrandingMode));

    /// <summary>The rental is active: one queued action per field was created (see <see cref="BrandingResult.Results"/>).</summary>
    public static BrandingMode Applied { get; } = new("applied");

    /// <summary>The rental is still warming: the batch was stored (replacing any earlier preset) and is applied on activation.</summary>
    public static BrandingMode PresetStored { get; } = new("preset_stored");

    /// <summary>Creates a value from its wire string.</summary>
    public static BrandingMode FromValue(string value) => new(value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;
}

/// <summary>The answer of <c>POST /v1/rentals/{id}/branding</c>.</summary>
public sealed class BrandingResult
{
    /// <summary>The rental id.</summary>
    [JsonPropertyName("rental_id")]
    public string? RentalId { get; init; }

    /// <summary>The rental's platform.</summary>
    [JsonPropertyName("platform")]
    public Platform? Platform { get; init; }

    /// <summary><c>applied</c> (actions queued) or <c>preset_stored</c> (saved for activation).</summary>
    [JsonPropertyName("mode")]
    public required BrandingMode Mode { get; init; }

    /// <summary>One queued action per field, when applied.</summary>
    [JsonPropertyName("results")]
    public IReadOnlyList<BrandingFieldResult> Results { get; init; } = [];

    /// <summary>The stored preset, when <see cref="Mode"/> is <see cref="BrandingMode.PresetStored"/>.</summary>
    [JsonPropertyName("preset")]
    public BrandingFields? Preset { get; init; }

    /// <summary>Fields the SDK does not model, kept as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The queued action created for one branding field.</summary>
public sealed class BrandingFieldResult
{
    /// <summary>The field (for example <c>bio</c>).</summary>
    [JsonPropertyName("field")]
    public required string Field { get; init; }

    /// <summary>The action type (for example <c>branding.bio</c>).</summary>
    [JsonPropertyName("action_type")]
    public ActionType? ActionType { get; init; }

    /// <summary>The action id: follow it with <see cref="ActionsClient.GetAsync(string, string, CancellationToken)"/> or webhooks.</summary>
    [JsonPropertyName("action_id")]
    public string? ActionId { get; init; }

    /// <summary>The action's status (normally <c>queued</c>).</summary>
    [JsonPropertyName("status")]
    public ActionStatus? Status { get; init; }

    /// <summary>Fields the SDK does not model, kept as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
