namespace Attention.Sandbox;

/// <summary>
/// One attempt of the sandbox to deliver an Attention Factory webhook event: what it sent and what the receiver answered.
/// Awaited with <see cref="AttentionSandbox.NextWebhookDeliveryAsync(string?, CancellationToken)"/>, resent with <see cref="AttentionSandbox.RedeliverWebhookAsync"/>.
/// </summary>
/// <param name="DeliveryId">The delivery's id (as in the webhook's delivery log); every attempt of one delivery shares it.</param>
/// <param name="WebhookId">The registered webhook it was sent to.</param>
/// <param name="Url">The receiver's URL.</param>
/// <param name="EventName">The event, for example <c>rental.active</c>.</param>
/// <param name="Body">The exact body sent (the envelope: <c>event</c>, <c>timestamp</c>, <c>data</c>).</param>
/// <param name="Signature">The <c>X-Webhook-Signature</c> header sent (an HMAC, not the secret).</param>
/// <param name="Attempt">1 for the first attempt, then 2, 3, ... for retries and redeliveries.</param>
/// <param name="StatusCode">The receiver's HTTP status; null when it could not be reached or did not answer in time.</param>
/// <param name="Error">Why there was no answer (the exception type), when there was none.</param>
public sealed record SandboxWebhookDelivery(
    string DeliveryId,
    string WebhookId,
    Uri Url,
    string EventName,
    string Body,
    string Signature,
    int Attempt,
    int? StatusCode,
    string? Error)
{
    /// <summary>Whether the receiver answered 2xx (the sender stops retrying).</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
