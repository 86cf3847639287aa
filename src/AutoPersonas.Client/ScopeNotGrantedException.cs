using Attention.Sdk;

namespace AutoPersonas;

/// <summary>
/// A call needs a scope that <see cref="AutoPersonasClientOptions.GrantedScopes"/> does not include, so the SDK did not send it.
/// A client-side refusal (<see cref="AttentionRequestRefusedException"/>, <see cref="AttentionException.Attempts"/> 0): no server
/// answered, so it claims no status. The server's own 403 is an <see cref="AttentionPermissionDeniedException"/>; catch
/// <see cref="AttentionException"/> to handle both. The scope is checked before the call's <see cref="Attention.Sdk.Http.RequestOptions"/>
/// are applied, so a call both lacking its scope and given an idempotency key throws this, not the key's <see cref="ArgumentException"/>.
/// </summary>
public sealed class ScopeNotGrantedException : AttentionRequestRefusedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="scope">The scope the call needs.</param>
    /// <param name="method">The HTTP method of the call.</param>
    /// <param name="route">The route template of the call.</param>
    /// <param name="grantedScopes">The scopes the options declare.</param>
    public ScopeNotGrantedException(AutoPersonasScope scope, string method, string route, IReadOnlyCollection<AutoPersonasScope> grantedScopes)
        : base($"This key lacks {scope.Value}, which {method} {route} needs: the scopes declared in {nameof(AutoPersonasClientOptions)}.{nameof(AutoPersonasClientOptions.GrantedScopes)} ({Describe(grantedScopes)}) do not include it. Nothing was sent; use a key with {scope.Value}.")
    {
        ArgumentNullException.ThrowIfNull(grantedScopes);
        Scope = scope;
        GrantedScopes = grantedScopes;
        Method = method;
        Route = route;
    }

    /// <summary>The scope the call needs.</summary>
    public AutoPersonasScope Scope { get; }

    /// <summary>The scope the call needs, as its string (for example <c>content:generate</c>), as on <see cref="AttentionPermissionDeniedException.RequiredPermission"/>.</summary>
    public string RequiredPermission => Scope.Value;

    /// <summary>The scopes the options declare for the key.</summary>
    public IReadOnlyCollection<AutoPersonasScope> GrantedScopes { get; }

    private static string Describe(IReadOnlyCollection<AutoPersonasScope>? scopes) =>
        scopes is null || scopes.Count == 0 ? "none" : string.Join(", ", scopes.Select(s => s.Value));
}
