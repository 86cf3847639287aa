namespace Attention.Sdk.Http;

/// <summary>
/// One documented endpoint, stated once: method, route template, the scope it needs and whether the server de-duplicates it by
/// <c>Idempotency-Key</c>. Each API package keeps its endpoints in one catalog (<c>AttentionFactoryEndpoints</c>,
/// <c>AttentiumEndpoints</c>, <c>AutoPersonasEndpoints</c>) that the typed methods, the sandbox's routes and scope checks, and
/// the test of the docs' endpoint tables all read. Build a call with <see cref="ApiRequest(ApiEndpoint)"/>.
/// </summary>
public sealed class ApiEndpoint
{
    /// <summary>Creates an endpoint description.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="route">The route relative to the API's base address, ids as <c>{name}</c> (for example <c>rentals/{id}/extend</c>).</param>
    /// <param name="requiredPermission">The scope the call needs (named in 403 errors and checked before sending where the API has scopes); null when the API has none.</param>
    /// <param name="honoursIdempotencyKey">
    /// Whether the API document promises that the server de-duplicates this endpoint by <c>Idempotency-Key</c>. Only such a POST/PATCH
    /// gets a minted key and is retried after an ambiguous failure.
    /// </param>
    /// <exception cref="ArgumentException">The route is empty, absolute, or has an empty, dot or malformed <c>{name}</c> segment.</exception>
    public ApiEndpoint(HttpMethod method, string route, string? requiredPermission = null, bool honoursIdempotencyKey = false)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(route);
        if (requiredPermission is { Length: 0 })
        {
            throw new ArgumentException("A required permission cannot be empty; use null for none.", nameof(requiredPermission));
        }

        Method = method;
        Route = route.TrimStart('/');
        Parameters = ParseParameters(Route);
        RequiredPermission = requiredPermission;
        HonoursIdempotencyKey = honoursIdempotencyKey;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The route template relative to the API's base address, ids as <c>{name}</c>.</summary>
    public string Route { get; }

    /// <summary>The names of the route's <c>{name}</c> parameters, in order.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>The scope the call needs, or null when the API has no scopes.</summary>
    public string? RequiredPermission { get; }

    /// <summary>Whether the server de-duplicates this endpoint by <c>Idempotency-Key</c> (so the SDK mints a key and may retry it).</summary>
    public bool HonoursIdempotencyKey { get; }

    /// <summary>
    /// Whether the SDK retries this endpoint after an ambiguous failure (a 5xx, a reset after sending, an attempt timeout): idempotent
    /// methods (GET, PUT, DELETE) and endpoints that honour <c>Idempotency-Key</c>. Every endpoint is retried after a 429.
    /// </summary>
    public bool IsSafeToRepeat => HttpMethods.IsIdempotent(Method) || HonoursIdempotencyKey;

    /// <summary>The method and route, for example <c>POST rentals/{id}/extend</c>.</summary>
    public override string ToString() => Method.Method + " " + Route;

    private static string[] ParseParameters(string route)
    {
        if (route.Contains("://", StringComparison.Ordinal) || route.IndexOfAny(['?', '#', '%', '\\']) >= 0)
        {
            throw new ArgumentException($"The route '{route}' must be a plain path relative to the base address.", nameof(route));
        }

        var parameters = new List<string>();
        foreach (var segment in route.Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                throw new ArgumentException($"The route '{route}' has an empty or dot segment.", nameof(route));
            }

            var open = segment.IndexOf('{', StringComparison.Ordinal);
            var close = segment.IndexOf('}', StringComparison.Ordinal);
            if (open < 0 && close < 0)
            {
                continue;
            }

            // One parameter per segment, filling it: "{id}", never "x{id}" or "{a}{b}", so each id is exactly one escaped segment.
            if (open != 0 || close != segment.Length - 1 || segment.Length < 3 || segment.IndexOf('{', 1) >= 0)
            {
                throw new ArgumentException($"The route '{route}' has a malformed parameter segment '{segment}'.", nameof(route));
            }

            var name = segment[1..^1];
            if (parameters.Contains(name))
            {
                throw new ArgumentException($"The route '{route}' names {{{name}}} twice.", nameof(route));
            }

            parameters.Add(name);
        }

        return [.. parameters];
    }
}
