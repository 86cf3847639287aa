using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Attention.Sdk.Reliability.Tests.Support;

/// <summary>
/// A JSON value as a tree that, unlike the BCL's DOMs, can hold repeated keys and lone surrogates, so a mutator can build any
/// hostile delivery; and a writer that spells it compactly ("plain", the genuine bytes) or with random spacing and escapes.
/// </summary>
internal abstract class JsonTree
{
    public abstract JsonTree Clone();

    public static JsonTree From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new JsonObjectTree(element.EnumerateObject().Select(p => new KeyValuePair<string, JsonTree>(p.Name, From(p.Value))).ToList()),
        JsonValueKind.Array => new JsonArrayTree(element.EnumerateArray().Select(From).ToList()),
        JsonValueKind.String => new JsonStringTree(element.GetString()!),
        _ => new JsonLiteralTree(element.GetRawText()),
    };

    /// <summary>Every object in the tree, this one included, depth first.</summary>
    public IEnumerable<JsonObjectTree> Objects()
    {
        if (this is JsonObjectTree self)
        {
            yield return self;
        }

        foreach (var child in Children())
        {
            foreach (var nested in child.Objects())
            {
                yield return nested;
            }
        }
    }

    public virtual IEnumerable<JsonTree> Children() => [];
}

internal sealed class JsonObjectTree(List<KeyValuePair<string, JsonTree>> members) : JsonTree
{
    public List<KeyValuePair<string, JsonTree>> Members { get; } = members;

    public JsonTree? this[string key] => Members.FirstOrDefault(m => m.Key == key).Value;

    public void Set(string key, JsonTree value)
    {
        var index = Members.FindIndex(m => m.Key == key);
        if (index < 0)
        {
            Members.Add(new(key, value));
        }
        else
        {
            Members[index] = new(key, value);
        }
    }

    public override JsonTree Clone() => new JsonObjectTree(Members.Select(m => new KeyValuePair<string, JsonTree>(m.Key, m.Value.Clone())).ToList());

    public override IEnumerable<JsonTree> Children() => Members.Select(m => m.Value);
}

internal sealed class JsonArrayTree(List<JsonTree> items) : JsonTree
{
    public List<JsonTree> Items { get; } = items;

    public override JsonTree Clone() => new JsonArrayTree(Items.Select(i => i.Clone()).ToList());

    public override IEnumerable<JsonTree> Children() => Items;
}

internal sealed class JsonStringTree(string value) : JsonTree
{
    public string Value { get; set; } = value;

    public override JsonTree Clone() => new JsonStringTree(Value);
}

internal sealed class JsonLiteralTree(string text) : JsonTree
{
    public string Text { get; set; } = text;

    public override JsonTree Clone() => new JsonLiteralTree(Text);
}

/// <summary>Writes a tree: plain (compact, only the escapes JSON requires) or varied (random whitespace, \u escapes, <c>\/</c>).</summary>
internal sealed class JsonTreeWriter(Random random, bool varied)
{
    private static readonly string[] s_spaces = [" ", "\n", "\t", "\r\n  ", "  "];
    private readonly StringBuilder _text = new();

    public static string Plain(JsonTree tree) => new JsonTreeWriter(new Random(0), varied: false).Write(tree);

    public string Write(JsonTree tree)
    {
        _text.Clear();
        Value(tree);
        return _text.ToString();
    }

    private void Value(JsonTree tree)
    {
        switch (tree)
        {
            case JsonObjectTree obj:
                _text.Append('{');
                for (var i = 0; i < obj.Members.Count; i++)
                {
                    if (i > 0)
                    {
                        Space();
                        _text.Append(',');
                    }

                    Space();
                    String(obj.Members[i].Key);
                    Space();
                    _text.Append(':');
                    Space();
                    Value(obj.Members[i].Value);
                }

                Space();
                _text.Append('}');
                break;
            case JsonArrayTree array:
                _text.Append('[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        Space();
                        _text.Append(',');
                    }

                    Space();
                    Value(array.Items[i]);
                }

                Space();
                _text.Append(']');
                break;
            case JsonStringTree text:
                String(text.Value);
                break;
            case JsonLiteralTree literal:
                _text.Append(literal.Text);
                break;
        }
    }

    private void Space()
    {
        if (varied && random.NextDouble() < 0.3)
        {
            _text.Append(s_spaces[random.Next(s_spaces.Length)]);
        }
    }

    private void String(string value)
    {
        _text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var escape = varied && random.NextDouble() < 0.15;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (escape)
                {
                    Unicode(c);
                    Unicode(value[i + 1]);
                }
                else
                {
                    _text.Append(c).Append(value[i + 1]);
                }

                i++;
                continue;
            }

            if (char.IsSurrogate(c) || (escape && c != '/'))
            {
                Unicode(c);
                continue;
            }

            switch (c)
            {
                case '"': _text.Append("\\\""); break;
                case '\\': _text.Append("\\\\"); break;
                case '\n': _text.Append("\\n"); break;
                case '\r': _text.Append("\\r"); break;
                case '\t': _text.Append("\\t"); break;
                case '/' when escape: _text.Append("\\/"); break;
                default:
                    if (c < 0x20)
                    {
                        Unicode(c);
                    }
                    else
                    {
                        _text.Append(c);
                    }

                    break;
            }
        }

        _text.Append('"');
    }

    private void Unicode(char c) =>
        _text.Append("\\u").Append(((int)c).ToString(varied && random.Next(2) == 0 ? "X4" : "x4", CultureInfo.InvariantCulture));
}
