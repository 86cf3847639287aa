using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Attention.Sdk.Http;

/// <summary>A successful raw answer: status, headers, request id and body bytes (from the escape hatch, or <see cref="RequestOptions.Response"/> after a typed call).</summary>
public sealed class ApiResponse
{
    private readonly HttpResponseHeaders? _responseHeaders;
    private readonly HttpContentHeaders? _contentHeaders;
    private IReadOnlyDictionary<string, IReadOnlyList<string>>? _headers;

    internal ApiResponse(HttpStatusCode statusCode, HttpResponseHeaders? responseHeaders, HttpContentHeaders? contentHeaders, byte[] body)
    {
        StatusCode = statusCode;
        _responseHeaders = responseHeaders;
        _contentHeaders = contentHeaders;
        Body = body;
    }

    /// <summary>Creates a response from parts (for tests and model factories).</summary>
    public ApiResponse(HttpStatusCode statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        StatusCode = statusCode;
        _headers = headers;
        Body = body;
    }

    /// <summary>The status: 2xx, or the 404/409 of a DELETE reported as success (see <see cref="CompletedByEarlierAttempt"/>).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// True for a DELETE whose first answer was lost (a 5xx or 408, a reset after sending, an attempt timeout) and whose retry met
    /// 404 or 409: the earlier attempt did the work, so the call succeeded. <see cref="StatusCode"/> is the retry's status and the body is empty.
    /// </summary>
    public bool CompletedByEarlierAttempt { get; init; }

    /// <summary>Response and content headers, case-insensitive (built on first use: most callers never read them).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers => _headers ??= CollectHeaders();

    /// <summary>The server's request id (<c>X-Request-Id</c>, else <c>Request-Id</c> or <c>X-Correlation-Id</c>), when sent; quote it to support.</summary>
    public string? RequestId =>
        FirstHeader("X-Request-Id") ?? FirstHeader("Request-Id") ?? FirstHeader("X-Correlation-Id");

    /// <summary>The body bytes (empty when there was none).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The body as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Body.Span);

    private string? FirstHeader(string name) =>
        Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    private Dictionary<string, IReadOnlyList<string>> CollectHeaders()
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        IEnumerable<KeyValuePair<string, IEnumerable<string>>> all = _responseHeaders ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>();
        if (_contentHeaders is not null)
        {
            all = all.Concat(_contentHeaders);
        }

        foreach (var header in all)
        {
            headers[header.Key] = header.Value.ToArray();
        }

        return headers;
    }

    /// <summary>Parses the body as JSON. The caller disposes the document.</summary>
    /// <exception cref="AttentionResponseException">The body is not JSON.</exception>
    public JsonDocument ParseJson()
    {
        try
        {
            return JsonDocument.Parse(Body);
        }
        catch (JsonException ex)
        {
            throw new AttentionResponseException($"The response body is not valid JSON: {ex.Message}", StatusCode, ApiErrorReader.Truncate(Text), ex);
        }
    }
}
