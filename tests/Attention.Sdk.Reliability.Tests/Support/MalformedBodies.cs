using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Attention.Sdk.Http;

namespace Attention.Sdk.Reliability.Tests.Support;

/// <summary>One generated answer: status, content type, headers and body bytes, with a label saying how it was made.</summary>
internal sealed record MalformedResponse(string Kind, int Status, string? ContentType, byte[] Body, IReadOnlyList<(string Name, string Value)> Headers)
{
    public HttpResponseMessage ToHttpResponse()
    {
        var response = new HttpResponseMessage((System.Net.HttpStatusCode)Status) { Content = new ByteArrayContent(Body) };
        if (ContentType is not null)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        foreach (var (name, value) in Headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public string Preview => Encoding.UTF8.GetString(Body.AsSpan(0, Math.Min(Body.Length, 160))).ReplaceLineEndings(" ");

    public override string ToString() => $"{Kind} {Status} {ContentType}: {Preview}";
}

/// <summary>
/// Seeded generator of hostile answers for one method: starts from a plausible body built from the method's return type (its
/// <c>[JsonPropertyName]</c> properties, so the mutations hit the fields the SDK really reads) and breaks it: truncation, wrong
/// types, nulls, missing fields, huge numbers, deep nesting, wrong roots; plus bodies that are not JSON at all (HTML error pages,
/// empty, random bytes, invalid UTF-8, XML) under right and wrong content types, statuses from 2xx to 5xx and odd headers.
/// </summary>
internal sealed class MalformedBodies(Random random)
{
    private static readonly string[] s_contentTypes =
    [
        "application/json", "application/json; charset=utf-8", "text/html; charset=utf-8", "text/plain", "application/xml",
        "application/octet-stream", "application/json; charset=utf-99", "application/problem+json", "garbage/", null!,
    ];

    private static readonly int[] s_errorStatuses = [400, 401, 402, 403, 404, 405, 408, 409, 410, 413, 415, 418, 422, 429, 500, 501, 502, 503, 504, 599];

    private static readonly string[] s_retryAfter = ["0", "1", "-5", "abc", "99999999999999999999", "Wed, 21 Oct 2015 07:28:00 GMT", "", "1.5", "Thu, 01 Jan 2099 00:00:00 GMT"];

    public MalformedResponse Next(Type? returnType)
    {
        var status = random.Next(100) switch
        {
            < 62 => 200,
            < 66 => 201,
            < 70 => 202,
            < 74 => 204,
            < 76 => 299,
            _ => s_errorStatuses[random.Next(s_errorStatuses.Length)],
        };
        var (kind, body) = NextBody(returnType, status >= 400);
        var contentType = random.Next(4) == 0 ? s_contentTypes[random.Next(s_contentTypes.Length)] : "application/json";
        var headers = new List<(string, string)>();
        if (random.Next(5) == 0)
        {
            headers.Add(("Retry-After", s_retryAfter[random.Next(s_retryAfter.Length)]));
        }

        if (random.Next(10) == 0)
        {
            headers.Add(("X-Request-Id", random.Next(2) == 0 ? "req_" + random.Next() : new string('x', 5000)));
        }

        return new MalformedResponse(kind, status, contentType, body, headers);
    }

    private (string Kind, byte[] Body) NextBody(Type? returnType, bool errorStatus)
    {
        var plausible = Plausible(returnType, errorStatus);
        switch (random.Next(22))
        {
            case 0:
                return ("truncated", Utf8(plausible.ToJsonString()[..random.Next(Math.Max(1, plausible.ToJsonString().Length))]));
            case 1:
                return ("empty", []);
            case 2:
                return ("whitespace", Utf8("  \r\n\t "));
            case 3:
                return ("html error page", Utf8("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr><center>nginx</center></body></html>"));
            case 4:
                return ("random bytes", RandomBytes());
            case 5:
                return ("invalid utf-8", [.. Utf8("{\"id\":\""), 0xC3, 0x28, 0xFF, 0xFE, .. Utf8("\"}")]);
            case 6:
                return ("deep nesting", Utf8(new string('[', 5000) + new string(']', 5000)));
            case 7:
                return ("deep object nesting", Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 3000)) + "1" + new string('}', 3000)));
            case 8:
                return ("null root", Utf8("null"));
            case 9:
                return ("scalar root", Utf8(random.Next(3) switch { 0 => "42", 1 => "\"ok\"", _ => "true" }));
            case 10:
                return ("array root", Utf8(new JsonArray(plausible.DeepClone(), plausible.DeepClone()).ToJsonString()));
            case 11:
                return ("xml", Utf8("<?xml version=\"1.0\"?><error><code>500</code></error>"));
            case 12:
                return ("bom + json", [0xEF, 0xBB, 0xBF, .. Utf8(plausible.ToJsonString())]);
            case 13:
                return ("duplicate keys", Utf8(DuplicateKeys(plausible)));
            case 14:
                return ("json + trailing garbage", Utf8(plausible.ToJsonString() + "}]garbage"));
            case 15:
                return ("huge number", Utf8(Mutate(plausible, HugeNumber())));
            case 16:
                return ("plausible", Utf8(plausible.ToJsonString()));
            default:
                var mutated = plausible.DeepClone();
                var label = MutateRandomField(mutated);
                return ("mutated: " + label, Utf8(mutated.ToJsonString()));
        }
    }

    private string HugeNumber() => random.Next(5) switch
    {
        0 => "1e400",
        1 => "-1e400",
        2 => "123456789012345678901234567890123456789",
        3 => "1" + new string('0', 400),
        _ => "0.000000000000000000000000000000000000000000000000001",
    };

    private string Mutate(JsonNode plausible, string rawReplacement)
    {
        var clone = plausible.DeepClone();
        const string marker = "\"__REPLACE_ME__\"";
        var target = Fields(clone).ToList();
        if (target.Count == 0)
        {
            return rawReplacement;
        }

        var (parent, key) = target[random.Next(target.Count)];
        Set(parent, key, JsonValue.Create("__REPLACE_ME__"));
        return clone.ToJsonString().Replace(marker, rawReplacement, StringComparison.Ordinal);
    }

    private string MutateRandomField(JsonNode root)
    {
        var fields = Fields(root).ToList();
        if (fields.Count == 0)
        {
            return "no fields";
        }

        var (parent, key) = fields[random.Next(fields.Count)];
        var choice = random.Next(12);
        JsonNode? value = choice switch
        {
            0 => null,
            1 => JsonValue.Create(random.Next(-5, 5)),
            2 => JsonValue.Create("not-" + key),
            3 => JsonValue.Create(true),
            4 => new JsonArray(),
            5 => new JsonObject(),
            6 => JsonValue.Create(""),
            7 => JsonValue.Create(-1.5),
            8 => JsonValue.Create("2026-13-45T99:99:99Z"),
            9 => JsonValue.Create(long.MaxValue),
            10 => new JsonArray(JsonValue.Create(1), null, JsonValue.Create("x")),
            _ => JsonValue.Create("remove"),
        };
        if (choice == 11 && parent is JsonObject obj)
        {
            obj.Remove(key.ToString()!);
            return $"removed {key}";
        }

        Set(parent, key, value);
        return $"{key} = {value?.ToJsonString() ?? "null"}";
    }

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[(string)key] = value;
        }
        else if (parent is JsonArray array)
        {
            array[(int)key] = value;
        }
    }

    private static IEnumerable<(JsonNode Parent, object Key)> Fields(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    yield return (obj, name);
                    if (child is not null)
                    {
                        foreach (var inner in Fields(child))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array, i);
                    if (array[i] is { } child)
                    {
                        foreach (var inner in Fields(child))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
        }
    }

    private static string DuplicateKeys(JsonNode plausible)
    {
        var text = plausible.ToJsonString();
        return text.StartsWith('{') && text.Length > 2 ? "{\"id\":1,\"id\":\"x\"," + text[1..] : text;
    }

    private byte[] RandomBytes()
    {
        var bytes = new byte[random.Next(1, 300)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A body that would be read correctly: built from the return type's JSON properties (an error envelope for error statuses).</summary>
    private JsonNode Plausible(Type? returnType, bool errorStatus)
    {
        if (errorStatus || returnType is null)
        {
            return random.Next(3) switch
            {
                0 => new JsonObject { ["detail"] = "Something failed", ["code"] = "some_code" },
                1 => new JsonObject { ["detail"] = new JsonArray(new JsonObject { ["loc"] = new JsonArray("body", "months"), ["msg"] = "bad" }) },
                _ => new JsonObject { ["error"] = new JsonObject { ["message"] = "nope", ["type"] = "invalid" } },
            };
        }

        return Sample(returnType, 0) ?? new JsonObject();
    }

    private JsonNode? Sample(Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (depth > 6)
        {
            return null;
        }

        if (type == typeof(string))
        {
            return "s" + random.Next(1000).ToString(CultureInfo.InvariantCulture);
        }

        if (type == typeof(decimal))
        {
            return random.Next(2) == 0 ? JsonValue.Create("99.00") : JsonValue.Create(12.5m);
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(ulong) || type == typeof(short) || type == typeof(uint))
        {
            return JsonValue.Create(random.Next(0, 100));
        }

        if (type == typeof(double) || type == typeof(float))
        {
            return JsonValue.Create(1.25);
        }

        if (type == typeof(bool))
        {
            return JsonValue.Create(random.Next(2) == 0);
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return "2026-04-18T12:00:00Z";
        }

        if (type == typeof(Guid))
        {
            return Guid.NewGuid().ToString();
        }

        if (type == typeof(JsonElement) || type == typeof(JsonNode) || type == typeof(object))
        {
            return new JsonObject { ["k"] = "v" };
        }

        if (type == typeof(Uri))
        {
            return "https://example.com/x";
        }

        if (type.IsEnum)
        {
            return Enum.GetNames(type)[0].ToLowerInvariant();
        }

        // Extensible enums: the value of a known member.
        if (type.IsValueType && type.GetProperty("Value")?.PropertyType == typeof(string))
        {
            var known = type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == type).ToList();
            return known.Count == 0 ? "x" : known[random.Next(known.Count)].GetValue(null)?.ToString();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ApiList<>))
        {
            var item = type.GetGenericArguments()[0];
            return new JsonArray(Sample(item, depth + 1), Sample(item, depth + 1));
        }

        if (typeof(IDictionary).IsAssignableFrom(type) || (type.IsGenericType && type.GetGenericTypeDefinition().Name.Contains("Dictionary", StringComparison.Ordinal)))
        {
            var valueType = type.IsGenericType ? type.GetGenericArguments().Last() : typeof(string);
            return new JsonObject { ["k"] = Sample(valueType, depth + 1) };
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var item = type.IsArray ? type.GetElementType()! : type.IsGenericType ? type.GetGenericArguments()[0] : typeof(string);
            return new JsonArray(Sample(item, depth + 1));
        }

        if (type.IsClass || type.IsValueType)
        {
            var obj = new JsonObject();
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<JsonPropertyNameAttribute>() is { } name && property.GetCustomAttribute<JsonExtensionDataAttribute>() is null)
                {
                    obj[name.Name] = Sample(property.PropertyType, depth + 1);
                }
            }

            return obj;
        }

        return null;
    }
}
