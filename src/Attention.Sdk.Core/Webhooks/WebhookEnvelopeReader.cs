using System.Text.Json;
using System.Text.Unicode;

namespace Attention.Sdk.Webhooks;

/// <summary>
/// Reads a delivery in a single pass of one reader: checks it is one JSON object of valid UTF-8 with no repeated key in any
/// object at any depth and no string a parser could decode differently (an unpaired surrogate escape), and locates the
/// <c>data</c> object. The verifier hashes, and the parser deserializes, exactly the span this finds: no second reader
/// that might settle an ambiguity (a repeated <c>data</c>, a repeated key) another way.
/// </summary>
internal static class WebhookEnvelopeReader
{
    private const int MaxNameInReason = 40;

    private static readonly JsonReaderOptions s_options = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    /// <summary>Reads the envelope; false with a reason (never a secret, never more than a short quote of the body) when it is not a well-formed delivery.</summary>
    public static bool TryRead(ReadOnlySpan<byte> body, out WebhookEnvelope envelope, out string reason)
    {
        envelope = default;
        if (!Utf8.IsValid(body))
        {
            reason = "The delivery body is not valid UTF-8.";
            return false;
        }

        var reader = new Utf8JsonReader(body, s_options);
        var keys = new KeySets();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                reason = "The delivery body is not a JSON object.";
                return false;
            }

            keys.Enter();
            string? eventName = null;
            string? timestamp = null;
            var dataStart = -1;
            var dataLength = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                if (!keys.Add(name))
                {
                    reason = Repeated(name, envelopeLevel: true);
                    return false;
                }

                reader.Read();
                switch (name)
                {
                    case "data":
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            reason = "The delivery's 'data' is not a JSON object.";
                            return false;
                        }

                        dataStart = (int)reader.TokenStartIndex;
                        if (!TryCheckValue(ref reader, keys, out reason))
                        {
                            return false;
                        }

                        dataLength = (int)reader.BytesConsumed - dataStart;
                        break;
                    case "event":
                        if (reader.TokenType != JsonTokenType.String)
                        {
                            reason = "The delivery's 'event' is not a string.";
                            return false;
                        }

                        eventName = reader.GetString();
                        break;
                    case "timestamp" when reader.TokenType == JsonTokenType.String:
                        timestamp = reader.GetString();
                        break;
                    default:
                        if (!TryCheckValue(ref reader, keys, out reason))
                        {
                            return false;
                        }

                        break;
                }
            }

            // Anything after the closing brace other than whitespace makes this Read throw.
            _ = reader.Read();
            if (dataStart < 0)
            {
                reason = "The delivery body has no 'data' field.";
                return false;
            }

            envelope = new WebhookEnvelope(dataStart, dataLength, eventName, timestamp);
            reason = string.Empty;
            return true;
        }
        catch (JsonException ex)
        {
            reason = $"The delivery body is not valid JSON: {ex.Message}";
            return false;
        }
        catch (InvalidOperationException)
        {
            // GetString refuses an escaped unpaired surrogate: text no two decoders are guaranteed to read alike.
            reason = "The delivery body has a string with an invalid \\u escape (an unpaired surrogate).";
            return false;
        }
    }

    /// <summary>Reads the value the reader stands on to its end, refusing repeated keys and undecodable strings.</summary>
    private static bool TryCheckValue(ref Utf8JsonReader reader, KeySets keys, out string reason)
    {
        reason = string.Empty;
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            CheckString(ref reader);
            return true;
        }

        var depth = reader.CurrentDepth;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            keys.Enter();
        }

        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    keys.Enter();
                    break;
                case JsonTokenType.EndObject:
                    keys.Leave();
                    break;
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    if (!keys.Add(name))
                    {
                        reason = Repeated(name, envelopeLevel: false);
                        return false;
                    }

                    break;
                case JsonTokenType.String:
                    CheckString(ref reader);
                    break;
            }

            if (reader.CurrentDepth == depth && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                return true;
            }
        }

        return true;
    }

    private static void CheckString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped)
        {
            _ = reader.GetString();
        }
    }

    private static string Repeated(string name, bool envelopeLevel)
    {
        var shown = JsonEncodedText.Encode(name.Length > MaxNameInReason ? name[..MaxNameInReason] + "..." : name).ToString();
        return envelopeLevel
            ? $"The delivery repeats the envelope member \"{shown}\": a repeated member is refused, since parsers disagree on which copy counts."
            : $"The delivery repeats the key \"{shown}\" in one object: a repeated key is refused, since parsers disagree on which copy counts.";
    }

    /// <summary>
    /// The keys of the objects currently open, one level per nesting depth, reused as the reader goes up and down. A level is a
    /// short list scanned linearly (deliveries have small objects) until it grows past <see cref="LinearLimit"/> keys, then a
    /// hash set, so a hostile object with many keys costs linear time, not quadratic.
    /// </summary>
    private sealed class KeySets
    {
        private const int LinearLimit = 16;
        private readonly List<Level> _levels = [];
        private int _depth = -1;

        public void Enter()
        {
            _depth++;
            if (_depth == _levels.Count)
            {
                _levels.Add(new Level());
            }
            else
            {
                _levels[_depth].Clear();
            }
        }

        public void Leave() => _depth--;

        public bool Add(string name) => _levels[_depth].Add(name);

        private sealed class Level
        {
            private readonly List<string> _names = [];
            private HashSet<string>? _set;

            public void Clear()
            {
                _names.Clear();
                _set?.Clear();
            }

            public bool Add(string name)
            {
                if (_set is { Count: > 0 })
                {
                    return _set.Add(name);
                }

                foreach (var existing in _names)
                {
                    if (string.Equals(existing, name, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                _names.Add(name);
                if (_names.Count > LinearLimit)
                {
                    _set ??= new HashSet<string>(StringComparer.Ordinal);
                    _set.UnionWith(_names);
                    _names.Clear();
                }

                return true;
            }
        }
    }
}
