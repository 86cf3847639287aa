using System.Net;
using System.Text;
using System.Text.Json;

namespace Attention.Sdk.Http;

/// <summary>A successful raw answer: status, headers and body bytes, for endpoints the SDK does not type.</summary>
public sealed class ApiResponse
{
    internal ApiResponse(HttpStatusCode statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, byte[] body)
    {
        StatusCode = statusCode;
        Headers = headers;
        Body = body;
    }

    /// <summary>The (2xx) status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Response and content headers, case-insensitive.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The body bytes (empty when there was none).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The body as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Body.Span);

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
