using System.Text.Json;

namespace AttentionFactory.Webhooks;

/// <summary>
/// A kind of webhook event, named by the word before the dot (<c>action.verified</c> is an action event): the typed class it is
/// parsed as, the <c>data</c> property that marks data about that kind of thing, and the rule that the signed <c>data.status</c>
/// equals the name's suffix. Names of a known kind the catalog does not list (a status the server adds later) follow the same rules.
/// </summary>
internal sealed class WebhookEventKind
{
    // Action first: action data also carries rental_id, so action_id decides what the data describes.
    public static readonly WebhookEventKind Action = new("action", "action_id", "an action", typeof(ActionWebhookEvent), static (t, ts, d) => new ActionWebhookEvent(t, ts, d));

    public static readonly WebhookEventKind Rental = new("rental", "rental_id", "a rental", typeof(RentalWebhookEvent), static (t, ts, d) => new RentalWebhookEvent(t, ts, d));

    private static readonly WebhookEventKind[] s_all = [Action, Rental];

    private readonly Func<WebhookEventType, DateTimeOffset?, JsonElement, WebhookEvent> _create;

    private WebhookEventKind(string name, string idProperty, string described, Type eventClass, Func<WebhookEventType, DateTimeOffset?, JsonElement, WebhookEvent> create)
    {
        Name = name;
        IdProperty = idProperty;
        Described = described;
        EventClass = eventClass;
        _create = create;
    }

    /// <summary>The word before the dot (<c>action</c>).</summary>
    public string Name { get; }

    /// <summary>The <c>data</c> property present when the data describes this kind of thing (<c>action_id</c>).</summary>
    public string IdProperty { get; }

    /// <summary>The thing, with its article, for reasons (<c>an action</c>).</summary>
    public string Described { get; }

    /// <summary>The typed event class (<see cref="ActionWebhookEvent"/>).</summary>
    public Type EventClass { get; }

    /// <summary>The kind a name of the form <c>kind.status</c> belongs to; null for any other name (parsed as the base event).</summary>
    public static WebhookEventKind? Of(WebhookEventType type)
    {
        var name = type.Value;
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? Named(name[..dot]) : null;
    }

    /// <summary>The kind called <paramref name="name"/> (the word before the dot, or the whole name when it has none); null if none.</summary>
    public static WebhookEventKind? Named(string name) => Array.Find(s_all, k => string.Equals(k.Name, name, StringComparison.Ordinal));

    /// <summary>The kind of thing a (JSON object) <c>data</c> describes, by its id property; null when it carries none.</summary>
    public static WebhookEventKind? Describing(JsonElement data) => Array.Find(s_all, k => data.TryGetProperty(k.IdProperty, out _));

    /// <summary>The signed <c>data.status</c> a name of this kind must carry: the part after the dot.</summary>
    public static string SignedStatusOf(WebhookEventType type)
    {
        var name = type.Value;
        return name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..];
    }

    /// <summary>Creates the typed event.</summary>
    public WebhookEvent Create(WebhookEventType type, DateTimeOffset? timestamp, JsonElement data) => _create(type, timestamp, data);
}
