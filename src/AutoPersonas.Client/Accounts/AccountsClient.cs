using System.Text.Json.Serialization;
using Attention.Sdk;
using Attention.Sdk.Http;

namespace AutoPersonas.Accounts;

/// <summary>A connected social account (<c>GET /accounts</c>).</summary>
public sealed class SocialAccount : AutoPersonasModel
{
    /// <summary>The account id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The platform (for example <c>instagram</c>).</summary>
    [JsonPropertyName("platform")]
    public string? Platform { get; init; }

    /// <summary>The handle on the platform.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; init; }

    /// <summary>Whether the connection is live, when sent.</summary>
    [JsonPropertyName("connected")]
    public bool? Connected { get; init; }

    /// <summary>The profile the account belongs to, when sent.</summary>
    [JsonPropertyName("profileId")]
    public string? ProfileId { get; init; }
}

/// <summary>Connected social accounts (scope <c>profile:read</c>).</summary>
public class AccountsClient
{
    private readonly ApConnection _connection = null!;

    internal AccountsClient(ApConnection connection) => _connection = connection;

    /// <summary>For mocking.</summary>
    protected AccountsClient()
    {
    }

    /// <summary>Lists connected social accounts (<c>GET /accounts</c>, scope <c>profile:read</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<ApiList<SocialAccount>> ListAsync(CancellationToken cancellationToken = default) =>
        ListAsync(null, cancellationToken);

    /// <summary>Lists connected social accounts with per-call options; otherwise as <see cref="ListAsync(CancellationToken)"/>.</summary>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ApiList<SocialAccount>> ListAsync(RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendListAsync(new ApiRequest(AutoPersonasEndpoints.ListAccounts), ApJsonContext.Default.SocialAccount, "accounts", requestOptions, cancellationToken);
}
