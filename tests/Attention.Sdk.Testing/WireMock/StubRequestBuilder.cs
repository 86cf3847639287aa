using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Attention.Sdk.Testing.WireMock;

/// <summary>
/// The request half of a stub (immutable: every call returns a new builder, so a base request can be reused).
/// Finish it with one of the <c>Responds…</c> methods, or pass it to <see cref="WireMockScope.FindRequestsAsync"/> as a journal filter.
/// </summary>
public sealed record StubRequestBuilder
{
    internal StubRequestBuilder(string method, UrlMatchKind urlKind, string url)
    {
        Method = method;
        UrlKind = urlKind;
        Url = url;
    }

    /// <summary>The HTTP method, or <c>ANY</c>.</summary>
    public string Method { get; init; }

    /// <summary>How <see cref="Url"/> is matched.</summary>
    public UrlMatchKind UrlKind { get; init; }

    /// <summary>The relative path, path regex or URL.</summary>
    public string Url { get; init; }

    /// <summary>Request header patterns.</summary>
    public ImmutableList<KeyValuePair<string, ValueMatcher>> Headers { get; init; } = [];

    /// <summary>Query parameter patterns.</summary>
    public ImmutableList<KeyValuePair<string, ValueMatcher>> QueryParameters { get; init; } = [];

    /// <summary>Body patterns (all must match).</summary>
    public ImmutableList<ValueMatcher> BodyPatterns { get; init; } = [];

    /// <summary>The scenario (unprefixed name), the state it must be in and the state it moves to, if any.</summary>
    public (string Name, string RequiredState, string? NewState)? Scenario { get; init; }

    /// <summary>The stub priority (1 is the highest; WireMock's default is 5).</summary>
    public int? Priority { get; init; }

    /// <summary>Requires a header matching <paramref name="matcher"/> (a string is an exact match).</summary>
    public StubRequestBuilder WithHeader(string name, ValueMatcher matcher) => this with { Headers = Headers.Add(new(name, matcher)) };

    /// <summary>Requires the header to be absent.</summary>
    public StubRequestBuilder WithoutHeader(string name) => WithHeader(name, Matches.Absent);

    /// <summary>Requires a query parameter matching <paramref name="matcher"/> (compared decoded; a string is an exact match).</summary>
    public StubRequestBuilder WithQueryParam(string name, ValueMatcher matcher) => this with { QueryParameters = QueryParameters.Add(new(name, matcher)) };

    /// <summary>Requires the body to match <paramref name="matcher"/>.</summary>
    public StubRequestBuilder WithBody(ValueMatcher matcher) => this with { BodyPatterns = BodyPatterns.Add(matcher) };

    /// <summary>Requires a JSON body equal to <paramref name="json"/> (whitespace and property order do not matter).</summary>
    public StubRequestBuilder WithBodyJson(string json, bool ignoreArrayOrder = false, bool ignoreExtraElements = false) =>
        WithBody(Matches.EqualToJson(json, ignoreArrayOrder, ignoreExtraElements));

    /// <summary>Requires a JSON body in which <paramref name="jsonPath"/> finds something.</summary>
    public StubRequestBuilder WithBodyJsonPath(string jsonPath) => WithBody(Matches.JsonPath(jsonPath));

    /// <summary>Only matches while <paramref name="scenario"/> is in <paramref name="requiredState"/>; moves it to <paramref name="newState"/> when matched.</summary>
    public StubRequestBuilder InScenario(string scenario, string requiredState = WireMockScenario.Started, string? newState = null) =>
        this with { Scenario = (scenario, requiredState, newState) };

    /// <summary>Sets the priority (1 wins over 5; WireMock's default is 5).</summary>
    public StubRequestBuilder WithPriority(int priority) => this with { Priority = priority };

    /// <summary>Answers with only a status code (and no body).</summary>
    public StubDefinition Responds(int status) => new(this, new StubResponse { Status = status });

    /// <summary>Answers with a JSON body and <c>Content-Type: application/json</c>.</summary>
    public StubDefinition RespondsJson(int status, string json) => RespondsBody(status, json, "application/json");

    /// <summary>Answers with a JSON body and <c>Content-Type: application/json</c>.</summary>
    public StubDefinition RespondsJson(int status, JsonNode json) => RespondsJson(status, json.ToJsonString());

    /// <summary>Answers with a raw body (an HTML error page, truncated JSON…) and the given content type.</summary>
    public StubDefinition RespondsBody(int status, string body, string contentType) =>
        new(this, new StubResponse { Status = status, Body = body, Headers = [new("Content-Type", contentType)] });

    /// <summary>Answers with a socket-level fault instead of a response.</summary>
    public StubDefinition RespondsWithFault(WireMockFault fault) => new(this, new StubResponse { Fault = fault });

    /// <summary>The WireMock request pattern JSON, with paths placed under <paramref name="prefix"/>.</summary>
    internal JsonObject ToRequestPattern(ScopePrefix prefix)
    {
        var request = new JsonObject { ["method"] = Method };
        switch (UrlKind)
        {
            case UrlMatchKind.Path:
                request["urlPath"] = prefix.Apply(Url);
                break;
            case UrlMatchKind.PathRegex:
                request["urlPathPattern"] = prefix.ApplyRegex(Url);
                break;
            default:
                request["url"] = prefix.Apply(Url);
                break;
        }

        if (!Headers.IsEmpty)
        {
            request["headers"] = ToPatternObject(Headers);
        }

        if (!QueryParameters.IsEmpty)
        {
            request["queryParameters"] = ToPatternObject(QueryParameters);
        }

        if (!BodyPatterns.IsEmpty)
        {
            request["bodyPatterns"] = new JsonArray([.. BodyPatterns.Select(p => (JsonNode)p.ToJson())]);
        }

        return request;
    }

    private static JsonObject ToPatternObject(ImmutableList<KeyValuePair<string, ValueMatcher>> patterns)
    {
        // WireMock takes one pattern per name; several patterns on one name are combined with "and".
        var result = new JsonObject();
        foreach (var group in patterns.GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            var matchers = group.Select(p => p.Value.ToJson()).ToList();
            result[group.Key] = matchers.Count == 1 ? matchers[0] : new JsonObject { ["and"] = new JsonArray([.. matchers]) };
        }

        return result;
    }
}
