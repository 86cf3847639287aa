using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AttentionFactory.Actions;
using AttentionFactory.Platforms;
using AttentionFactory.Rentals;

namespace AttentionFactory.Webhooks;

/// <summary>
/// A verified webhook delivery: the event name, its timestamp and the <c>data</c> object. Rental and action events arrive as
/// <see cref="RentalWebhookEvent"/> and <see cref="ActionWebhookEvent"/>; any other event as this base type with <see cref="Data"/> as sent.
/// </summary>
public class WebhookEvent
{
    /// <summary>Creates an event (see <see cref="AttentionFactoryModelFactory"/> for tests).</summary>
    /// <param name="eventType">The event name.</param>
    /// <param name="timestamp">The envelope's timestamp, when present.</param>
    /// <param name="data">The <c>data</c> object.</param>
    protected internal WebhookEvent(WebhookEventType eventType, DateTimeOffset? timestamp, JsonElement data)
    {
        EventType = eventType;
        Timestamp = timestamp;
        Data = data.Clone();
    }

    /// <summary>The event name (for example <c>action.verified</c>).</summary>
    public WebhookEventType EventType { get; }

    /// <summary>When the event happened, per the envelope.</summary>
    public DateTimeOffset? Timestamp { get; }

    /// <summary>The event's <c>data</c> object exactly as delivered.</summary>
    public JsonElement Data { get; }

    /// <summary>
    /// The key to de-duplicate deliveries by, as the docs advise: the event name plus the action id (action events) or rental id
    /// (rental events), for example <c>action.verified:9ab72c01-...</c>. Unknown events use an id in <c>data</c> or a hash of it.
    /// </summary>
    public virtual string DeduplicationKey => $"{EventType}:{ReadString(Data, "action_id") ?? ReadString(Data, "rental_id") ?? ReadString(Data, "id") ?? HashData(Data)}";

    /// <summary>A short description for logs.</summary>
    public override string ToString() => $"{EventType} {DeduplicationKey}";

    /// <summary>The typed event for the name: <see cref="ActionWebhookEvent"/>, <see cref="RentalWebhookEvent"/> or this base type.</summary>
    internal static WebhookEvent Create(WebhookEventType eventType, DateTimeOffset? timestamp, JsonElement data) =>
        WebhookEventKind.Of(eventType) is { } kind ? kind.Create(eventType, timestamp, data) : new WebhookEvent(eventType, timestamp, data);

    internal static string? ReadString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string HashData(JsonElement data) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(data.GetRawText()))).ToLowerInvariant()[..32];
}

/// <summary>A <c>rental.*</c> event (active, cancelled, refunded, expired).</summary>
public sealed class RentalWebhookEvent : WebhookEvent
{
    /// <summary>Creates the event from its <c>data</c> object.</summary>
    internal RentalWebhookEvent(WebhookEventType eventType, DateTimeOffset? timestamp, JsonElement data)
        : base(eventType, timestamp, data)
    {
        RentalId = ReadString(data, "rental_id") ?? ReadString(data, "id");
        Status = ReadString(data, "status") is { Length: > 0 } status ? RentalStatus.FromValue(status) : null;
        Platform = ReadString(data, "platform") is { Length: > 0 } platform ? Platforms.Platform.FromValue(platform) : null;
        AnonymizedId = ReadString(data, "anonymized_id");
    }

    /// <summary>The rental id (<c>rental_id</c>, or <c>id</c> when the data is the rental itself).</summary>
    public string? RentalId { get; }

    /// <summary>The rental's status, when sent.</summary>
    public RentalStatus? Status { get; }

    /// <summary>The platform, when sent.</summary>
    public Platform? Platform { get; }

    /// <summary>The account's anonymized id, when sent (on <c>rental.active</c>).</summary>
    public string? AnonymizedId { get; }

    /// <summary>The event name plus the rental id.</summary>
    public override string DeduplicationKey => RentalId is null ? base.DeduplicationKey : $"{EventType}:{RentalId}";
}

/// <summary>An <c>action.*</c> event, emitted for each status transition of an action.</summary>
public sealed class ActionWebhookEvent : WebhookEvent
{
    /// <summary>Creates the event from its <c>data</c> object.</summary>
    internal ActionWebhookEvent(WebhookEventType eventType, DateTimeOffset? timestamp, JsonElement data)
        : base(eventType, timestamp, data)
    {
        ActionId = ReadString(data, "action_id") ?? ReadString(data, "id");
        RentalId = ReadString(data, "rental_id");
        Platform = ReadString(data, "platform") is { Length: > 0 } platform ? Platforms.Platform.FromValue(platform) : null;
        ActionType = ReadString(data, "action_type") is { Length: > 0 } type ? Actions.ActionType.FromValue(type) : null;
        Status = ReadString(data, "status") is { Length: > 0 } status
            ? ActionStatus.FromValue(status)
            : ActionStatus.FromValue(WebhookEventKind.SignedStatusOf(eventType));
    }

    /// <summary>The action id.</summary>
    public string? ActionId { get; }

    /// <summary>The rental id.</summary>
    public string? RentalId { get; }

    /// <summary>The platform.</summary>
    public Platform? Platform { get; }

    /// <summary>The action type (for example <c>post.image</c>).</summary>
    public ActionType? ActionType { get; }

    /// <summary>The action's status (from <c>data.status</c>, else from the event name).</summary>
    public ActionStatus Status { get; }

    /// <summary>The event name plus the action id.</summary>
    public override string DeduplicationKey => ActionId is null ? base.DeduplicationKey : $"{EventType}:{ActionId}";
}
