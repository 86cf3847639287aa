using System.Text.Json.Serialization;
using Attention.Sdk.Json;

namespace AutoPersonas.Batches;

/// <summary>The status of a generation batch. Extensible: a value the SDK does not know is kept as-is (and is not terminal).</summary>
[JsonConverter(typeof(ExtensibleEnumConverter<BatchStatus>))]
public readonly record struct BatchStatus(string Value) : IExtensibleEnum<BatchStatus>
{
    /// <summary>The wire value.</summary>
    public string Value { get; } = ExtensibleEnumText.Require(Value, nameof(BatchStatus));

    /// <summary><c>pending</c>: queued.</summary>
    public static BatchStatus Pending { get; } = new("pending");

    /// <summary><c>processing</c>: generating.</summary>
    public static BatchStatus Processing { get; } = new("processing");

    /// <summary><c>completed</c>: every item is generated (terminal).</summary>
    public static BatchStatus Completed { get; } = new("completed");

    /// <summary><c>partial</c>: finished with some items failed (terminal).</summary>
    public static BatchStatus Partial { get; } = new("partial");

    /// <summary><c>failed</c>: the batch failed (terminal).</summary>
    public static BatchStatus Failed { get; } = new("failed");

    /// <summary><c>cancelled</c>: the batch was cancelled (terminal).</summary>
    public static BatchStatus Cancelled { get; } = new("cancelled");

    /// <summary>Whether the batch has finished, successfully or not (<c>completed</c>, <c>complete</c>, <c>done</c>, <c>succeeded</c>, <c>partial</c>, <c>failed</c>, <c>error</c>, <c>cancelled</c>/<c>canceled</c>).</summary>
    public bool IsTerminal => IsSucceeded || IsFailed || this == Partial;

    /// <summary>Whether every item was generated (<c>completed</c>, <c>complete</c>, <c>done</c>, <c>succeeded</c>).</summary>
    public bool IsSucceeded => Value is "completed" or "complete" or "done" or "succeeded" or "success";

    /// <summary>Whether the batch ended without results (<c>failed</c>, <c>error</c>, <c>cancelled</c>, <c>canceled</c>).</summary>
    public bool IsFailed => Value is "failed" or "error" or "cancelled" or "canceled";

    /// <summary>Creates a value from its wire string.</summary>
    public static BatchStatus FromValue(string value) => new(value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;
}
