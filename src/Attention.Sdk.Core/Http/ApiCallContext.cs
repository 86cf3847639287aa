namespace Attention.Sdk.Http;

/// <summary>
/// Per-call state carried in <see cref="HttpRequestMessage.Options"/> across the handlers: the route template,
/// the idempotency key minted once before the retry loop, the attempt count and how to rebuild the content.
/// </summary>
internal sealed class ApiCallContext
{
    private static readonly HttpRequestOptionsKey<ApiCallContext> s_key = new("Attention.Sdk.ApiCall");

    private string? _route;

    /// <summary>The route template as shown in errors and telemetry (for example <c>/v1/rentals/{id}</c>), built on first use.</summary>
    public string? Route
    {
        get => _route ??= RouteTemplate is null ? null : BasePath + "/" + RouteTemplate;
        init => _route = value;
    }

    /// <summary>The base address's path without its trailing slash (for example <c>/v1</c>).</summary>
    public string? BasePath { get; init; }

    /// <summary>The route template relative to the base address.</summary>
    public string? RouteTemplate { get; init; }

    public string? RequiredPermission { get; init; }

    /// <summary>The JSON-RPC method of a JSON-RPC call (set by its client while someone listens): attempt spans are named by it.</summary>
    public string? RpcMethod { get; set; }

    public string? IdempotencyKey { get; set; }

    /// <summary>Whether the API documents that this endpoint de-duplicates by <c>Idempotency-Key</c> (see <see cref="ApiRequest.HonoursIdempotencyKey"/>).</summary>
    public bool EndpointHonoursIdempotencyKey { get; init; }

    /// <summary>
    /// Set when an earlier attempt failed after the request may have reached the server (a 5xx or 408, a reset after sending,
    /// an attempt timeout) and the call was retried: a later 404/409 to a DELETE then means the first attempt did the work.
    /// </summary>
    public bool RetriedAfterAmbiguousFailure { get; set; }

    public int Attempts { get; set; }

    /// <summary>Set when a retry was due but the retry budget was empty, so the call ends with the failure at hand.</summary>
    public bool RetryBudgetExhausted { get; set; }

    /// <summary>The attempt whose retry was last taken from the retry budget (0: none), so a replayed outcome does not pay twice.</summary>
    public int RetryBudgetPaidForAttempt { get; set; }

    /// <summary>The request being sent, set by the resilience handler for its retry rules (only when a retry is due).</summary>
    public HttpRequestMessage? Request { get; set; }

    /// <summary>The caller's own token (not the pipeline's), so the retry rules can tell a caller's cancellation from a timeout.</summary>
    public CancellationToken CallerToken { get; set; }

    /// <summary>What is left of the overall timeout when the first attempt is to be retried (infinite when there is none).</summary>
    public TimeSpan RetryBudget { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>Creates fresh content for each attempt, so no attempt sends a stream another one consumed.</summary>
    public Func<HttpContent>? ContentFactory { get; init; }

    public static ApiCallContext? Get(HttpRequestMessage request) =>
        request is ApiHttpRequestMessage own ? own.Call : request.Options.TryGetValue(s_key, out var context) ? context : null;

    public static ApiCallContext GetOrCreate(HttpRequestMessage request)
    {
        if (Get(request) is { } context)
        {
            return context;
        }

        context = new ApiCallContext { Route = request.RequestUri?.AbsolutePath };
        request.Options.Set(s_key, context);
        return context;
    }

}

/// <summary>
/// The request message the SDK sends: it carries its <see cref="ApiCallContext"/> directly, so the hot path never allocates
/// the options dictionary. Requests sent by other code through the same handlers fall back to <see cref="HttpRequestMessage.Options"/>.
/// </summary>
internal sealed class ApiHttpRequestMessage(HttpMethod method, Uri uri, ApiCallContext call) : HttpRequestMessage(method, uri)
{
    public ApiCallContext Call { get; } = call;
}
