using Attention.Sdk;
using Attention.Sdk.Http;
using Attention.Sdk.Polling;
using AttentionFactory.Platforms;

namespace AttentionFactory.Actions;

/// <summary>Submit actions on a rented account, follow them to verified or failed, cancel queued ones and read post analytics.</summary>
public class ActionsClient
{
    private readonly FactoryConnection _connection = null!;

    internal ActionsClient(FactoryConnection connection) => _connection = connection;

    /// <summary>For mocking.</summary>
    protected ActionsClient()
    {
    }

    /// <summary>
    /// Submits an action (<c>POST /v1/rentals/{rental_id}/{platform}/actions</c>, 202 Accepted with status <c>queued</c>). The rental must be active.
    /// The SDK mints an <c>Idempotency-Key</c> per call (reused by its retries): submitting twice with the same key returns the existing action.
    /// </summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="platform">The rental's platform (part of the URL).</param>
    /// <param name="request">The type and params (see <see cref="SubmitActionRequest.PostImage(PostOptions)"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An argument is missing (nothing was sent).</exception>
    /// <exception cref="AttentionUnprocessableEntityException">422: the params failed the server's schema validation.</exception>
    /// <exception cref="AttentionRateLimitException">429: the per-rental rate cap was exceeded (see <see cref="AttentionApiException.RetryAfter"/>).</exception>
    /// <exception cref="AttentionConflictException">409: the rental is not active.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<SocialAction> SubmitAsync(string rentalId, Platform platform, SubmitActionRequest request, CancellationToken cancellationToken = default) =>
        SubmitAsync(rentalId, platform, request, null, cancellationToken);

