using System.Text.Json;

namespace Attention.Sdk.Webhooks;

/// <summary>Finds the raw bytes of the top-level <c>data</c> value in a delivery without re-serializing anything.</summary>
internal static class WebhookPayloadReader
{
    private static readonly JsonReaderOptions s_options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    private enum Seek
    {
        Found,
        NotAnObject,
        NoData,
    }

    /// <summary>
    /// Finds where the top-level <c>data</c> value starts, and the span it has when <c>data</c> is the envelope's last member
    /// (everything up to the closing brace): the common layout, available without scanning the value itself. Only the
    /// envelope before <c>data</c> is read. Returns false when <c>data</c> is not found before the scan would enter a value.
    /// </summary>
    public static bool TryFindDataAsLastMember(ReadOnlySpan<byte> body, out int start, out int length)
    {
        start = 0;
        length = 0;
        var end = body.TrimEnd(" \t\r\n"u8).Length - 1;
        if (end < 0 || body[end] != (byte)'}')
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(body, s_options);
            if (SeekData(ref reader) != Seek.Found)
            {
                return false;
            }

            start = (int)reader.TokenStartIndex;
            length = body[start..end].TrimEnd(" \t\r\n"u8).Length;
            return length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static bool TryFindData(ReadOnlySpan<byte> body, out int start, out int length, out string reason)
    {
        start = 0;
        length = 0;
        try
        {
            var reader = new Utf8JsonReader(body, s_options);
            switch (SeekData(ref reader))
            {
                case Seek.NotAnObject:
                    reason = "The delivery body is not a JSON object.";
                    return false;
                case Seek.NoData:
                    reason = "The delivery body has no 'data' field.";
                    return false;
            }

            start = (int)reader.TokenStartIndex;
            reader.Skip();
            length = (int)reader.BytesConsumed - start;
            reason = string.Empty;
            return true;
        }
        catch (JsonException ex)
        {
            reason = $"The delivery body is not valid JSON: {ex.Message}";
            return false;
        }
    }

    /// <summary>Reads the envelope member by member, skipping values, until the reader stands on the top-level <c>data</c> value.</summary>
    private static Seek SeekData(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return Seek.NotAnObject;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isData = reader.ValueTextEquals("data"u8);
            reader.Read();
            if (isData)
            {
                return Seek.Found;
            }

            reader.Skip();
        }

        return Seek.NoData;
    }
}
