using Attention.Sdk;
using Attention.Sdk.Http;

namespace AutoPersonas.Profiles;

/// <summary>Managed profiles: list, draft content directions, voice-grounded captions, voice stats and the media library.</summary>
public class ProfilesClient
{
    private readonly ApConnection _connection = null!;

    internal ProfilesClient(ApConnection connection) => _connection = connection;

    /// <summary>For mocking.</summary>
    protected ProfilesClient()
    {
    }

    /// <summary>Lists profiles (<c>GET /profiles</c>, scope <c>profile:read</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<ApiList<ManagedProfile>> ListAsync(CancellationToken cancellationToken = default) =>
        ListAsync(null, cancellationToken);

    /// <summary>Lists profiles with per-call options; otherwise as <see cref="ListAsync(CancellationToken)"/>.</summary>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ApiList<ManagedProfile>> ListAsync(RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendListAsync(new ApiRequest(AutoPersonasEndpoints.ListProfiles), ApJsonContext.Default.ManagedProfile, "profiles", requestOptions, cancellationToken);

    /// <summary>
    /// Drafts content directions from a freeform prompt (<c>POST /profiles/:profileId/content-directions/draft</c>, scope
    /// <c>content:generate</c>); never retried after an ambiguous failure.
    /// </summary>
    /// <param name="profileId">The profile id.</param>
    /// <param name="request">The prompt.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id or prompt is empty (nothing was sent).</exception>
    /// <exception cref="AttentionException">Any failure.</exception>
    public virtual Task<ContentDirectionsDraft> DraftContentDirectionsAsync(string profileId, DraftContentDirectionsRequest request, CancellationToken cancellationToken = default) =>
        DraftContentDirectionsAsync(profileId, request, null, cancellationToken);

    /// <summary>Drafts content directions from a freeform prompt with per-call options; otherwise as <see cref="DraftContentDirectionsAsync(string, DraftContentDirectionsRequest, CancellationToken)"/>.</summary>
    /// <param name="profileId">The profile id.</param>
    /// <param name="request">The prompt.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id or prompt is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ContentDirectionsDraft> DraftContentDirectionsAsync(string profileId, DraftContentDirectionsRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Prompt, nameof(request));
        return _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.DraftContentDirections).WithPath("profileId", profileId).WithJsonBody(request, ApJsonContext.Default.DraftContentDirectionsRequest),
            ApJsonContext.Default.ContentDirectionsDraft,
            requestOptions,
            cancellationToken);
    }

    /// <summary>
    /// Generates a voice-grounded caption for an image (<c>POST /profiles/:profileId/generate-caption</c>, scope <c>content:generate</c>);
    /// never retried after an ambiguous failure.
    /// </summary>
    /// <param name="profileId">The profile id.</param>
    /// <param name="request">The image URL.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id or image URL is empty (nothing was sent).</exception>
    /// <exception cref="AttentionException">Any failure.</exception>
    public virtual Task<GeneratedCaption> GenerateCaptionAsync(string profileId, GenerateCaptionRequest request, CancellationToken cancellationToken = default) =>
        GenerateCaptionAsync(profileId, request, null, cancellationToken);

    /// <summary>Generates a voice-grounded caption for an image with per-call options; otherwise as <see cref="GenerateCaptionAsync(string, GenerateCaptionRequest, CancellationToken)"/>.</summary>
    /// <param name="profileId">The profile id.</param>
    /// <param name="request">The image URL.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id or image URL is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<GeneratedCaption> GenerateCaptionAsync(string profileId, GenerateCaptionRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ImageUrl, nameof(request));
        return _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.GenerateCaption).WithPath("profileId", profileId).WithJsonBody(request, ApJsonContext.Default.GenerateCaptionRequest),
            ApJsonContext.Default.GeneratedCaption,
            requestOptions,
            cancellationToken);
    }

    /// <summary>Gets voice corpus stats (<c>GET /profiles/:profileId/voice-stats</c>, scope <c>content:read</c>).</summary>
    /// <param name="profileId">The profile id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<VoiceStats> GetVoiceStatsAsync(string profileId, CancellationToken cancellationToken = default) =>
        GetVoiceStatsAsync(profileId, null, cancellationToken);

    /// <summary>Gets voice corpus stats with per-call options; otherwise as <see cref="GetVoiceStatsAsync(string, CancellationToken)"/>.</summary>
    /// <param name="profileId">The profile id.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<VoiceStats> GetVoiceStatsAsync(string profileId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.GetVoiceStats).WithPath("profileId", profileId),
            ApJsonContext.Default.VoiceStats,
            requestOptions,
            cancellationToken);

    /// <summary>Lists imported media of a profile (<c>GET /profiles/:profileId/media-library</c>, scope <c>content:read</c>).</summary>
    /// <param name="profileId">The profile id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<ApiList<MediaItem>> ListMediaLibraryAsync(string profileId, CancellationToken cancellationToken = default) =>
        ListMediaLibraryAsync(profileId, null, cancellationToken);

    /// <summary>Lists imported media of a profile with per-call options; otherwise as <see cref="ListMediaLibraryAsync(string, CancellationToken)"/>.</summary>
    /// <param name="profileId">The profile id.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ApiList<MediaItem>> ListMediaLibraryAsync(string profileId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendListAsync(
            new ApiRequest(AutoPersonasEndpoints.ListMediaLibrary).WithPath("profileId", profileId),
            ApJsonContext.Default.MediaItem,
            "media",
            requestOptions,
            cancellationToken);
}
