using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Attention.Sdk.Json;

/// <summary>
/// Reads money as <see cref="decimal"/> from a JSON number (<c>7.50</c>) or a numeric string (<c>"99.00"</c>),
/// never through <see cref="double"/>. Writes a JSON number. Anything else is a <see cref="JsonException"/>.
/// </summary>
public sealed class FlexibleDecimalConverter : JsonConverter<decimal>
{
    /// <inheritdoc />
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetDecimal(out var number))
                {
                    return number;
                }

                throw new JsonException("The number is out of range for a decimal amount.");
            case JsonTokenType.String:
                var span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
                if (Utf8Parser.TryParse(span, out decimal parsed, out var consumed) && consumed == span.Length)
                {
                    return parsed;
                }

                var text = reader.GetString();
                if (decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out parsed))
                {
                    return parsed;
                }

                throw new JsonException($"'{text}' is not a decimal amount.");
            default:
                throw new JsonException($"Expected a decimal amount as a number or string, found {reader.TokenType}.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value);
    }
}

/// <summary>The nullable form of <see cref="FlexibleDecimalConverter"/>: JSON null reads as <see langword="null"/>.</summary>
public sealed class NullableFlexibleDecimalConverter : JsonConverter<decimal?>
{
    private static readonly FlexibleDecimalConverter s_inner = new();

    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : s_inner.Read(ref reader, typeof(decimal), options);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } amount)
        {
            writer.WriteNumberValue(amount);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>Writes a <see cref="decimal"/> as a JSON string with invariant culture (for APIs that send money as strings).</summary>
public sealed class DecimalAsStringConverter : JsonConverter<decimal>
{
    private static readonly FlexibleDecimalConverter s_reader = new();

    /// <inheritdoc />
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        s_reader.Read(ref reader, typeToConvert, options);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }
}
