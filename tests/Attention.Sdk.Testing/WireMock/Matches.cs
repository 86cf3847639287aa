using System.Text.Json.Nodes;

namespace Attention.Sdk.Testing.WireMock;

/// <summary>Ready-made <see cref="ValueMatcher"/>s for headers, query parameters and bodies.</summary>
public static class Matches
{
    /// <summary>The value is present (any value, even empty).</summary>
    public static ValueMatcher Present { get; } = new(() => new JsonObject { ["matches"] = "(?s).*" }, "present");

    /// <summary>The value is absent.</summary>
    public static ValueMatcher Absent { get; } = new(() => new JsonObject { ["absent"] = true }, "absent");

    /// <summary>Exactly <paramref name="value"/>.</summary>
    public static ValueMatcher EqualTo(string value, bool caseInsensitive = false) =>
        new(() => caseInsensitive
            ? new JsonObject { ["equalTo"] = value, ["caseInsensitive"] = true }
            : new JsonObject { ["equalTo"] = value }, $"equalTo '{value}'");

    /// <summary>Contains <paramref name="value"/>.</summary>
    public static ValueMatcher Contains(string value) => new(() => new JsonObject { ["contains"] = value }, $"contains '{value}'");

    /// <summary>Does not contain <paramref name="value"/>.</summary>
    public static ValueMatcher DoesNotContain(string value) => new(() => new JsonObject { ["doesNotContain"] = value }, $"doesNotContain '{value}'");

    /// <summary>Matches the (Java) regular expression <paramref name="pattern"/> as a whole.</summary>
    public static ValueMatcher Regex(string pattern) => new(() => new JsonObject { ["matches"] = pattern }, $"matches /{pattern}/");

    /// <summary>Does not match the (Java) regular expression <paramref name="pattern"/>.</summary>
    public static ValueMatcher NotRegex(string pattern) => new(() => new JsonObject { ["doesNotMatch"] = pattern }, $"doesNotMatch /{pattern}/");

    /// <summary>A body that is JSON equal to <paramref name="json"/>.</summary>
    public static ValueMatcher EqualToJson(string json, bool ignoreArrayOrder = false, bool ignoreExtraElements = false) =>
        new(() => new JsonObject
        {
            ["equalToJson"] = json,
            ["ignoreArrayOrder"] = ignoreArrayOrder,
            ["ignoreExtraElements"] = ignoreExtraElements,
        }, $"equalToJson {json}");

    /// <summary>A JSON body in which the JSONPath <paramref name="expression"/> finds something (e.g. <c>$.items[?(@.id == 1)]</c>).</summary>
    public static ValueMatcher JsonPath(string expression) => new(() => new JsonObject { ["matchesJsonPath"] = expression }, $"matchesJsonPath {expression}");
}
