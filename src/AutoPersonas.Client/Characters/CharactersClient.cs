using Attention.Sdk;
using Attention.Sdk.Http;

namespace AutoPersonas.Characters;

/// <summary>Characters: analyze photos, voice samples and profile, wardrobe generation and the ingredient library.</summary>
public class CharactersClient
{
    private readonly ApConnection _connection = null!;

    internal CharactersClient(ApConnection connection) => _connection = connection;

    /// <summary>For mocking.</summary>
    protected CharactersClient()
    {
    }

    /// <summary>
    /// Analyzes uploaded photos and extracts a base prompt and wardrobe (<c>POST /characters/analyze-photos</c>, scope
    /// <c>character:write</c>); never retried after an ambiguous failure.
    /// </summary>
    /// <param name="request">The photo URLs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">No photo URL is given (nothing was sent).</exception>
    /// <exception cref="AttentionException">Any failure.</exception>
    public virtual Task<PhotoAnalysis> AnalyzePhotosAsync(AnalyzePhotosRequest request, CancellationToken cancellationToken = default) =>
        AnalyzePhotosAsync(request, null, cancellationToken);

    /// <summary>Analyzes uploaded photos and extracts a base prompt and wardrobe with per-call options; otherwise as <see cref="AnalyzePhotosAsync(AnalyzePhotosRequest, CancellationToken)"/>.</summary>
    /// <param name="request">The photo URLs.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">No photo URL is given, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<PhotoAnalysis> AnalyzePhotosAsync(AnalyzePhotosRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireUrls(request.PhotoUrls, "photo");
        return _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.AnalyzePhotos).WithJsonBody(request, ApJsonContext.Default.AnalyzePhotosRequest),
            ApJsonContext.Default.PhotoAnalysis,
            requestOptions,
            cancellationToken);
    }

    /// <summary>
    /// Adds voice sample audio for cloning (<c>POST /characters/:id/voice-samples</c>, scope <c>character:write</c>) as JSON audio URLs.
    /// If your account's API expects a file upload instead, send it with <see cref="AutoPersonasClient.SendAsync(Attention.Sdk.Http.ApiRequest, CancellationToken)"/> and <see cref="Attention.Sdk.Http.ApiRequest.WithBody"/>.
    /// </summary>
    /// <param name="characterId">The character id.</param>
    /// <param name="request">The audio URLs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty or no audio URL is given.</exception>
    /// <exception cref="AttentionException">Any failure.</exception>
    public virtual Task<VoiceProfile> UploadVoiceSamplesAsync(string characterId, UploadVoiceSamplesRequest request, CancellationToken cancellationToken = default) =>
        UploadVoiceSamplesAsync(characterId, request, null, cancellationToken);

    /// <summary>Adds voice sample audio for cloning with per-call options; otherwise as <see cref="UploadVoiceSamplesAsync(string, UploadVoiceSamplesRequest, CancellationToken)"/>.</summary>
    /// <param name="characterId">The character id.</param>
    /// <param name="request">The audio URLs.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty or no audio URL is given, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<VoiceProfile> UploadVoiceSamplesAsync(string characterId, UploadVoiceSamplesRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireUrls(request.AudioUrls, "audio");
        return _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.UploadVoiceSamples).WithPath("id", characterId).WithJsonBody(request, ApJsonContext.Default.UploadVoiceSamplesRequest),
            ApJsonContext.Default.VoiceProfile,
            requestOptions,
            cancellationToken);
    }

    /// <summary>
    /// Removes a voice sample (<c>DELETE /characters/:id/voice-samples/:audioUrl</c>, scope <c>character:write</c>). The audio URL is
    /// sent escaped as one path segment (<c>https://cdn/a.mp3</c> becomes <c>https%3A%2F%2Fcdn%2Fa.mp3</c>). An empty 2xx body gives
    /// an empty profile.
    /// </summary>
    /// <param name="characterId">The character id.</param>
    /// <param name="audioUrl">The sample's audio URL, as listed in <see cref="VoiceProfile.SampleUrls"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id or URL is empty.</exception>
    /// <exception cref="AttentionNotFoundException">404: no such sample.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<VoiceProfile> DeleteVoiceSampleAsync(string characterId, string audioUrl, CancellationToken cancellationToken = default) =>
        DeleteVoiceSampleAsync(characterId, audioUrl, null, cancellationToken);

    /// <summary>Removes a voice sample with per-call options; otherwise as <see cref="DeleteVoiceSampleAsync(string, string, CancellationToken)"/>.</summary>
    /// <param name="characterId">The character id.</param>
    /// <param name="audioUrl">The sample's audio URL, as listed in <see cref="VoiceProfile.SampleUrls"/>.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id or URL is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionNotFoundException">404: no such sample.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<VoiceProfile> DeleteVoiceSampleAsync(string characterId, string audioUrl, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendTolerantAsync(
            new ApiRequest(AutoPersonasEndpoints.DeleteVoiceSample).WithPath("id", characterId).WithPath("audioUrl", audioUrl),
            ApJsonContext.Default.VoiceProfile,
            () => new VoiceProfile { CharacterId = characterId },
            requestOptions,
            cancellationToken);

    /// <summary>Gets the voice profile: samples and clone status (<c>GET /characters/:id/voice-profile</c>, scope <c>character:read</c>).</summary>
    /// <param name="characterId">The character id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<VoiceProfile> GetVoiceProfileAsync(string characterId, CancellationToken cancellationToken = default) =>
        GetVoiceProfileAsync(characterId, null, cancellationToken);

    /// <summary>Gets the voice profile with per-call options; otherwise as <see cref="GetVoiceProfileAsync(string, CancellationToken)"/>.</summary>
    /// <param name="characterId">The character id.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<VoiceProfile> GetVoiceProfileAsync(string characterId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.GetVoiceProfile).WithPath("id", characterId),
            ApJsonContext.Default.VoiceProfile,
            requestOptions,
            cancellationToken);

    /// <summary>
    /// Generates wardrobe items from the character's base prompt (<c>POST /characters/:id/wardrobe/generate</c>, scope
    /// <c>character:write</c>); never retried after an ambiguous failure.
    /// </summary>
    /// <param name="characterId">The character id.</param>
    /// <param name="request">Optional count and direction; null sends no body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="AttentionException">Any failure.</exception>
    public virtual Task<WardrobeGeneration> GenerateWardrobeAsync(string characterId, GenerateWardrobeRequest? request = null, CancellationToken cancellationToken = default) =>
        GenerateWardrobeAsync(characterId, request, null, cancellationToken);

    /// <summary>Generates wardrobe items from the character's base prompt with per-call options; otherwise as <see cref="GenerateWardrobeAsync(string, GenerateWardrobeRequest, CancellationToken)"/>.</summary>
    /// <param name="characterId">The character id.</param>
    /// <param name="request">Optional count and direction; null sends no body.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<WardrobeGeneration> GenerateWardrobeAsync(string characterId, GenerateWardrobeRequest? request, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.GenerateWardrobe).WithPath("id", characterId).WithOptionalJsonBody(request, ApJsonContext.Default.GenerateWardrobeRequest),
            ApJsonContext.Default.WardrobeGeneration,
            requestOptions,
            cancellationToken);

    /// <summary>
    /// Patches ingredient library fields without overwriting siblings (<c>PATCH /characters/:id/ingredients</c>, scope
    /// <c>character:write</c>): only the fields set on <paramref name="patch"/> are sent. Not retried after an ambiguous failure (the API
    /// has no idempotency keys and PATCH is not idempotent in general).
    /// </summary>
    /// <param name="characterId">The character id.</param>
    /// <param name="patch">The fields to change (at least one).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty or the patch sets no field (nothing was sent).</exception>
    /// <exception cref="AttentionException">Any failure.</exception>
    public virtual Task<IngredientsResult> PatchIngredientsAsync(string characterId, IngredientsPatch patch, CancellationToken cancellationToken = default) =>
        PatchIngredientsAsync(characterId, patch, null, cancellationToken);

    /// <summary>Patches ingredient library fields with per-call options; otherwise as <see cref="PatchIngredientsAsync(string, IngredientsPatch, CancellationToken)"/>.</summary>
    /// <param name="characterId">The character id.</param>
    /// <param name="patch">The fields to change (at least one).</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty or the patch sets no field, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<IngredientsResult> PatchIngredientsAsync(string characterId, IngredientsPatch patch, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (patch.Count == 0)
        {
            throw new ArgumentException("Set at least one ingredient field to patch.", nameof(patch));
        }

        return _connection.SendTolerantAsync(
            new ApiRequest(AutoPersonasEndpoints.PatchIngredients).WithPath("id", characterId).WithBody(patch.ToUtf8()),
            ApJsonContext.Default.IngredientsResult,
            () => new IngredientsResult { CharacterId = characterId },
            requestOptions,
            cancellationToken);
    }

    private static void RequireUrls(IReadOnlyList<string>? urls, string kind)
    {
        if (urls is null || urls.Count == 0 || urls.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"Give at least one {kind} URL, none of them empty.", nameof(urls));
        }
    }
}