    /// <summary>Submits an action with per-call options; otherwise as <see cref="SubmitAsync(string, Platform, SubmitActionRequest, CancellationToken)"/>.</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="platform">The rental's platform (part of the URL).</param>
    /// <param name="request">The type and params (see <see cref="SubmitActionRequest.PostImage(PostOptions)"/>).</param>
    /// <param name="requestOptions">
    /// <see cref="RequestOptions.IdempotencyKey"/> is sent as <c>Idempotency-Key</c>: submitting twice with the same key returns the existing
    /// action (when null the SDK mints one per call, reused by its retries); extra headers; after the call, <see cref="RequestOptions.Response"/>.
    /// Null: the plain call.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An argument is missing (nothing was sent).</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<SocialAction> SubmitAsync(string rentalId, Platform platform, SubmitActionRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Platform.Require(platform, nameof(platform));
        return _connection.SendAsync(
            new ApiRequest(AttentionFactoryEndpoints.SubmitAction)
                .WithPath("rental_id", rentalId)
                .WithPath("platform", platform.Value)
                .WithJsonBody(request, FactoryJsonContext.Default.SubmitActionRequest),
            FactoryJsonContext.Default.SocialAction,
            requestOptions,
            cancellationToken);
    }

    /// <summary>
    /// Submits a <c>post.image</c> action: shorthand for <see cref="SubmitAsync(string, Platform, SubmitActionRequest, CancellationToken)"/>
    /// with <see cref="SubmitActionRequest.PostImage(PostOptions)"/> (an <c>Idempotency-Key</c> is minted per call).
    /// </summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="platform">The rental's platform.</param>
    /// <param name="options">The image URL, caption and other post options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The options break a documented rule (nothing was sent).</exception>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<SocialAction> SubmitPostImageAsync(string rentalId, Platform platform, PostOptions options, CancellationToken cancellationToken = default) =>
        SubmitPostImageAsync(rentalId, platform, options, null, cancellationToken);

    /// <summary>Submits a <c>post.image</c> action with per-call options; otherwise as <see cref="SubmitPostImageAsync(string, Platform, PostOptions, CancellationToken)"/>.</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="platform">The rental's platform.</param>
    /// <param name="options">The image URL, caption and other post options.</param>
    /// <param name="requestOptions">
    /// <see cref="RequestOptions.IdempotencyKey"/> is sent as <c>Idempotency-Key</c> (minted per call when null); extra headers; after the
    /// call, <see cref="RequestOptions.Response"/>. Null: the plain call.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The options break a documented rule (nothing was sent).</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<SocialAction> SubmitPostImageAsync(string rentalId, Platform platform, PostOptions options, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        SubmitAsync(rentalId, platform, SubmitActionRequest.PostImage(options), requestOptions, cancellationToken);

    /// <summary>Lists the actions on a rental (<c>GET /v1/rentals/{rental_id}/actions</c>), optionally only those in one status.</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="status">Only actions in this status (<c>?status=</c>); null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<ApiList<SocialAction>> ListAsync(string rentalId, ActionStatus? status = null, CancellationToken cancellationToken = default) =>
        ListAsync(rentalId, status, null, cancellationToken);

    /// <summary>Lists the actions on a rental with per-call options; otherwise as <see cref="ListAsync(string, ActionStatus?, CancellationToken)"/>.</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="status">Only actions in this status (<c>?status=</c>); null for all.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (this endpoint does not honour one): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<ApiList<SocialAction>> ListAsync(string rentalId, ActionStatus? status, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendListAsync(
            new ApiRequest(AttentionFactoryEndpoints.ListActions).WithPath("rental_id", rentalId).WithQuery("status", status?.Value),
            FactoryJsonContext.Default.SocialAction,
            "actions",
            requestOptions,
            cancellationToken);

    /// <summary>Gets an action (<c>GET /v1/rentals/{rental_id}/actions/{action_id}</c>).</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="actionId">The action id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionNotFoundException">404: no such action on the rental.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<SocialAction> GetAsync(string rentalId, string actionId, CancellationToken cancellationToken = default) =>
        GetAsync(rentalId, actionId, null, cancellationToken);

    /// <summary>Gets an action with per-call options; otherwise as <see cref="GetAsync(string, string, CancellationToken)"/>.</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="actionId">The action id.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An id is empty, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<SocialAction> GetAsync(string rentalId, string actionId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(
            ActionRequest(AttentionFactoryEndpoints.GetAction, rentalId, actionId),
            FactoryJsonContext.Default.SocialAction,
            requestOptions,
            cancellationToken);

    /// <summary>Cancels a still-queued action (<c>DELETE /v1/rentals/{rental_id}/actions/{action_id}</c>).</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="actionId">The action id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionConflictException">409: the action is no longer queued.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<ActionCancellation> CancelAsync(string rentalId, string actionId, CancellationToken cancellationToken = default) =>
        CancelAsync(rentalId, actionId, null, cancellationToken);

    /// <summary>Cancels a still-queued action with per-call options; otherwise as <see cref="CancelAsync(string, string, CancellationToken)"/>.</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="actionId">The action id.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An id is empty, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ActionCancellation> CancelAsync(string rentalId, string actionId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendTolerantAsync(
            ActionRequest(AttentionFactoryEndpoints.CancelAction, rentalId, actionId),
            FactoryJsonContext.Default.ActionCancellation,
            () => new ActionCancellation { Id = actionId },
            requestOptions,
            cancellationToken);

    /// <summary>
    /// Gets post-level analytics of a post-type action (<c>GET /v1/rentals/{rental_id}/actions/{action_id}/analytics</c>). Right after verification the
    /// server answers 400 "not yet available" for a few seconds: use <see cref="WaitForPostAnalyticsAvailableAsync"/> to wait for them.
    /// </summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="actionId">The action id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionBadRequestException">400: not a post-type action, or analytics not yet available.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<PostAnalytics> GetPostAnalyticsAsync(string rentalId, string actionId, CancellationToken cancellationToken = default) =>
        GetPostAnalyticsAsync(rentalId, actionId, null, cancellationToken);

    /// <summary>Gets post-level analytics with per-call options; otherwise as <see cref="GetPostAnalyticsAsync(string, string, CancellationToken)"/>.</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="actionId">The action id.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An id is empty, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<PostAnalytics> GetPostAnalyticsAsync(string rentalId, string actionId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendWithRawAsync(
            ActionRequest(AttentionFactoryEndpoints.GetPostAnalytics, rentalId, actionId),
            FactoryJsonContext.Default.PostAnalytics,
            requestOptions,
            cancellationToken);

    /// <summary>Polls the action until it is <see cref="ActionStatus.Verified"/> or <see cref="ActionStatus.Failed"/> and returns it (check <see cref="SocialAction.Status"/>).</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="actionId">The action id.</param>
    /// <param name="polling">Interval, back-off and overall timeout; default <see cref="AttentionFactoryClientOptions.ActionCompletionPolling"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="PollingTimeoutException">The action did not finish within the timeout (<see cref="PollingTimeoutException.LastValue"/> holds its last state).</exception>
    /// <exception cref="AttentionException">A poll failed (rate limits and 503 are waited out).</exception>
    public virtual Task<SocialAction> WaitForActionFinishedAsync(string rentalId, string actionId, PollingOptions? polling = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rentalId);
        ArgumentException.ThrowIfNullOrWhiteSpace(actionId);
        return Poller.PollUntilAsync(
            ct => GetAsync(rentalId, actionId, ct),
            action => action.Status.IsTerminal,
            polling ?? _connection.Options.ActionCompletionPolling,
            _connection.TimeProvider,
            $"action {actionId} to be verified or failed",
            cancellationToken);
    }

    /// <summary>
    /// Polls post analytics while the server answers 400 "not yet available" (the few seconds after verification) and returns them.
    /// Any other error ends the wait at once.
    /// </summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="actionId">The (verified, post-type) action id.</param>
    /// <param name="polling">Interval and bound; default <see cref="AttentionFactoryClientOptions.PostAnalyticsPolling"/> (2 minutes).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="PollingTimeoutException">Still not available when the bound elapsed.</exception>
    /// <exception cref="AttentionBadRequestException">400 for another reason (for example not a post-type action).</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual async Task<PostAnalytics> WaitForPostAnalyticsAvailableAsync(string rentalId, string actionId, PollingOptions? polling = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rentalId);
        ArgumentException.ThrowIfNullOrWhiteSpace(actionId);
        var analytics = await Poller.PollUntilAsync(
            async ct =>
            {
                try
                {
                    return await GetPostAnalyticsAsync(rentalId, actionId, ct).ConfigureAwait(false);
                }
                catch (AttentionBadRequestException ex) when (IsNotYetAvailable(ex))
                {
                    return null;
                }
            },
            value => value is not null,
            polling ?? _connection.Options.PostAnalyticsPolling,
            _connection.TimeProvider,
            $"post analytics of action {actionId}",
            cancellationToken).ConfigureAwait(false);
        return analytics!;
    }

    internal static bool IsNotYetAvailable(AttentionApiException ex) =>
        (ex.ServerMessage ?? ex.RawBody ?? string.Empty).Contains("not yet available", StringComparison.OrdinalIgnoreCase);

    private static ApiRequest ActionRequest(ApiEndpoint endpoint, string rentalId, string actionId) =>
        new ApiRequest(endpoint).WithPath("rental_id", rentalId).WithPath("action_id", actionId);
}
