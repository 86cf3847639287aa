using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Attention.Sdk.Testing.WireMock;

/// <summary>One request from WireMock's journal, with the scope prefix stripped from <see cref="Path"/>.</summary>
public sealed class RecordedRequest
{
    private readonly Lazy<JsonNode?> _bodyJson;

    private RecordedRequest(
        string method,
        string path,
        string relativeUrl,
        Uri url,
        IReadOnlyDictionary<string, IReadOnlyList<string>> query,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        string body,
        DateTimeOffset loggedAt,
        bool wasMatched)
    {
        Method = method;
        Path = path;
        RelativeUrl = relativeUrl;
        Url = url;
        Query = query;
        Headers = headers;
        Body = body;
        LoggedAt = loggedAt;
        WasMatched = wasMatched;
        _bodyJson = new(ParseBody);
    }

    /// <summary>The HTTP method, e.g. <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>The path without the scope prefix and without the query, escaped exactly as received, e.g. <c>/v1/rentals/a%2Fb</c>.</summary>
    public string Path { get; }

    /// <summary><see cref="Path"/> plus the raw query string, e.g. <c>/v1/rentals?status=active</c>.</summary>
    public string RelativeUrl { get; }

    /// <summary>The full URL as received (scope prefix included).</summary>
    public Uri Url { get; }

    /// <summary>Query parameters with decoded values, in the order WireMock reports them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Query { get; }

    /// <summary>Request headers (names case-insensitive), every value of each.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The body as text (empty when there was none).</summary>
    public string Body { get; }

    /// <summary>The body parsed as JSON; null when the body is empty. Throws (showing the body) when it is not JSON.</summary>
    public JsonNode? BodyJson => _bodyJson.Value;

    /// <summary>When WireMock logged the request.</summary>
    public DateTimeOffset LoggedAt { get; }

    /// <summary>Whether a stub matched the request (false in the unmatched list).</summary>
    public bool WasMatched { get; }

    /// <summary>The first value of header <paramref name="name"/>, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>Every value of header <paramref name="name"/> (empty when absent).</summary>
    public IReadOnlyList<string> HeaderValues(string name) => Headers.TryGetValue(name, out var values) ? values : [];

    /// <summary>The first (decoded) value of query parameter <paramref name="name"/>, or null.</summary>
    public string? QueryParam(string name) => Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <inheritdoc />
    public override string ToString() => $"{Method} {RelativeUrl}";

    /// <summary>Reads one journal entry (the <c>request</c> object of WireMock's LoggedRequest JSON).</summary>
    internal static RecordedRequest FromJson(JsonObject request, ScopePrefix prefix, bool wasMatched = true)
    {
        var rawUrl = request["url"]?.GetValue<string>() ?? "/";
        var queryStart = rawUrl.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? rawUrl : rawUrl[..queryStart];
        var rawQuery = queryStart < 0 ? string.Empty : rawUrl[queryStart..];
        var path = prefix.Strip(rawPath);

        var absolute = request["absoluteUrl"]?.GetValue<string>();
        var url = absolute is not null ? new Uri(absolute) : new Uri("http://localhost" + rawUrl);

        var loggedAt = request["loggedDate"] is JsonValue logged && logged.TryGetValue<long>(out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.MinValue;

        return new RecordedRequest(
            request["method"]?.GetValue<string>() ?? string.Empty,
            path,
            path + rawQuery,
            url,
            ReadQuery(request["queryParams"] as JsonObject),
            ReadHeaders(request["headers"] as JsonObject),
            ReadBody(request),
            loggedAt,
            wasMatched);
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadQuery(JsonObject? queryParams)
    {
        var query = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, parameter) in queryParams ?? [])
        {
            var values = parameter?["values"] as JsonArray;
            query[name] = values?.Select(v => v?.GetValue<string>() ?? string.Empty).ToArray() ?? [];
        }

        return query;
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadHeaders(JsonObject? json)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in json ?? [])
        {
            IReadOnlyList<string> values = value switch
            {
                JsonArray array => array.Select(v => v?.GetValue<string>() ?? string.Empty).ToArray(),
                null => [],
                _ => [value.GetValue<string>()],
            };
            headers[name] = headers.TryGetValue(name, out var existing) ? [.. existing, .. values] : values;
        }

        return headers;
    }

    private static string ReadBody(JsonObject request)
    {
        if (request["body"] is JsonValue body && body.TryGetValue<string>(out var text))
        {
            return text;
        }

        return request["bodyAsBase64"] is JsonValue base64 && base64.TryGetValue<string>(out var encoded)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(encoded))
            : string.Empty;
    }

    private JsonNode? ParseBody()
    {
        if (string.IsNullOrWhiteSpace(Body))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(Body);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The body of {this} is not JSON: {Body}", ex);
        }
    }
}
