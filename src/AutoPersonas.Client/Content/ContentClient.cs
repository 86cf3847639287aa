using System.Globalization;
using Attention.Sdk;
using Attention.Sdk.Http;

namespace AutoPersonas.Content;

/// <summary>
/// Content items: list, get, generate a batch, regenerate, generate video, approve, reject, fine-tune the caption and generate video
/// variants. Generation calls cost money: the API documents no idempotency keys, so they are never retried after an ambiguous failure
/// (a 5xx, a reset or a timeout); only a 429 (the server did nothing) is retried. Publishing is on <see cref="AutoPersonasClient.Publishing"/>.
/// </summary>
public class ContentClient
{
    private readonly ApConnection _connection = null!;

    internal ContentClient(ApConnection connection) => _connection = connection;

    /// <summary>For mocking.</summary>
    protected ContentClient()
    {
    }

    /// <summary>Lists content items (<c>GET /content</c>, scope <c>content:read</c>).</summary>
    /// <param name="query">Optional filters; unset ones are not sent.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<ApiList<ContentItem>> ListAsync(ContentListQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(query, null, cancellationToken);

    /// <summary>Lists content items with per-call options; otherwise as <see cref="ListAsync(ContentListQuery, CancellationToken)"/>.</summary>
    /// <param name="query">Optional filters; unset ones are not sent.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ApiList<ContentItem>> ListAsync(ContentListQuery? query, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(AutoPersonasEndpoints.ListContent)
            .WithQuery("status", query?.Status?.Value)
            .WithQuery("profileId", query?.ProfileId)
            .WithQuery("influencerId", query?.InfluencerId)
            .WithQuery("limit", query?.Limit?.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in query?.AdditionalParameters ?? new Dictionary<string, string>())
        {
            request.WithQuery(name, value);
        }

