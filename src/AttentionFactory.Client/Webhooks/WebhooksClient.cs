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

    /// <summary>Registers an HTTPS endpoint for the given events (<c>POST /v1/webhooks</c>).</summary>
    /// <param name="request">URL, events and optionally your own signing secret.</param>
    /// <param name="idempotencyKey">Sent as <c>Idempotency-Key</c> when given. The docs do not promise de-duplication here, so none is minted and the call is not repeated after an ambiguous failure (check before calling again).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The request is invalid (nothing was sent).</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<WebhookEndpoint> CreateAsync(CreateWebhookRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return _connection.SendWithRawAsync(
            new ApiRequest(HttpMethod.Post, "webhooks").WithJsonBody(request, FactoryJsonContext.Default.CreateWebhookRequest).WithIdempotencyKey(idempotencyKey),
            FactoryJsonContext.Default.WebhookEndpoint,
            cancellationToken);
    }

    /// <summary>Lists the registered webhooks (<c>GET /v1/webhooks</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<ApiList<WebhookEndpoint>> ListAsync(CancellationToken cancellationToken = default) =>
        _connection.SendListAsync(new ApiRequest(HttpMethod.Get, "webhooks"), FactoryJsonContext.Default.WebhookEndpoint, "webhooks", cancellationToken);

    /// <summary>Removes a webhook (<c>DELETE /v1/webhooks/{id}</c>).</summary>
    /// <param name="webhookId">The webhook id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Attention.Sdk.AttentionNotFoundException">404: no such webhook.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">Any other failure.</exception>
    public virtual Task DeleteAsync(string webhookId, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(new ApiRequest(HttpMethod.Delete, "webhooks/{id}").WithPath("id", webhookId), cancellationToken);

    /// <summary>
    /// Rotates the HMAC signing secret (<c>POST /v1/webhooks/{id}/rotate-secret</c>) and returns the webhook with its new secret.
    /// Verify with both the new and the old secret until in-flight deliveries have drained.
    /// </summary>
    /// <param name="webhookId">The webhook id.</param>
    /// <param name="idempotencyKey">Sent as <c>Idempotency-Key</c> when given. The docs do not promise de-duplication here, so none is minted and the call is not repeated after an ambiguous failure (check before calling again).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<WebhookEndpoint> RotateSecretAsync(string webhookId, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        _connection.SendWithRawAsync(
            new ApiRequest(HttpMethod.Post, "webhooks/{id}/rotate-secret").WithPath("id", webhookId).WithIdempotencyKey(idempotencyKey),
            FactoryJsonContext.Default.WebhookEndpoint,
            cancellationToken);

    /// <summary>Reads the delivery log of a webhook (<c>GET /v1/webhooks/{id}/deliveries</c>).</summary>
    /// <param name="webhookId">The webhook id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<ApiList<WebhookDelivery>> ListDeliveriesAsync(string webhookId, CancellationToken cancellationToken = default) =>
        _connection.SendListAsync(
            new ApiRequest(HttpMethod.Get, "webhooks/{id}/deliveries").WithPath("id", webhookId),
            FactoryJsonContext.Default.WebhookDelivery,
            "deliveries",
            cancellationToken);
}
