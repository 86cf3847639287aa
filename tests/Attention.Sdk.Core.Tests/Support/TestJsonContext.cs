using System.Text.Json;
using System.Text.Json.Serialization;
using Attention.Sdk.Json;

namespace Attention.Sdk.Core.Tests.Support;

public sealed record Thing
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("price")]
    [JsonConverter(typeof(NullableFlexibleDecimalConverter))]
    public decimal? Price { get; init; }

    [JsonPropertyName("status")]
    public ThingStatus? Status { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

[JsonConverter(typeof(ExtensibleEnumConverter<ThingStatus>))]
public readonly record struct ThingStatus(string Value) : IExtensibleEnum<ThingStatus>
{
    public string Value { get; } = ExtensibleEnumText.Require(Value, nameof(ThingStatus));

    public static ThingStatus Active { get; } = new("active");

    public static ThingStatus FromValue(string value) => new(value);

    public override string ToString() => Value;
}

[JsonSerializable(typeof(Thing))]
[JsonSerializable(typeof(decimal))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
public sealed partial class TestJsonContext : JsonSerializerContext
{
}