        return _connection.SendListAsync(request, ApJsonContext.Default.ContentItem, "content", requestOptions, cancellationToken);
    }

    /// <summary>Gets a content item (<c>GET /content/:id</c>, scope <c>content:read</c>).</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="AttentionNotFoundException">404: no such item.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<ContentItem> GetAsync(string contentId, CancellationToken cancellationToken = default) =>
        GetAsync(contentId, null, cancellationToken);

    /// <summary>Gets a content item with per-call options; otherwise as <see cref="GetAsync(string, CancellationToken)"/>.</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionNotFoundException">404: no such item.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ContentItem> GetAsync(string contentId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(new ApiRequest(AutoPersonasEndpoints.GetContent).WithPath("id", contentId), ApJsonContext.Default.ContentItem, requestOptions, cancellationToken);

    /// <summary>
    /// Generates a content batch (<c>POST /content/generate</c>, scope <c>content:generate</c>). Never retried after a 5xx, a reset or a
    /// timeout (it costs money and the API has no idempotency keys): on such a failure, check <c>GET /content</c> before trying again.
    /// Follow the batch with <see cref="Batches.BatchesClient.WaitForBatchFinishedAsync"/>.
    /// </summary>
    /// <param name="request">The profile and count.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The request is invalid (nothing was sent).</exception>
    /// <exception cref="AttentionPermissionDeniedException">The key lacks <c>content:generate</c>.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<GenerationStarted> GenerateAsync(GenerateContentRequest request, CancellationToken cancellationToken = default) =>
        GenerateAsync(request, null, cancellationToken);

    /// <summary>Generates a content batch with per-call options; otherwise as <see cref="GenerateAsync(GenerateContentRequest, CancellationToken)"/>.</summary>
    /// <param name="request">The profile and count.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The request is invalid, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionPermissionDeniedException">The key lacks <c>content:generate</c>.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<GenerationStarted> GenerateAsync(GenerateContentRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.GenerateContent).WithJsonBody(request, ApJsonContext.Default.GenerateContentRequest),
            ApJsonContext.Default.GenerationStarted,
            requestOptions,
            cancellationToken);
    }

    /// <summary>Regenerates a content item (<c>POST /content/:id/regenerate</c>, scope <c>content:generate</c>); never retried after an ambiguous failure.</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="options">An optional direction; null sends no body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="AttentionException">Any failure.</exception>
    public virtual Task<ContentItem> RegenerateAsync(string contentId, ContentGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        RegenerateAsync(contentId, options, null, cancellationToken);

    /// <summary>Regenerates a content item with per-call options; otherwise as <see cref="RegenerateAsync(string, ContentGenerationOptions, CancellationToken)"/>.</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="options">An optional direction; null sends no body.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ContentItem> RegenerateAsync(string contentId, ContentGenerationOptions? options, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.RegenerateContent).WithPath("id", contentId).WithOptionalJsonBody(options, ApJsonContext.Default.ContentGenerationOptions),
            ApJsonContext.Default.ContentItem,
            requestOptions,
            cancellationToken);

    /// <summary>Generates a video for a content item (<c>POST /content/:id/video</c>, scope <c>content:generate</c>); never retried after an ambiguous failure.</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="options">An optional direction; null sends no body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="AttentionException">Any failure.</exception>
    public virtual Task<ContentItem> GenerateVideoAsync(string contentId, ContentGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        GenerateVideoAsync(contentId, options, null, cancellationToken);

    /// <summary>Generates a video for a content item with per-call options; otherwise as <see cref="GenerateVideoAsync(string, ContentGenerationOptions, CancellationToken)"/>.</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="options">An optional direction; null sends no body.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ContentItem> GenerateVideoAsync(string contentId, ContentGenerationOptions? options, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.GenerateVideo).WithPath("id", contentId).WithOptionalJsonBody(options, ApJsonContext.Default.ContentGenerationOptions),
            ApJsonContext.Default.ContentItem,
            requestOptions,
            cancellationToken);

    /// <summary>Approves a content item for publishing (<c>POST /content/:id/approve</c>, scope <c>content:write</c>).</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="AttentionConflictException">409: the item cannot be approved in its current state.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<ContentItem> ApproveAsync(string contentId, CancellationToken cancellationToken = default) =>
        ApproveAsync(contentId, null, cancellationToken);

    /// <summary>Approves a content item for publishing with per-call options; otherwise as <see cref="ApproveAsync(string, CancellationToken)"/>.</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionConflictException">409: the item cannot be approved in its current state.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ContentItem> ApproveAsync(string contentId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.ApproveContent).WithPath("id", contentId),
            ApJsonContext.Default.ContentItem,
            requestOptions,
            cancellationToken);

    /// <summary>Rejects a content item (<c>POST /content/:id/reject</c>, scope <c>content:write</c>).</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="reason">An optional reason (sent as <c>{"reason": ...}</c>; no body when null).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="AttentionException">Any failure.</exception>
    public virtual Task<ContentItem> RejectAsync(string contentId, string? reason = null, CancellationToken cancellationToken = default) =>
        RejectAsync(contentId, reason, null, cancellationToken);

    /// <summary>Rejects a content item with per-call options; otherwise as <see cref="RejectAsync(string, string, CancellationToken)"/>.</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="reason">An optional reason (sent as <c>{"reason": ...}</c>; no body when null).</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ContentItem> RejectAsync(string contentId, string? reason, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.RejectContent).WithPath("id", contentId)
                .WithOptionalJsonBody(reason is null ? null : new RejectContentRequest { Reason = reason }, ApJsonContext.Default.RejectContentRequest),
            ApJsonContext.Default.ContentItem,
            requestOptions,
            cancellationToken);

    /// <summary>Regenerates only the caption, leaving the image untouched (<c>POST /content/:id/fine-tune-caption</c>, scope <c>content:write</c>).</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="request">How to change the caption; null sends no body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="AttentionException">Any failure.</exception>
    public virtual Task<ContentItem> FineTuneCaptionAsync(string contentId, FineTuneCaptionRequest? request = null, CancellationToken cancellationToken = default) =>
        FineTuneCaptionAsync(contentId, request, null, cancellationToken);

    /// <summary>Regenerates only the caption with per-call options; otherwise as <see cref="FineTuneCaptionAsync(string, FineTuneCaptionRequest, CancellationToken)"/>.</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="request">How to change the caption; null sends no body.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ContentItem> FineTuneCaptionAsync(string contentId, FineTuneCaptionRequest? request, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.FineTuneCaption).WithPath("id", contentId).WithOptionalJsonBody(request, ApJsonContext.Default.FineTuneCaptionRequest),
            ApJsonContext.Default.ContentItem,
            requestOptions,
            cancellationToken);

    /// <summary>Generates video variants for an A/B comparison (<c>POST /content/:id/video-comparison</c>, scope <c>content:generate</c>); never retried after an ambiguous failure.</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="options">An optional direction; null sends no body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="AttentionException">Any failure.</exception>
    public virtual Task<VideoComparison> GenerateVideoComparisonAsync(string contentId, ContentGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        GenerateVideoComparisonAsync(contentId, options, null, cancellationToken);

    /// <summary>Generates video variants for an A/B comparison with per-call options; otherwise as <see cref="GenerateVideoComparisonAsync(string, ContentGenerationOptions, CancellationToken)"/>.</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="options">An optional direction; null sends no body.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<VideoComparison> GenerateVideoComparisonAsync(string contentId, ContentGenerationOptions? options, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.GenerateVideoComparison).WithPath("id", contentId).WithOptionalJsonBody(options, ApJsonContext.Default.ContentGenerationOptions),
            ApJsonContext.Default.VideoComparison,
            requestOptions,
            cancellationToken);
}
