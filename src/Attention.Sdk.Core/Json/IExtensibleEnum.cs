namespace Attention.Sdk.Json;

/// <summary>
/// A string-backed value type standing for a server enum (statuses, platforms, event names). Known values are static
/// members; any other string the server sends is kept as-is, so a new server value never breaks deserialization.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IExtensibleEnum<TSelf> : IEquatable<TSelf>
    where TSelf : struct, IExtensibleEnum<TSelf>
{
    /// <summary>The wire value.</summary>
    string Value { get; }

    /// <summary>Creates a value from its wire string.</summary>
    static abstract TSelf FromValue(string value);
}
