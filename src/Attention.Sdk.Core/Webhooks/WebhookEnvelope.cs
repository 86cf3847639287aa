using System.Text.Json;

namespace Attention.Sdk.Webhooks;

/// <summary>
/// What one pass over a delivery found: where its <c>data</c> object lies in the body (the bytes that are both hashed and
/// deserialized), and where its <c>event</c> and <c>timestamp</c> strings lie (decoded only when asked for, so verifying
/// alone makes no string).
/// </summary>
internal readonly record struct WebhookEnvelope(int DataStart, int DataLength, TokenSpan Event, TokenSpan Timestamp)
{
    /// <summary>The <c>data</c> object's bytes within <paramref name="body"/>, exactly as delivered.</summary>
    public ReadOnlySpan<byte> Data(ReadOnlySpan<byte> body) => body.Slice(DataStart, DataLength);

    /// <summary>The envelope's <c>event</c> string, or <see langword="null"/> when it has none.</summary>
    public string? EventName(ReadOnlySpan<byte> body) => Event.Decode(body);

    /// <summary>The envelope's <c>timestamp</c> string, or <see langword="null"/> when it has none (or it is not a string).</summary>
    public string? TimestampText(ReadOnlySpan<byte> body) => Timestamp.Decode(body);
}

/// <summary>A JSON string token's place in the body, quotes included; <see cref="Length"/> 0 when absent.</summary>
internal readonly record struct TokenSpan(int Start, int Length)
{
    /// <summary>The string the token holds, unescaped; the reader already checked it decodes.</summary>
    public string? Decode(ReadOnlySpan<byte> body)
    {
        if (Length == 0)
        {
            return null;
        }

        var reader = new Utf8JsonReader(body.Slice(Start, Length));
        reader.Read();
        return reader.GetString();
    }
}
