namespace Attention.Sdk.Http;

/// <summary>
/// Outermost handler: gives a POST or PATCH without an <c>Idempotency-Key</c> a fresh UUID once per logical call,
/// before the retry loop, so every attempt carries the same key. A caller's key is never replaced. Only for endpoints the
/// API documents to honour the header (<see cref="ApiProfile.HonoursIdempotencyKeys"/> and <see cref="ApiRequest.HonoursIdempotencyKey"/>);
/// elsewhere a key would promise a safety the server does not give.
/// </summary>
public sealed class IdempotencyKeyHandler : DelegatingHandler
{
    /// <summary>The header name.</summary>
    public const string HeaderName = "Idempotency-Key";

    private readonly ApiProfile _profile;

    /// <summary>Creates the handler for an API.</summary>
    public IdempotencyKeyHandler(ApiProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _profile = profile;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = ApiCallContext.GetOrCreate(request);
        if (request.Headers.TryGetValues(HeaderName, out var existing))
        {
            call.IdempotencyKey = existing.FirstOrDefault();
        }
        else if (_profile.HonoursIdempotencyKeys && call.EndpointHonoursIdempotencyKey && HttpMethods.NeedsIdempotencyKey(request.Method))
        {
            var key = Guid.NewGuid().ToString();
            request.Headers.TryAddWithoutValidation(HeaderName, key);
            call.IdempotencyKey = key;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
