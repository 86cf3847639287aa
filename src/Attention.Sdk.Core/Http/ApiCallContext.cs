namespace Attention.Sdk.Http;

/// <summary>
/// Per-call state carried in <see cref="HttpRequestMessage.Options"/> across the handlers: the route template,
/// the idempotency key minted once before the retry loop, the attempt count and how to rebuild the content.
/// </summary>
internal sealed class ApiCallContext
{
    private static readonly HttpRequestOptionsKey<ApiCallContext> s_key = new("Attention.Sdk.ApiCall");

    public string? Route { get; init; }

    public string? RequiredPermission { get; init; }

    public string? IdempotencyKey { get; set; }

    public int Attempts { get; set; }

    /// <summary>Creates fresh content for each attempt, so no attempt sends a stream another one consumed.</summary>
    public Func<HttpContent>? ContentFactory { get; init; }

    public static ApiCallContext? Get(HttpRequestMessage request) =>
        request.Options.TryGetValue(s_key, out var context) ? context : null;

    public static ApiCallContext GetOrCreate(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(s_key, out var context))
        {
            return context;
        }

        context = new ApiCallContext { Route = request.RequestUri?.AbsolutePath };
        request.Options.Set(s_key, context);
        return context;
    }

    public void AttachTo(HttpRequestMessage request) => request.Options.Set(s_key, this);
}
