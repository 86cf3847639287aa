using System.Text.Json.Serialization;
using Attention.Sdk.Json;

namespace AttentionFactory.Rentals;

/// <summary>The state of a rental. Extensible: a status the server adds later is kept as-is.</summary>
[JsonConverter(typeof(ExtensibleEnumConverter<RentalStatus>))]
public readonly record struct RentalStatus(string Value) : IExtensibleEnum<RentalStatus>
{
    /// <summary>The wire value (for example <c>active</c>).</summary>
    public string Value { get; } = ExtensibleEnumText.Require(Value, nameof(RentalStatus));

    /// <summary>Pre-activation: the account is being prepared; actions cannot be submitted yet. <c>expires_pending_at</c> says when it auto-refunds.</summary>
    public static RentalStatus Warming { get; } = new("warming");

    /// <summary>The rental is live: submit actions against it.</summary>
    public static RentalStatus Active { get; } = new("active");

    /// <summary>The rental window closed naturally (auto-renew disabled or failed).</summary>
    public static RentalStatus Expired { get; } = new("expired");

    /// <summary>Credits returned: warming did not complete within the 14-day guarantee window.</summary>
    public static RentalStatus Refunded { get; } = new("refunded");

    /// <summary>The customer released the rental early; no refund.</summary>
    public static RentalStatus Released { get; } = new("released");

    /// <summary>The customer cancelled while still pre-activation; credits refunded.</summary>
    public static RentalStatus Cancelled { get; } = new("cancelled");

    /// <summary>Whether the rental has ended and can never become active again as it is (expired, refunded, released, cancelled).</summary>
    public bool IsTerminal => this == Expired || this == Refunded || this == Released || this == Cancelled;

    /// <summary>Creates a value from its wire string.</summary>
    public static RentalStatus FromValue(string value) => new(value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;
}
