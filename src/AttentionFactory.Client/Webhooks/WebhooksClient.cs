using Attention.Sdk.Http;

namespace AttentionFactory.Webhooks;

/// <summary>Register, list, delete webhook endpoints, rotate their signing secret and read their delivery log. To receive deliveries see <see cref="AttentionFactoryWebhookParser"/>.</summary>
public class WebhooksClient
{
    private readonly FactoryConnection _connection = null!;

    internal WebhooksClient(FactoryConnection connection) => _connection = connection;

    /// <summary>For mocking.</summary>
    protected WebhooksClient()
    {
    }

    /// <summary>
    /// Registers an HTTPS endpoint for the given events (<c>POST /v1/webhooks</c>). The docs do not promise de-duplication here, so no
    /// <c>Idempotency-Key</c> is sent and the call is not repeated after an ambiguous failure (check <see cref="ListAsync(CancellationToken)"/> before calling again).
    /// </summary>
    /// <param name="request">URL, events and optionally your own signing secret.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The request is invalid (nothing was sent).</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<WebhookEndpoint> CreateAsync(CreateWebhookRequest request, CancellationToken cancellationToken = default) =>
        CreateAsync(request, null, cancellationToken);

    /// <summary>Registers an HTTPS endpoint with per-call options; otherwise as <see cref="CreateAsync(CreateWebhookRequest, CancellationToken)"/>.</summary>
    /// <param name="request">URL, events and optionally your own signing secret.</param>
    /// <param name="requestOptions">
    /// Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call. The API does not
    /// document de-duplication for this endpoint, so an <see cref="RequestOptions.IdempotencyKey"/> is refused, none is minted, and the
    /// call is not retried after an ambiguous failure (a 5xx, a reset after sending, a timeout): the error says the server may have acted.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The request is invalid, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<WebhookEndpoint> CreateAsync(CreateWebhookRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return _connection.SendWithRawAsync(
            new ApiRequest(AttentionFactoryEndpoints.CreateWebhook).WithJsonBody(request, FactoryJsonContext.Default.CreateWebhookRequest),
            FactoryJsonContext.Default.WebhookEndpoint,
            requestOptions,
            cancellationToken);
    }

    /// <summary>Lists the registered webhooks (<c>GET /v1/webhooks</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<ApiList<WebhookEndpoint>> ListAsync(CancellationToken cancellationToken = default) =>
        ListAsync(null, cancellationToken);

    /// <summary>Lists the registered webhooks with per-call options; otherwise as <see cref="ListAsync(CancellationToken)"/>.</summary>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (this endpoint does not honour one): nothing was sent.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<ApiList<WebhookEndpoint>> ListAsync(RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendListAsync(new ApiRequest(AttentionFactoryEndpoints.ListWebhooks), FactoryJsonContext.Default.WebhookEndpoint, "webhooks", requestOptions, cancellationToken);

    /// <summary>Removes a webhook (<c>DELETE /v1/webhooks/{id}</c>).</summary>
    /// <param name="webhookId">The webhook id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Attention.Sdk.AttentionNotFoundException">404: no such webhook.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">Any other failure.</exception>
    public virtual Task DeleteAsync(string webhookId, CancellationToken cancellationToken = default) =>
        DeleteAsync(webhookId, null, cancellationToken);

    /// <summary>Removes a webhook with per-call options; otherwise as <see cref="DeleteAsync(string, CancellationToken)"/>.</summary>
    /// <param name="webhookId">The webhook id.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task DeleteAsync(string webhookId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(new ApiRequest(AttentionFactoryEndpoints.DeleteWebhook).WithPath("id", webhookId), requestOptions, cancellationToken);

    /// <summary>
    /// Rotates the HMAC signing secret (<c>POST /v1/webhooks/{id}/rotate-secret</c>) and returns the webhook with its new secret.
    /// Verify with both the new and the old secret until in-flight deliveries have drained. The docs do not promise de-duplication
    /// here, so no <c>Idempotency-Key</c> is sent and the call is not repeated after an ambiguous failure.
    /// </summary>
    /// <param name="webhookId">The webhook id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<WebhookEndpoint> RotateSecretAsync(string webhookId, CancellationToken cancellationToken = default) =>
        RotateSecretAsync(webhookId, null, cancellationToken);

    /// <summary>Rotates the signing secret with per-call options; otherwise as <see cref="RotateSecretAsync(string, CancellationToken)"/>.</summary>
    /// <param name="webhookId">The webhook id.</param>
    /// <param name="requestOptions">
    /// Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call. The API does not
    /// document de-duplication for this endpoint, so an <see cref="RequestOptions.IdempotencyKey"/> is refused, none is minted, and the
    /// call is not retried after an ambiguous failure (a 5xx, a reset after sending, a timeout): the error says the server may have acted.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<WebhookEndpoint> RotateSecretAsync(string webhookId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendWithRawAsync(
            new ApiRequest(AttentionFactoryEndpoints.RotateWebhookSecret).WithPath("id", webhookId),
            FactoryJsonContext.Default.WebhookEndpoint,
            requestOptions,
            cancellationToken);

    /// <summary>Reads the delivery log of a webhook (<c>GET /v1/webhooks/{id}/deliveries</c>).</summary>
    /// <param name="webhookId">The webhook id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<ApiList<WebhookDelivery>> ListDeliveriesAsync(string webhookId, CancellationToken cancellationToken = default) =>
        ListDeliveriesAsync(webhookId, null, cancellationToken);

    /// <summary>Reads the delivery log of a webhook with per-call options; otherwise as <see cref="ListDeliveriesAsync(string, CancellationToken)"/>.</summary>
    /// <param name="webhookId">The webhook id.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ApiList<WebhookDelivery>> ListDeliveriesAsync(string webhookId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendListAsync(
            new ApiRequest(AttentionFactoryEndpoints.ListWebhookDeliveries).WithPath("id", webhookId),
            FactoryJsonContext.Default.WebhookDelivery,
            "deliveries",
            requestOptions,
            cancellationToken);
}
