namespace Attention.Sandbox;

/// <summary>Accounts and keys: only registered keys are accepted, as on the real APIs.</summary>
public sealed partial class AttentionSandbox
{
    /// <summary>
    /// Creates an AutoPersonas account and returns its key, holding only the given scopes (for example <c>content:read</c>)
    /// or, with none given, every scope. The account's influencers, content and jobs are seen by its own keys only.
    /// </summary>
    public string CreateAutoPersonasKey(params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var key = NewKey("ap_live_sandbox_");
        _autoPersonas.AddKey(key, scopes);
        return key;
    }

    /// <summary>
    /// Creates another key of the account that <paramref name="accountKey"/> belongs to, holding only the given scopes (every
    /// scope when none are given): it sees and changes the same influencers and content, within its scopes.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="accountKey"/> is not a registered AutoPersonas key.</exception>
    public string AddAutoPersonasKey(string accountKey, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(accountKey);
        ArgumentNullException.ThrowIfNull(scopes);
        var key = NewKey("ap_live_sandbox_");
        return _autoPersonas.AddKey(key, scopes, accountKey) ? key : throw new ArgumentException("That is not a registered AutoPersonas key.", nameof(accountKey));
    }

    /// <summary>
    /// Creates an Attention Factory account holding <paramref name="credits"/> (default <see cref="AttentionSandboxOptions.StartingCredits"/>)
    /// and returns its key: <paramref name="apiKey"/> when given (it must start with <c>af_test_sk_</c> or <c>af_live_sk_</c>,
    /// for example the key your app reads from configuration), otherwise a new <c>af_test_sk_</c> key.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> has the wrong prefix or is already registered.</exception>
    public string CreateAttentionFactoryKey(decimal? credits = null, string? apiKey = null)
    {
        var key = apiKey ?? NewKey("af_test_sk_");
        if (!key.StartsWith("af_test_sk_", StringComparison.Ordinal) && !key.StartsWith("af_live_sk_", StringComparison.Ordinal))
        {
            throw new ArgumentException("An Attention Factory key starts with af_test_sk_ or af_live_sk_.", nameof(apiKey));
        }

        return _factory.AddAccount(key, credits ?? Options.StartingCredits) ? key : throw new ArgumentException("That key is already registered.", nameof(apiKey));
    }

    /// <summary>Adds credits to the Attention Factory account of <paramref name="apiKey"/> (recorded as a <c>top_up</c> transaction).</summary>
    /// <returns>False when the key is not registered.</returns>
    public bool AddAttentionFactoryCredits(string apiKey, decimal credits)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return _factory.AddCredits(apiKey, credits);
    }

    /// <summary>Revokes an Attention Factory or AutoPersonas key: from now on it gets 401, like a key revoked on the dashboard.</summary>
    /// <returns>False when the key was not registered.</returns>
    public bool RevokeApiKey(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return _factory.RevokeKey(apiKey) | _autoPersonas.RevokeKey(apiKey);
    }

    private static string NewKey(string prefix) => prefix + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
}
