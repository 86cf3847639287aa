using System.Text.Json;

namespace AttentionFactory.Webhooks;

/// <summary>
/// The signature covers only <c>data</c>, so the envelope's event name is checked against it: an event named for an action
/// or a rental must carry data about that kind of thing, and the known kinds (<c>action.{status}</c>, <c>rental.{status}</c>, see
/// <see cref="WebhookEventKind"/> and <see cref="WebhookEventCatalog"/>) must carry the signed <c>status</c> their name states. A captured delivery cannot be replayed under another name.
/// </summary>
internal static class WebhookEventConsistency
{
    private const int MaxQuoted = 40;

    /// <summary>Why the name contradicts (or cannot be confirmed by) the signed data; null when it agrees.</summary>
    public static string? FindContradiction(WebhookEventType type, JsonElement data)
    {
        var name = type.Value;
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var kindName = dot < 0 ? name : name[..dot];
        var described = WebhookEventKind.Describing(data);
        if (described is not null && !string.Equals(kindName, described.Name, StringComparison.Ordinal))
        {
            return $"The event name {Quote(name)} does not match the signed data, which describes {described.Described}.";
        }

        // The known kinds name their status: "action" or "rental" alone (or any spelling that is not kind.status) cannot be confirmed.
        if (WebhookEventKind.Named(kindName) is null)
        {
            return null;
        }

        if (!data.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.String)
        {
            return $"The signed data of {Quote(name)} carries no status, so the event name cannot be confirmed.";
        }

        var signed = status.GetString()!;
        return dot > 0 && string.Equals(signed, WebhookEventKind.SignedStatusOf(type), StringComparison.Ordinal)
            ? null
            : $"The event name {Quote(name)} does not match the signed status {Quote(signed)}.";
    }

    /// <summary>Quotes a sender-controlled string for a reason that may be logged: JSON-escaped (no control characters) and short.</summary>
    private static string Quote(string value) =>
        "\"" + JsonEncodedText.Encode(value.Length > MaxQuoted ? value[..MaxQuoted] + "..." : value) + "\"";
}
