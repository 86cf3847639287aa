using System.Text.Json.Serialization;
using Attention.Sdk.Json;

namespace AutoPersonas.Publishing;

/// <summary>The state of a publish. Extensible: a value the SDK does not know is kept as-is (and is not terminal).</summary>
[JsonConverter(typeof(ExtensibleEnumConverter<PublishState>))]
public readonly record struct PublishState(string Value) : IExtensibleEnum<PublishState>
{
    /// <summary>The wire value.</summary>
    public string Value { get; } = ExtensibleEnumText.Require(Value, nameof(PublishState));

    /// <summary><c>scheduled</c>: waiting for its publish time.</summary>
    public static PublishState Scheduled { get; } = new("scheduled");

    /// <summary><c>queued</c>: waiting to be sent.</summary>
    public static PublishState Queued { get; } = new("queued");

    /// <summary><c>publishing</c>: being sent to the platform.</summary>
    public static PublishState Publishing { get; } = new("publishing");

    /// <summary><c>published</c>: live (terminal).</summary>
    public static PublishState Published { get; } = new("published");

    /// <summary><c>failed</c>: the platform refused or the send failed (terminal; see <see cref="PublishingClient.RetryAsync(string, CancellationToken)"/>).</summary>
    public static PublishState Failed { get; } = new("failed");

    /// <summary><c>unpublished</c>: cancelled or pulled (terminal).</summary>
    public static PublishState Unpublished { get; } = new("unpublished");

    /// <summary>Whether the publish has finished: published (<see cref="IsPublished"/>) or failed (<see cref="IsFailed"/>).</summary>
    public bool IsTerminal => IsPublished || IsFailed;

    /// <summary>Whether the post is live (<c>published</c>, <c>live</c>, <c>posted</c>, <c>completed</c>).</summary>
    public bool IsPublished => Value is "published" or "live" or "posted" or "completed";

    /// <summary>Whether the publish ended without a live post (<c>failed</c>, <c>error</c>, <c>unpublished</c>, <c>cancelled</c>, <c>canceled</c>).</summary>
    public bool IsFailed => Value is "failed" or "error" or "unpublished" or "cancelled" or "canceled";

    /// <summary>Creates a value from its wire string.</summary>
    public static PublishState FromValue(string value) => new(value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;
}
