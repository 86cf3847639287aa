namespace Attention.Sdk.Testing.WireMock;

/// <summary>How a stub matches the request URL.</summary>
public enum UrlMatchKind
{
    /// <summary>The path equals (<c>urlPath</c>); the query is matched separately.</summary>
    Path,

    /// <summary>The path matches a regular expression (<c>urlPathPattern</c>).</summary>
    PathRegex,

    /// <summary>The URL including its query equals (<c>url</c>).</summary>
    Url,
}
