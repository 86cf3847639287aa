namespace Attention.Sdk.Http;

/// <summary>
/// Per-call settings and, after the call, its response metadata. Pass one to the overload every typed method has
/// (<c>XAsync(args, RequestOptions? requestOptions, CancellationToken cancellationToken = default)</c>; null there is the plain call); the plain overload
/// (<c>XAsync(args, CancellationToken cancellationToken = default)</c>) allocates nothing of this. One instance per call:
/// <see cref="Response"/> is overwritten by each call that uses it, so do not share an instance between concurrent calls.
/// </summary>
public sealed class RequestOptions
{
    // Headers the pipeline owns: a caller value would replace the key, break idempotency or desynchronise the framing.
    private static readonly string[] s_reserved =
    [
        "Authorization", "Proxy-Authorization", "Idempotency-Key", "Host", "Content-Length", "Content-Type",
        "Transfer-Encoding", "Connection", "Cookie", "Expect", "Upgrade", "TE", "Trailer", "Keep-Alive",
    ];

    private string? _idempotencyKey;
    private List<KeyValuePair<string, string>>? _headers;

    /// <summary>
    /// The <c>Idempotency-Key</c> to send, replacing the one the SDK would mint (reuse it to repeat a call safely after an
    /// ambiguous failure). Only for endpoints the API documents to de-duplicate by it (Attention Factory's <c>POST /v1/rentals</c>
    /// and action submission): on any other call the SDK refuses it with <see cref="ArgumentException"/> before sending, because
    /// the server would ignore it and the caller would believe in a safety that does not exist.
    /// </summary>
    /// <exception cref="ArgumentException">Set: not 1 to 255 visible ASCII characters.</exception>
    public string? IdempotencyKey
    {
        get => _idempotencyKey;
        set
        {
            if (value is not null && (value.Length is 0 or > 255 || value.Any(c => c < 0x21 || c > 0x7e)))
            {
                throw new ArgumentException("An idempotency key must be 1 to 255 visible ASCII characters.", nameof(value));
            }

            _idempotencyKey = value;
        }
    }

    /// <summary>The extra request headers added with <see cref="AddHeader"/>, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers ?? (IReadOnlyList<KeyValuePair<string, string>>)[];

    /// <summary>
    /// The response of the last call made with these options, set when the server answered 2xx: status, headers, request id and
    /// body bytes (also when that body then could not be read as the documented shape, so it can be inspected beside the
    /// <see cref="AttentionResponseException"/>). Null before the call and when no 2xx answer came (the exception carries the
    /// status, request id and body).
    /// </summary>
    public ApiResponse? Response { get; internal set; }

    /// <summary>
    /// Adds a request header sent on every attempt of the call (for example a tracing or experiment header). A header the call sets
    /// itself (for example Attentium's <c>X-Agent-Key</c> on a payment submission) is refused with <see cref="ArgumentException"/>
    /// when the call is made, before anything is sent.
    /// </summary>
    /// <param name="name">The header name (a token; not one the pipeline owns, such as <c>Authorization</c> or <c>Idempotency-Key</c>).</param>
    /// <param name="value">The value (no control characters).</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentException">The name is empty, not a header token, or reserved; or the value has control characters.</exception>
    public RequestOptions AddHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (!name.All(IsTokenChar))
        {
            throw new ArgumentException($"'{name}' is not a valid header name.", nameof(name));
        }

        if (s_reserved.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"The SDK sets '{name}' itself; {(name.Equals("Idempotency-Key", StringComparison.OrdinalIgnoreCase) ? "use IdempotencyKey" : "it cannot be replaced per call")}.",
                nameof(name));
        }

        if (value.Any(c => c < 0x20 && c != '\t' || c == 0x7f))
        {
            throw new ArgumentException($"The value of '{name}' has control characters.", nameof(value));
        }

        (_headers ??= []).Add(new(name, value));
        return this;
    }

    /// <summary>Refuses, before anything is sent, a key the endpoint does not honour and a header the call sets itself (the endpoint's idempotency mark is already set).</summary>
    internal void Validate(ApiRequest request, ApiProfile profile)
    {
        if (_idempotencyKey is not null && (!profile.HonoursIdempotencyKeys || !request.IdempotencyKeyHonoured))
        {
            throw new ArgumentException(
                $"{request.Method.Method} {request.RouteTemplate} ({profile.Name}) does not de-duplicate by Idempotency-Key, so the SDK does not send one: nothing was sent.",
                nameof(IdempotencyKey));
        }

        if (_headers is not null)
        {
            foreach (var header in _headers)
            {
                // A second value for a header the call sets itself (Attentium's payment proof, AutoPersonas' scopes) would be
                // joined to the SDK's value and change what the server reads: refuse it before anything is sent.
                if (request.HasHeader(header.Key))
                {
                    throw new ArgumentException(
                        $"{request.Method.Method} {request.RouteTemplate} ({profile.Name}) sets '{header.Key}' itself; it cannot be added per call: nothing was sent.",
                        nameof(Headers));
                }
            }
        }
    }

    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
