using System.Text.Json.Nodes;

namespace Attention.Sdk.Testing.WireMock;

/// <summary>
/// One WireMock value pattern (for a header, query parameter or body), such as <c>{"equalTo": "x"}</c>.
/// Build them with <see cref="Matches"/>; a plain string converts to an exact match.
/// </summary>
public sealed class ValueMatcher
{
    private readonly Func<JsonObject> _factory;

    internal ValueMatcher(Func<JsonObject> factory, string description)
    {
        _factory = factory;
        Description = description;
    }

    /// <summary>A readable form for diagnostics.</summary>
    public string Description { get; }

    /// <summary>A string is an exact (<c>equalTo</c>) match.</summary>
    public static implicit operator ValueMatcher(string value) => Matches.EqualTo(value);

    /// <summary>Builds a fresh JSON object for the pattern (JsonNodes have a single parent, so each use gets its own).</summary>
    public JsonObject ToJson() => _factory();

    /// <inheritdoc />
    public override string ToString() => Description;
}
