namespace Attention.Sdk.Json;

/// <summary>Shared checks for extensible enum values, so every such type validates the same way.</summary>
public static class ExtensibleEnumText
{
    /// <summary>Returns the value when it is a non-empty string; throws <see cref="ArgumentException"/> otherwise.</summary>
    public static string Require(string? value, string typeName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"A {typeName} value cannot be null or empty.", nameof(value));
        }

        return value;
    }
}
