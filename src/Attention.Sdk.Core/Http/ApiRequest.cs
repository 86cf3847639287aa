using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Attention.Sdk.Http;

/// <summary>
/// One API call described before it is sent: method, route template with escaped path parameters, query, JSON body,
/// headers and an optional idempotency key. API packages build these; <see cref="ApiConnection"/> sends them.
/// </summary>
public sealed class ApiRequest
{
    // One builder per thread, reused: building a path then allocates only the finished string (the BCL's StringBuilderCache idea).
    [ThreadStatic]
    private static StringBuilder? t_builder;

    // Created on first use: most requests have one path parameter, no query and no extra header.
    private List<KeyValuePair<string, string>>? _pathParameters;
    private List<KeyValuePair<string, string>>? _query;
    private List<KeyValuePair<string, string>>? _headers;
    private byte[]? _body;
    private string _bodyMediaType = "application/json";

    /// <summary>Creates a request for a route template relative to the API's base address (for example <c>rentals/{id}/extend</c>).</summary>
    public ApiRequest(HttpMethod method, string routeTemplate)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(routeTemplate);
        Method = method;
        RouteTemplate = routeTemplate.TrimStart('/');
    }

    /// <summary>
    /// Creates a request for a catalogued endpoint: its method and route, and its required scope and idempotency promise, so a typed
    /// method states none of them again.
    /// </summary>
    public ApiRequest(ApiEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        Method = endpoint.Method;
        RouteTemplate = endpoint.Route;
        RequiredPermission = endpoint.RequiredPermission;
        IdempotencyKeyHonoured = endpoint.HonoursIdempotencyKey;
    }

    /// <summary>The catalogued endpoint this request was created for, or null for a request built from a method and route.</summary>
    public ApiEndpoint? Endpoint { get; }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The route template relative to the base address; ids are never inlined here.</summary>
    public string RouteTemplate { get; private set; }

    /// <summary>
    /// The caller's idempotency key, sent as <c>Idempotency-Key</c>. When null the pipeline mints one for a POST/PATCH to an
    /// endpoint marked with <see cref="HonoursIdempotencyKey"/> on an API that honours keys.
    /// </summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>
    /// Whether the API documents that this endpoint de-duplicates by <c>Idempotency-Key</c> (set by <see cref="HonoursIdempotencyKey"/>).
    /// Only such a POST/PATCH gets a minted key and is retried after an ambiguous failure (a 5xx, a reset after sending, an attempt timeout).
    /// </summary>
    public bool IdempotencyKeyHonoured { get; private set; }

    /// <summary>The permission (scope) the call needs, named in 403 errors.</summary>
    public string? RequiredPermission { get; private set; }

    /// <summary>
    /// Binds <c>{name}</c> in the template to a value, escaped as exactly one path segment: every character outside the unreserved
    /// set is percent-encoded (so <c>a/b</c> is sent as <c>a%2Fb</c> and <c>%2e%2e</c> as <c>%252e%252e</c>), and the dot segments
    /// <c>.</c> and <c>..</c>, which no escaping keeps from changing the route, are refused.
    /// </summary>
    /// <exception cref="ArgumentException">The value is null, empty, whitespace, <c>.</c> or <c>..</c>.</exception>
    public ApiRequest WithPath(string name, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"'{name}' is required and cannot be empty.", name);
        }

        if (value is "." or "..")
        {
            // Ids often come from webhooks or user input: "rentals/.." would address another resource.
            throw new ArgumentException($"'{name}' cannot be '{value}': a dot segment would change the route.", name);
        }

        if (!HasParameter(RouteTemplate, name))
        {
            throw new ArgumentException($"The route {RouteTemplate} has no parameter {{{name}}}.", nameof(name));
        }

        _pathParameters ??= new(2);
        for (var i = 0; i < _pathParameters.Count; i++)
        {
            if (_pathParameters[i].Key == name)
            {
                _pathParameters[i] = new(name, value);
                return this;
            }
        }

        _pathParameters.Add(new(name, value));
        return this;
    }

    /// <summary>Adds a query parameter; a null value is skipped.</summary>
    public ApiRequest WithQuery(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (value is not null)
        {
            (_query ??= []).Add(new(name, value));
        }

        return this;
    }

    /// <summary>Adds a numeric query parameter (invariant culture); a null value is skipped.</summary>
    public ApiRequest WithQuery(string name, long? value) =>
        WithQuery(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a request header.</summary>
    public ApiRequest WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        (_headers ??= []).Add(new(name, value));
        return this;
    }

    /// <summary>Whether the request carries a header of this name (case-insensitive), set by the SDK or the caller who built it.</summary>
    internal bool HasHeader(string name) =>
        _headers is not null && _headers.Exists(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Sets the idempotency key; null or empty leaves the choice to the pipeline.</summary>
    /// <exception cref="ArgumentException">The key is longer than 255 characters or has characters a header cannot carry.</exception>
    public ApiRequest WithIdempotencyKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return this;
        }

        if (key.Length > 255 || key.Any(c => c < 0x21 || c > 0x7e))
        {
            throw new ArgumentException("An idempotency key must be 1 to 255 visible ASCII characters.", nameof(key));
        }

        IdempotencyKey = key;
        return this;
    }

    /// <summary>
    /// Marks the endpoint as one the API documents to de-duplicate by <c>Idempotency-Key</c> (for example Attention Factory's
    /// <c>POST /v1/rentals</c>): the pipeline then mints a key when the caller gave none and may retry the call after an ambiguous failure.
    /// </summary>
    public ApiRequest HonoursIdempotencyKey()
    {
        IdempotencyKeyHonoured = true;
        return this;
    }

    /// <summary>Names the permission (scope) the call needs.</summary>
    public ApiRequest WithRequiredPermission(string? permission)
    {
        RequiredPermission = permission;
        return this;
    }

    /// <summary>Sets a JSON body, serialized now with a source-generated contract (no reflection).</summary>
    public ApiRequest WithJsonBody<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        _body = JsonSerializer.SerializeToUtf8Bytes(body, typeInfo);
        _bodyMediaType = "application/json";
        return this;
    }

    /// <summary>Sets a raw body with its media type (for example already-serialized JSON).</summary>
    public ApiRequest WithBody(ReadOnlySpan<byte> body, string mediaType = "application/json")
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        _body = body.ToArray();
        _bodyMediaType = mediaType;
        return this;
    }

    /// <summary>The path relative to the base address with parameters escaped, plus the query string.</summary>
    /// <exception cref="ArgumentException">A template parameter was not bound.</exception>
    public string BuildRelativeUri()
    {
        var path = AcquireBuilder(RouteTemplate.Length + 32);
        var template = RouteTemplate.AsSpan();
        while (!template.IsEmpty)
        {
            var open = template.IndexOf('{');
            if (open < 0)
            {
                path.Append(template);
                break;
            }

            var close = template[open..].IndexOf('}') + open;
            path.Append(template[..open]);
            var name = template[(open + 1)..close];
            var value = FindPathParameter(name) ?? throw new ArgumentException($"The route {RouteTemplate} needs a value for {{{name}}}.", name.ToString());
            path.Append(Uri.EscapeDataString(value));
            template = template[(close + 1)..];
        }

        for (var i = 0; i < (_query?.Count ?? 0); i++)
        {
            path.Append(i == 0 ? '?' : '&')
                .Append(Uri.EscapeDataString(_query![i].Key)).Append('=').Append(Uri.EscapeDataString(_query[i].Value));
        }

        return ReleaseBuilder(path);
    }

    /// <summary>Builds the message for one call; <paramref name="requestOptions"/> (already validated) add their key and headers to it alone.</summary>
    internal HttpRequestMessage ToHttpRequestMessage(Uri baseAddress, string basePath, string? userAgent, RequestOptions? requestOptions = null)
    {
        var idempotencyKey = requestOptions?.IdempotencyKey ?? IdempotencyKey;
        var body = _body;
        var mediaType = _bodyMediaType;
        Func<HttpContent>? contentFactory = body is null ? null : () => CreateContent(body, mediaType);
        var message = new ApiHttpRequestMessage(Method, new Uri(baseAddress, BuildRelativeUri()), new ApiCallContext
        {
            BasePath = basePath,
            RouteTemplate = RouteTemplate,
            RequiredPermission = RequiredPermission,
            IdempotencyKey = idempotencyKey,
            EndpointHonoursIdempotencyKey = IdempotencyKeyHonoured,
            ContentFactory = contentFactory,
        });
        if (userAgent is not null)
        {
            message.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        message.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (_headers is not null)
        {
            foreach (var header in _headers)
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (requestOptions is not null)
        {
            foreach (var header in requestOptions.Headers)
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (idempotencyKey is not null)
        {
            message.Headers.TryAddWithoutValidation(IdempotencyKeyHandler.HeaderName, idempotencyKey);
        }

        message.Content = contentFactory?.Invoke();
        return message;
    }

    /// <summary>
    /// For a caller-built request (the escape hatch): drops a leading copy of the base path (<c>api/v1/...</c> as printed in the docs)
    /// and refuses any template that could leave the base address: a scheme or absolute URL, a query or fragment, percent-escapes,
    /// backslashes, empty or dot segments, or characters outside a path segment's set. Ids go through <see cref="WithPath"/>, which escapes them.
    /// </summary>
    /// <exception cref="ArgumentException">The template is not a plain relative route.</exception>
    internal void EnsureRelativeRoute(string basePath)
    {
        var template = RouteTemplate;
        var baseSegments = basePath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var skip = 0; skip < baseSegments.Length; skip++)
        {
            // The longest tail of the base path the template starts with ("api/v1/..." under ".../api/v1") is a copy from the docs.
            var prefix = string.Join('/', baseSegments[skip..]) + "/";
            if (template.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                template = template[prefix.Length..];
                break;
            }
        }

        var segments = template.Split('/');
        if (template.Length == 0 || segments[0].Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("The route must be a path relative to the base address (for example 'influencers/{id}'), not an absolute URL.", "request");
        }

        foreach (var segment in segments)
        {
            if (segment is "" or "." or ".." || segment.Any(c => !IsRouteChar(c)))
            {
                throw new ArgumentException(
                    $"The route '{RouteTemplate}' has an empty or dot segment or a character outside a path segment (query, fragment, '%' or '\\'): bind ids with WithPath and query values with WithQuery.",
                    "request");
            }
        }

        RouteTemplate = template;
    }

    private static bool IsRouteChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '{' or '}' or ':' or '@' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';

    /// <summary>Whether the template holds <c>{name}</c> (checked without building the braced text).</summary>
    private static bool HasParameter(string template, string name)
    {
        var rest = template.AsSpan();
        for (var at = rest.IndexOf('{'); at >= 0; at = rest.IndexOf('{'))
        {
            rest = rest[(at + 1)..];
            if (rest.StartsWith(name, StringComparison.Ordinal) && rest.Length > name.Length && rest[name.Length] == '}')
            {
                return true;
            }
        }

        return false;
    }

    private static StringBuilder AcquireBuilder(int capacity)
    {
        var builder = t_builder;
        if (builder is not null && capacity <= 512)
        {
            t_builder = null;
            return builder.Clear();
        }

        return new StringBuilder(capacity);
    }

    private static string ReleaseBuilder(StringBuilder builder)
    {
        var text = builder.ToString();
        if (builder.Capacity <= 512)
        {
            t_builder = builder;
        }

        return text;
    }

    private string? FindPathParameter(ReadOnlySpan<char> name)
    {
        if (_pathParameters is null)
        {
            return null;
        }

        foreach (var parameter in _pathParameters)
        {
            if (name.SequenceEqual(parameter.Key))
            {
                return parameter.Value;
            }
        }

        return null;
    }

    private static ByteArrayContent CreateContent(byte[] body, string mediaType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = mediaType == "application/json" ? "utf-8" : null };
        return content;
    }
}
