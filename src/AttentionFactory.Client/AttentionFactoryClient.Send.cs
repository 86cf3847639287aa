using Attention.Sdk;
using Attention.Sdk.Http;

namespace AttentionFactory;

/// <summary>The escape hatch, the same on every client (docs/api-conventions.md, rule 10).</summary>
public partial class AttentionFactoryClient
{
    private readonly ApiConnection _api = null!;

    /// <summary>
    /// Calls an endpoint the SDK does not type yet through the same pipeline as the typed methods: the API key, retries by the
    /// endpoint's idempotency mark (a POST is retried after an ambiguous failure only when the request says
    /// <see cref="ApiRequest.HonoursIdempotencyKey"/>; 429 always), the client-side rate limit, log redaction and the typed exceptions.
    /// Returns the raw 2xx answer; read it with <see cref="ApiResponse.ParseJson"/> or <see cref="ApiResponse.Text"/>.
    /// </summary>
    /// <param name="request">
    /// The request: a route template relative to the base address (a leading copy of the base path is accepted), ids bound with
    /// <see cref="ApiRequest.WithPath"/> (escaped), query values with <see cref="ApiRequest.WithQuery(string, string?)"/>. A request built
    /// from a catalogued endpoint (<c>new ApiRequest(AttentionFactoryEndpoints.GetRental)</c>, see <see cref="AttentionFactoryEndpoints"/>) brings its method, route and
    /// idempotency mark.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The route could leave the base address (absolute URL, query or fragment in the template, <c>%</c>, <c>\</c>, dot or empty segments): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (a subtype per status, transport failure or timeout).</exception>
    public virtual Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken = default) =>
        _api.SendUntypedAsync(request, null, cancellationToken);

    /// <summary>Calls an endpoint the SDK does not type yet, with per-call options; otherwise as <see cref="SendAsync(ApiRequest, CancellationToken)"/>.</summary>
    /// <param name="request">The request (see <see cref="SendAsync(ApiRequest, CancellationToken)"/>).</param>
    /// <param name="requestOptions">Per-call options (extra headers, an idempotency key where the request is marked to honour one); after the call, <see cref="RequestOptions.Response"/>. Null: as the plain overload.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The route could leave the base address, or an idempotency key was given for a request not marked to honour it: nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (a subtype per status, transport failure or timeout).</exception>
    public virtual Task<ApiResponse> SendAsync(ApiRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _api.SendUntypedAsync(request, requestOptions, cancellationToken);
}
