namespace AttentionFactory.Webhooks;

/// <summary>
/// Every documented Attention Factory webhook event, stated once: its name, the typed class
/// <see cref="AttentionFactoryWebhookParser"/> returns for it and the <c>data.status</c> its signed data must carry. The parser, the
/// model factory, the sandbox's registration and deliveries, and a docs test of the events table in <c>docs/webhooks.md</c> all
/// read this list: adding an event is one <see cref="WebhookEventType"/> member plus one entry here.
/// </summary>
public static class WebhookEventCatalog
{
    /// <summary>The documented events, rental events first, in the order of the API document.</summary>
    public static IReadOnlyList<WebhookEventDescriptor> All { get; } =
    [
        new(WebhookEventType.RentalActive),
        new(WebhookEventType.RentalCancelled),
        new(WebhookEventType.RentalRefunded),
        new(WebhookEventType.RentalExpired),
        new(WebhookEventType.ActionQueued),
        new(WebhookEventType.ActionAssigned),
        new(WebhookEventType.ActionInProgress),
        new(WebhookEventType.ActionSubmitted),
        new(WebhookEventType.ActionVerified),
        new(WebhookEventType.ActionFailed),
    ];

    /// <summary>The documented event of this name (exact, case-sensitive), or null when the API documents none.</summary>
    /// <param name="name">The event name as sent or registered; null or empty finds nothing.</param>
    public static WebhookEventDescriptor? Find(string? name) =>
        string.IsNullOrEmpty(name) ? null : All.FirstOrDefault(e => string.Equals(e.Type.Value, name, StringComparison.Ordinal));
}

/// <summary>One documented webhook event: its name, typed class and the signed status it must carry.</summary>
public sealed class WebhookEventDescriptor
{
    internal WebhookEventDescriptor(WebhookEventType type)
    {
        Type = type;
        EventClass = (WebhookEventKind.Of(type) ?? throw new ArgumentException($"{type} is not of a known event kind.", nameof(type))).EventClass;
        SignedStatus = WebhookEventKind.SignedStatusOf(type);
    }

    /// <summary>The event name (for example <c>action.verified</c>).</summary>
    public WebhookEventType Type { get; }

    /// <summary>The class a verified delivery of this event is returned as (<see cref="RentalWebhookEvent"/> or <see cref="ActionWebhookEvent"/>).</summary>
    public Type EventClass { get; }

    /// <summary>
    /// The <c>data.status</c> the signed data must carry (the name's suffix, for example <c>verified</c>): the signature covers only
    /// <c>data</c>, so a delivery whose name disagrees with it is refused.
    /// </summary>
    public string SignedStatus { get; }

    /// <summary>The event name.</summary>
    public override string ToString() => Type.Value;
}
