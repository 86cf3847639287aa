namespace Attention.Sandbox.AutoPersonas;

/// <summary>The AutoPersonas scopes, as documented.</summary>
internal static class AutoPersonasScopes
{
    public static readonly string[] All =
    [
        "character:read", "character:write", "content:read", "content:write", "content:generate",
        "publishing:write", "analytics:read", "profile:read", "profile:write",
    ];
}
