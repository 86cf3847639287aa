using System.Text.Json.Serialization;
using Attention.Sdk.Json;

namespace AttentionFactory.Webhooks;

/// <summary>
/// A webhook event name. Extensible: an event the server adds later is kept as-is. <see cref="WebhookEventCatalog"/> lists the
/// documented ones with their typed class and signed status.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumConverter<WebhookEventType>))]
public readonly record struct WebhookEventType(string Value) : IExtensibleEnum<WebhookEventType>
{
    /// <summary>The wire value (for example <c>action.verified</c>).</summary>
    public string Value { get; } = ExtensibleEnumText.Require(Value, nameof(WebhookEventType));

    /// <summary>The rental went from warming to active and can accept actions.</summary>
    public static WebhookEventType RentalActive { get; } = new("rental.active");

    /// <summary>The customer cancelled a still-pending rental; credits refunded.</summary>
    public static WebhookEventType RentalCancelled { get; } = new("rental.cancelled");

    /// <summary>The pending window elapsed or pre-warming could not complete; credits refunded.</summary>
    public static WebhookEventType RentalRefunded { get; } = new("rental.refunded");

    /// <summary>The rental window closed naturally.</summary>
    public static WebhookEventType RentalExpired { get; } = new("rental.expired");

    /// <summary>An action was accepted.</summary>
    public static WebhookEventType ActionQueued { get; } = new("action.queued");

    /// <summary>A provider picked the action up.</summary>
    public static WebhookEventType ActionAssigned { get; } = new("action.assigned");

    /// <summary>The provider started work.</summary>
    public static WebhookEventType ActionInProgress { get; } = new("action.in_progress");

    /// <summary>The provider submitted proof.</summary>
    public static WebhookEventType ActionSubmitted { get; } = new("action.submitted");

    /// <summary>Terminal: the action succeeded.</summary>
    public static WebhookEventType ActionVerified { get; } = new("action.verified");

    /// <summary>Terminal: the action failed or was rejected.</summary>
    public static WebhookEventType ActionFailed { get; } = new("action.failed");

    /// <summary>Whether this is a <c>rental.*</c> event.</summary>
    public bool IsRentalEvent => WebhookEventKind.Of(this) == WebhookEventKind.Rental;

    /// <summary>Whether this is an <c>action.*</c> event.</summary>
    public bool IsActionEvent => WebhookEventKind.Of(this) == WebhookEventKind.Action;

    /// <summary>Creates a value from its wire string.</summary>
    public static WebhookEventType FromValue(string value) => new(value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;
}
