using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Attention.Sdk.Webhooks;

/// <summary>
/// Writes a JSON value with object keys sorted recursively (ordinal), in one of the canonical forms of
/// <see cref="WebhookCanonicalForm"/>. Numbers keep their original text; strings are escaped the way the
/// form's reference serializer escapes them.
/// </summary>
public static class CanonicalJsonWriter
{
    /// <summary>Serializes <paramref name="element"/> in the given form as UTF-8 bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="WebhookCanonicalForm.Raw"/> has no canonical writer.</exception>
    public static byte[] Write(JsonElement element, WebhookCanonicalForm form)
    {
        var (itemSeparator, keySeparator, asciiOnly) = form switch
        {
            WebhookCanonicalForm.SortedCompact => (",", ":", false),
            WebhookCanonicalForm.SortedPythonDefault => (", ", ": ", true),
            WebhookCanonicalForm.SortedCompactAscii => (",", ":", true),
            _ => throw new ArgumentOutOfRangeException(nameof(form), form, "The raw form is the delivered text itself."),
        };
        var text = new StringBuilder();
        WriteValue(text, element, itemSeparator, keySeparator, asciiOnly);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void WriteValue(StringBuilder text, JsonElement element, string itemSeparator, string keySeparator, bool asciiOnly)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = element.EnumerateObject().ToList();
                properties.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
                text.Append('{');
                for (var i = 0; i < properties.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(itemSeparator);
                    }

                    WriteString(text, properties[i].Name, asciiOnly);
                    text.Append(keySeparator);
                    WriteValue(text, properties[i].Value, itemSeparator, keySeparator, asciiOnly);
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        text.Append(itemSeparator);
                    }

                    first = false;
                    WriteValue(text, item, itemSeparator, keySeparator, asciiOnly);
                }

                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(text, element.GetString()!, asciiOnly);
                break;
            default:
                // Numbers, true, false and null keep their delivered spelling.
                text.Append(element.GetRawText());
                break;
        }
    }

    private static void WriteString(StringBuilder text, string value, bool asciiOnly)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    if (c < 0x20 || (asciiOnly && c > 0x7f))
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
