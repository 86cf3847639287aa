using Attention.Sdk;
using Attention.Sdk.Http;

namespace AutoPersonas.Influencers;

/// <summary>Influencers (characters): list, get, create, update, delete, set reference images and generate a 4-view reference pack.</summary>
public class InfluencersClient
{
    private readonly ApConnection _connection = null!;

    internal InfluencersClient(ApConnection connection) => _connection = connection;

    /// <summary>For mocking.</summary>
    protected InfluencersClient()
    {
    }

    /// <summary>Lists all influencers (<c>GET /influencers</c>, scope <c>character:read</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionPermissionDeniedException">403 (or a declared scope missing): the key lacks <c>character:read</c>.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<ApiList<Influencer>> ListAsync(CancellationToken cancellationToken = default) =>
        ListAsync(null, cancellationToken);

    /// <summary>Lists all influencers with per-call options; otherwise as <see cref="ListAsync(CancellationToken)"/>.</summary>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionPermissionDeniedException">403 (or a declared scope missing): the key lacks <c>character:read</c>.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ApiList<Influencer>> ListAsync(RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendListAsync(new ApiRequest(AutoPersonasEndpoints.ListInfluencers), ApJsonContext.Default.Influencer, "influencers", requestOptions, cancellationToken);

    /// <summary>Gets an influencer (<c>GET /influencers/:id</c>, scope <c>character:read</c>).</summary>
    /// <param name="influencerId">The influencer id (escaped as one path segment).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty (nothing was sent).</exception>
    /// <exception cref="AttentionNotFoundException">404: no such influencer.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<Influencer> GetAsync(string influencerId, CancellationToken cancellationToken = default) =>
        GetAsync(influencerId, null, cancellationToken);

    /// <summary>Gets an influencer with per-call options; otherwise as <see cref="GetAsync(string, CancellationToken)"/>.</summary>
    /// <param name="influencerId">The influencer id (escaped as one path segment).</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionNotFoundException">404: no such influencer.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<Influencer> GetAsync(string influencerId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(new ApiRequest(AutoPersonasEndpoints.GetInfluencer).WithPath("id", influencerId), ApJsonContext.Default.Influencer, requestOptions, cancellationToken);

    /// <summary>
    /// Creates an influencer (<c>POST /influencers</c>, scope <c>character:write</c>). Not retried after a 5xx, a reset or a timeout:
    /// the API documents no idempotency keys, so a retry could create a second influencer.
    /// </summary>
    /// <param name="request">The fields to set (only set fields are sent).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionBadRequestException">400: the server rejected the fields.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<Influencer> CreateAsync(InfluencerRequest request, CancellationToken cancellationToken = default) =>
        CreateAsync(request, null, cancellationToken);

    /// <summary>Creates an influencer with per-call options; otherwise as <see cref="CreateAsync(InfluencerRequest, CancellationToken)"/>.</summary>
    /// <param name="request">The fields to set (only set fields are sent).</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionBadRequestException">400: the server rejected the fields.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<Influencer> CreateAsync(InfluencerRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.CreateInfluencer).WithJsonBody(request, ApJsonContext.Default.InfluencerRequest),
            ApJsonContext.Default.Influencer,
            requestOptions,
            cancellationToken);
    }

    /// <summary>Updates an influencer (<c>PUT /influencers/:id</c>, scope <c>character:write</c>); retried on 5xx like every PUT.</summary>
    /// <param name="influencerId">The influencer id.</param>
    /// <param name="request">The fields (only set fields are sent).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="AttentionNotFoundException">404: no such influencer.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<Influencer> UpdateAsync(string influencerId, InfluencerRequest request, CancellationToken cancellationToken = default) =>
        UpdateAsync(influencerId, request, null, cancellationToken);

    /// <summary>Updates an influencer with per-call options; otherwise as <see cref="UpdateAsync(string, InfluencerRequest, CancellationToken)"/>.</summary>
    /// <param name="influencerId">The influencer id.</param>
    /// <param name="request">The fields (only set fields are sent).</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionNotFoundException">404: no such influencer.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<Influencer> UpdateAsync(string influencerId, InfluencerRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.UpdateInfluencer).WithPath("id", influencerId).WithJsonBody(request, ApJsonContext.Default.InfluencerRequest),
            ApJsonContext.Default.Influencer,
            requestOptions,
            cancellationToken);
    }

    /// <summary>Deletes an influencer (<c>DELETE /influencers/:id</c>, scope <c>character:write</c>). An empty 2xx body gives a result with <see cref="OperationResult.Success"/> true.</summary>
    /// <param name="influencerId">The influencer id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="AttentionNotFoundException">404: no such influencer.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<OperationResult> DeleteAsync(string influencerId, CancellationToken cancellationToken = default) =>
        DeleteAsync(influencerId, null, cancellationToken);

    /// <summary>Deletes an influencer with per-call options; otherwise as <see cref="DeleteAsync(string, CancellationToken)"/>.</summary>
    /// <param name="influencerId">The influencer id.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionNotFoundException">404: no such influencer.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<OperationResult> DeleteAsync(string influencerId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendTolerantAsync(
            new ApiRequest(AutoPersonasEndpoints.DeleteInfluencer).WithPath("id", influencerId),
            ApJsonContext.Default.OperationResult,
            static () => new OperationResult { Success = true },
            requestOptions,
            cancellationToken);

    /// <summary>Sets the influencer's reference images (<c>POST /influencers/:id/references</c>, scope <c>character:write</c>) and returns the influencer.</summary>
    /// <param name="influencerId">The influencer id.</param>
    /// <param name="request">The image URLs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty or no image URL is given (nothing was sent).</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<Influencer> SetReferenceImagesAsync(string influencerId, SetReferenceImagesRequest request, CancellationToken cancellationToken = default) =>
        SetReferenceImagesAsync(influencerId, request, null, cancellationToken);

    /// <summary>Sets the influencer's reference images with per-call options; otherwise as <see cref="SetReferenceImagesAsync(string, SetReferenceImagesRequest, CancellationToken)"/>.</summary>
    /// <param name="influencerId">The influencer id.</param>
    /// <param name="request">The image URLs.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty or no image URL is given, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<Influencer> SetReferenceImagesAsync(string influencerId, SetReferenceImagesRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ImageUrls is null || request.ImageUrls.Count == 0 || request.ImageUrls.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Give at least one reference image URL, none of them empty.", nameof(request));
        }

        return _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.SetReferenceImages).WithPath("id", influencerId).WithJsonBody(request, ApJsonContext.Default.SetReferenceImagesRequest),
            ApJsonContext.Default.Influencer,
            requestOptions,
            cancellationToken);
    }

    /// <summary>
    /// Starts generating the 4-view reference pack (<c>POST /influencers/:id/generate-references</c>, scope <c>character:write</c>).
    /// This generation costs money and is never retried after an ambiguous failure (5xx, reset, timeout).
    /// </summary>
    /// <param name="influencerId">The influencer id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="AttentionException">Any failure.</exception>
    public virtual Task<ReferencePack> GenerateReferencePackAsync(string influencerId, CancellationToken cancellationToken = default) =>
        GenerateReferencePackAsync(influencerId, null, cancellationToken);

    /// <summary>Starts generating the 4-view reference pack with per-call options; otherwise as <see cref="GenerateReferencePackAsync(string, CancellationToken)"/>.</summary>
    /// <param name="influencerId">The influencer id.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ReferencePack> GenerateReferencePackAsync(string influencerId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.GenerateReferencePack).WithPath("id", influencerId),
            ApJsonContext.Default.ReferencePack,
            requestOptions,
            cancellationToken);
}
