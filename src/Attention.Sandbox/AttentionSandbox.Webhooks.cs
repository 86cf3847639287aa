namespace Attention.Sandbox;

/// <summary>Webhook deliveries for tests: await the next one, resend one.</summary>
public sealed partial class AttentionSandbox
{
    /// <summary>
    /// Completes with the next webhook delivery attempt the sandbox makes from now on (any account), optionally only for
    /// <paramref name="eventName"/> (for example <c>rental.active</c>). Call it before the action that causes the event, then
    /// await it: <c>var next = sandbox.NextWebhookDeliveryAsync("rental.active"); ...; var delivery = await next;</c>.
    /// Retries and redeliveries count as attempts.
    /// </summary>
    /// <param name="eventName">The event to wait for; null for any.</param>
    /// <param name="cancellationToken">Stops waiting (the task is cancelled).</param>
    public Task<SandboxWebhookDelivery> NextWebhookDeliveryAsync(string? eventName = null, CancellationToken cancellationToken = default) =>
        _webhooks.NextAsync(d => eventName is null || d.EventName == eventName, cancellationToken);

    /// <summary>
    /// Completes with the next webhook delivery attempt from now on that <paramref name="match"/> accepts, for example
    /// <c>d =&gt; d.EventName == "action.verified" &amp;&amp; d.Succeeded</c> to wait through retries.
    /// </summary>
    /// <param name="match">Which attempt to wait for.</param>
    /// <param name="cancellationToken">Stops waiting (the task is cancelled).</param>
    public Task<SandboxWebhookDelivery> NextWebhookDeliveryAsync(Func<SandboxWebhookDelivery, bool> match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        return _webhooks.NextAsync(match, cancellationToken);
    }

    /// <summary>
    /// Sends a delivery again, now, as one more attempt with the same body, signed with the webhook's current secret (as a
    /// dashboard's "resend" does). The attempt is recorded in the webhook's delivery log.
    /// </summary>
    /// <param name="deliveryId">The <see cref="SandboxWebhookDelivery.DeliveryId"/> (or the delivery log's <c>id</c>).</param>
    /// <param name="cancellationToken">Cancels before sending.</param>
    /// <exception cref="ArgumentException">No delivery has that id.</exception>
    public async Task<SandboxWebhookDelivery> RedeliverWebhookAsync(string deliveryId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveryId);
        return await _webhooks.RedeliverAsync(deliveryId, cancellationToken).ConfigureAwait(false)
            ?? throw new ArgumentException("No webhook delivery has that id.", nameof(deliveryId));
    }
}
