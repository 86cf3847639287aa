using System.Text.Json.Serialization;
using Attention.Sdk.Json;

namespace AutoPersonas.Content;

/// <summary>The review status of a content item. Extensible: a value the SDK does not know is kept as-is.</summary>
[JsonConverter(typeof(ExtensibleEnumConverter<ContentStatus>))]
public readonly record struct ContentStatus(string Value) : IExtensibleEnum<ContentStatus>
{
    /// <summary>The wire value.</summary>
    public string Value { get; } = ExtensibleEnumText.Require(Value, nameof(ContentStatus));

    /// <summary><c>generating</c>: the image and caption are being produced.</summary>
    public static ContentStatus Generating { get; } = new("generating");

    /// <summary><c>draft</c>: generated, waiting for review.</summary>
    public static ContentStatus Draft { get; } = new("draft");

    /// <summary><c>approved</c>: approved for publishing.</summary>
    public static ContentStatus Approved { get; } = new("approved");

    /// <summary><c>rejected</c>: rejected in review.</summary>
    public static ContentStatus Rejected { get; } = new("rejected");

    /// <summary><c>scheduled</c>: a publish is scheduled.</summary>
    public static ContentStatus Scheduled { get; } = new("scheduled");

    /// <summary><c>published</c>: live on the platform.</summary>
    public static ContentStatus Published { get; } = new("published");

    /// <summary><c>failed</c>: generation or publishing failed.</summary>
    public static ContentStatus Failed { get; } = new("failed");

    /// <summary>Creates a value from its wire string.</summary>
    public static ContentStatus FromValue(string value) => new(value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;
}
