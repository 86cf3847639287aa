using Attention.Sdk;
using Attention.Sdk.Http;
using Attention.Sdk.Polling;

namespace AutoPersonas.Publishing;

/// <summary>
/// Publishing content to social platforms (scope <c>publishing:write</c>): publish, status, retry, unpublish and wait for the
/// outcome. Publish and retry are POSTs the API gives no idempotency keys for, so they are never retried after an ambiguous failure
/// (a 5xx, a reset or a timeout): check <see cref="GetStatusAsync(string, CancellationToken)"/> before trying again, or the item may be posted twice.
/// </summary>
public class PublishingClient
{
    private readonly ApConnection _connection = null!;

    internal PublishingClient(ApConnection connection) => _connection = connection;

    /// <summary>For mocking.</summary>
    protected PublishingClient()
    {
    }

    /// <summary>Publishes a content item (<c>POST /content/:id/publish</c>); the item must be approved. Never retried after an ambiguous failure.</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="request">Optional account and schedule; null sends no body (as in the docs' example).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="AttentionConflictException">409: for example the item is not approved.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<PublishStatus> PublishAsync(string contentId, PublishRequest? request = null, CancellationToken cancellationToken = default) =>
        PublishAsync(contentId, request, null, cancellationToken);

    /// <summary>Publishes a content item with per-call options; otherwise as <see cref="PublishAsync(string, PublishRequest, CancellationToken)"/>.</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="request">Optional account and schedule; null sends no body (as in the docs' example).</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionConflictException">409: for example the item is not approved.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<PublishStatus> PublishAsync(string contentId, PublishRequest? request, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.PublishContent).WithPath("id", contentId).WithOptionalJsonBody(request, ApJsonContext.Default.PublishRequest),
            ApJsonContext.Default.PublishStatus,
            requestOptions,
            cancellationToken);

    /// <summary>Gets the publish status (<c>GET /content/:id/publish/status</c>).</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<PublishStatus> GetStatusAsync(string contentId, CancellationToken cancellationToken = default) =>
        GetStatusAsync(contentId, null, cancellationToken);

    /// <summary>Gets the publish status with per-call options; otherwise as <see cref="GetStatusAsync(string, CancellationToken)"/>.</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<PublishStatus> GetStatusAsync(string contentId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.GetPublishStatus).WithPath("id", contentId),
            ApJsonContext.Default.PublishStatus,
            requestOptions,
            cancellationToken);

    /// <summary>Retries a failed publish (<c>POST /content/:id/publish/retry</c>). Never retried itself after an ambiguous failure.</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="AttentionConflictException">409: for example the publish had not failed.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<PublishStatus> RetryAsync(string contentId, CancellationToken cancellationToken = default) =>
        RetryAsync(contentId, null, cancellationToken);

    /// <summary>Retries a failed publish with per-call options; otherwise as <see cref="RetryAsync(string, CancellationToken)"/>.</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionConflictException">409: for example the publish had not failed.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<PublishStatus> RetryAsync(string contentId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.RetryPublish).WithPath("id", contentId),
            ApJsonContext.Default.PublishStatus,
            requestOptions,
            cancellationToken);

    /// <summary>Cancels a scheduled publish or pulls a published item (<c>POST /content/:id/unpublish</c>).</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<PublishStatus> UnpublishAsync(string contentId, CancellationToken cancellationToken = default) =>
        UnpublishAsync(contentId, null, cancellationToken);

    /// <summary>Cancels a scheduled publish or pulls a published item with per-call options; otherwise as <see cref="UnpublishAsync(string, CancellationToken)"/>.</summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<PublishStatus> UnpublishAsync(string contentId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.UnpublishContent).WithPath("id", contentId),
            ApJsonContext.Default.PublishStatus,
            requestOptions,
            cancellationToken);

    /// <summary>
    /// Polls <c>GET /content/:id/publish/status</c> until the publish is published or failed (<see cref="PublishState.IsTerminal"/>)
    /// and returns that status. A failed publish is returned, not thrown: check <see cref="PublishState.IsFailed"/> and
    /// <see cref="PublishStatus.Error"/>, then <see cref="RetryAsync(string, CancellationToken)"/> if you want.
    /// </summary>
    /// <param name="contentId">The content item id.</param>
    /// <param name="polling">Interval, back-off and timeout; default <see cref="AutoPersonasClientOptions.PublishPolling"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="PollingTimeoutException">Not finished within the polling timeout.</exception>
    /// <exception cref="AttentionException">A poll failed (429 and 503 are waited out and polled again).</exception>
    public virtual Task<PublishStatus> WaitForPublishFinishedAsync(string contentId, PollingOptions? polling = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentId);
        return Poller.PollUntilAsync(
            ct => GetStatusAsync(contentId, ct),
            static status => status.Status is { IsTerminal: true },
            polling ?? _connection.Options.PublishPolling,
            _connection.TimeProvider,
            $"the publish of content {contentId} to finish",
            cancellationToken);
    }
}
