using System.Text;
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
        var keys = KeySets.Rent();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                reason = "The delivery body is not a JSON object.";
                return false;
            }

            keys.Enter();
            TokenSpan eventToken = default;
            TokenSpan timestamp = default;
            var dataStart = -1;
            var dataLength = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!keys.Add(body, ref reader))
                {
                    reason = Repeated(reader.GetString()!, envelopeLevel: true);
                    return false;
                }

                var member = Member(ref reader);
                reader.Read();
                switch (member)
                {
                    case EnvelopeMember.Data:
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            reason = "The delivery's 'data' is not a JSON object.";
                            return false;
                        }

                        dataStart = (int)reader.TokenStartIndex;
                        if (!TryCheckValue(body, ref reader, keys, out reason))
                        {
                            return false;
                        }

                        dataLength = (int)reader.BytesConsumed - dataStart;
                        break;
                    case EnvelopeMember.Event:
                        if (reader.TokenType != JsonTokenType.String)
                        {
                            reason = "The delivery's 'event' is not a string.";
                            return false;
                        }

                        CheckString(ref reader);
                        eventToken = StringToken(ref reader);
                        break;
                    case EnvelopeMember.Timestamp when reader.TokenType == JsonTokenType.String:
                        CheckString(ref reader);
                        timestamp = StringToken(ref reader);
                        break;
                    default:
                        if (!TryCheckValue(body, ref reader, keys, out reason))
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

            envelope = new WebhookEnvelope(dataStart, dataLength, eventToken, timestamp);
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
        finally
        {
            KeySets.Return(keys);
        }
    }

    private enum EnvelopeMember
    {
        Other,
        Data,
        Event,
        Timestamp,
    }

    /// <summary>Which envelope member the property name the reader stands on is (escaped spellings included), without a string.</summary>
    private static EnvelopeMember Member(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("data"u8) ? EnvelopeMember.Data
        : reader.ValueTextEquals("event"u8) ? EnvelopeMember.Event
        : reader.ValueTextEquals("timestamp"u8) ? EnvelopeMember.Timestamp
        : EnvelopeMember.Other;

    /// <summary>Reads the value the reader stands on to its end, refusing repeated keys and undecodable strings.</summary>
    private static bool TryCheckValue(ReadOnlySpan<byte> body, ref Utf8JsonReader reader, KeySets keys, out string reason)
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
                    if (!keys.Add(body, ref reader))
                    {
                        reason = Repeated(reader.GetString()!, envelopeLevel: false);
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

    private static TokenSpan StringToken(ref Utf8JsonReader reader) =>
        new((int)reader.TokenStartIndex, (int)reader.BytesConsumed - (int)reader.TokenStartIndex);

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
    /// The keys of the objects currently open, one level per nesting depth, reused as the reader goes up and down (and across
    /// calls on one thread). Names are compared as UTF-8 bytes: an unescaped name is a slice of the body itself, an escaped one
    /// is unescaped into a scratch buffer used like a stack, so no string is made for a name unless it is reported. Bytes
    /// compare exactly as strings would, since the body is valid UTF-8 and escapes of unpaired surrogates are refused. A level
    /// is scanned linearly (deliveries have small objects) until it holds more than <see cref="LinearLimit"/> keys, then it
    /// becomes a hash set, so a hostile object with many keys costs linear time, not quadratic.
    /// </summary>
    private sealed class KeySets
    {
        private const int LinearLimit = 16;
        private const int MaxRetainedScratch = 4096;

        [ThreadStatic]
        private static KeySets? t_cached;

        private readonly List<Level> _levels = [];
        private byte[] _scratch = new byte[256];
        private int _scratchUsed;
        private int _depth = -1;

        public static KeySets Rent()
        {
            var keys = t_cached ?? new KeySets();
            t_cached = null;
            keys._depth = -1;
            keys._scratchUsed = 0;
            return keys;
        }

        public static void Return(KeySets keys)
        {
            // A hostile delivery may have grown the scratch buffer; keep only ordinary ones.
            if (keys._scratch.Length <= MaxRetainedScratch)
            {
                t_cached = keys;
            }
        }

        public void Enter()
        {
            _depth++;
            if (_depth == _levels.Count)
            {
                _levels.Add(new Level());
            }

            _levels[_depth].Reset(_scratchUsed);
        }

        public void Leave()
        {
            _scratchUsed = _levels[_depth].ScratchMark;
            _depth--;
        }

        /// <summary>Adds the property name the reader stands on to the current level; false when the level already has it.</summary>
        public bool Add(ReadOnlySpan<byte> body, ref Utf8JsonReader reader)
        {
            NameSlice name;
            if (!reader.ValueIsEscaped)
            {
                name = new NameSlice((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, InScratch: false);
            }
            else
            {
                // Unescaping never lengthens a name.
                var needed = _scratchUsed + reader.ValueSpan.Length;
                if (needed > _scratch.Length)
                {
                    Array.Resize(ref _scratch, Math.Max(needed, _scratch.Length * 2));
                }

                var written = reader.CopyString(_scratch.AsSpan(_scratchUsed));
                name = new NameSlice(_scratchUsed, written, InScratch: true);
                _scratchUsed += written;
            }

            return _levels[_depth].Add(name, body, _scratch);
        }

        private readonly record struct NameSlice(int Start, int Length, bool InScratch)
        {
            public ReadOnlySpan<byte> Bytes(ReadOnlySpan<byte> body, byte[] scratch) =>
                InScratch ? scratch.AsSpan(Start, Length) : body.Slice(Start, Length);
        }

        private sealed class Level
        {
            private readonly List<NameSlice> _names = [];
            private HashSet<string>? _set;

            public int ScratchMark { get; private set; }

            public void Reset(int scratchMark)
            {
                ScratchMark = scratchMark;
                _names.Clear();
                _set?.Clear();
            }

            public bool Add(NameSlice name, ReadOnlySpan<byte> body, byte[] scratch)
            {
                var bytes = name.Bytes(body, scratch);
                if (_set is { Count: > 0 })
                {
                    return _set.Add(Encoding.UTF8.GetString(bytes));
                }

                foreach (var existing in _names)
                {
                    if (existing.Bytes(body, scratch).SequenceEqual(bytes))
                    {
                        return false;
                    }
                }

                _names.Add(name);
                if (_names.Count > LinearLimit)
                {
                    _set ??= new HashSet<string>(StringComparer.Ordinal);
                    foreach (var existing in _names)
                    {
                        _set.Add(Encoding.UTF8.GetString(existing.Bytes(body, scratch)));
                    }

                    _names.Clear();
                }

                return true;
            }
        }
    }
}
