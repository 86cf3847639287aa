using System.Text.Json;
using System.Text.Json.Serialization;

namespace AttentionFactory.Webhooks;

/// <summary>The body of <c>POST /v1/webhooks</c>. <see cref="ToString"/> never shows the secret.</summary>
public sealed class CreateWebhookRequest
{
    /// <summary>The HTTPS endpoint deliveries are posted to.</summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    /// <summary>The events to receive (at least one).</summary>
    [JsonPropertyName("events")]
    public required IReadOnlyList<WebhookEventType> Events { get; init; }

    /// <summary>The HMAC signing secret to use; null lets the server generate one (returned once).</summary>
    [JsonPropertyName("secret")]
    public string? Secret { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        // Plain http is allowed for loopback only: local receivers (the sandbox, a tunnel's local end) during development.
        if (string.IsNullOrWhiteSpace(Url) || !Uri.TryCreate(Url, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            throw new ArgumentException("The webhook URL must be an absolute https:// URL (http:// only for a loopback address).", nameof(Url));
        }

        if (Events is null || Events.Count == 0)
        {
            throw new ArgumentException("Subscribe to at least one event (for example WebhookEventType.ActionVerified).", nameof(Events));
        }

        if (Events.Any(e => string.IsNullOrWhiteSpace(e.Value)))
        {
            throw new ArgumentException("An event name is empty.", nameof(Events));
        }

        if (Secret is not null && string.IsNullOrWhiteSpace(Secret))
        {
            throw new ArgumentException("The secret cannot be empty; leave it null to let the server generate one.", nameof(Secret));
        }
    }

    /// <summary>The URL and events; the secret is redacted.</summary>
    public override string ToString() => $"CreateWebhookRequest {{ Url = {Url}, Events = [{string.Join(", ", Events ?? [])}], Secret = {(Secret is null ? "(server-generated)" : "***")} }}";
}

/// <summary>A registered webhook endpoint. <see cref="Secret"/> is only present when the server returns it (on creation or rotation); <see cref="ToString"/> never shows it.</summary>
public sealed class WebhookEndpoint : IRawJson
{
    /// <summary>The webhook id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The endpoint URL.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The subscribed events.</summary>
    [JsonPropertyName("events")]
    public IReadOnlyList<WebhookEventType> Events { get; init; } = [];

    /// <summary>The signing secret, when returned (creation, rotation).</summary>
    [JsonPropertyName("secret")]
    public string? Secret { get; init; }

    /// <summary>When the webhook was registered, when sent.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Fields the SDK does not model, kept as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The whole response body as the server sent it (undefined in lists and when built in code).</summary>
    [JsonIgnore]
    public JsonElement RawJson { get; private set; }

    /// <summary>The id, URL and events; the secret is redacted.</summary>
    public override string ToString() => $"WebhookEndpoint {{ Id = {Id}, Url = {Url}, Events = [{string.Join(", ", Events)}], Secret = {(Secret is null ? "(not returned)" : "***")} }}";

    void IRawJson.AttachRawJson(JsonElement raw) => RawJson = raw;
}

/// <summary>One entry of a webhook's delivery log. The docs do not show the shape: common fields are read when present; everything else is kept.</summary>
public sealed class WebhookDelivery
{
    /// <summary>The delivery id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The event delivered.</summary>
    [JsonPropertyName("event")]
    public WebhookEventType? Event { get; init; }

    /// <summary>The HTTP status your endpoint answered, when recorded.</summary>
    [JsonPropertyName("status_code")]
    public int? StatusCode { get; init; }

    /// <summary>The delivery's outcome as the server names it, when sent.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>When the delivery was attempted, when sent.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Fields the SDK does not model, kept as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
