using Attention.Sdk.Http;

namespace AttentionFactory.Platforms;

/// <summary>Discovery: supported platforms, their action types and rate caps, and the warming niche catalog. Call these to validate input before creating a rental.</summary>
public class PlatformsClient
{
    private readonly FactoryConnection _connection = null!;

    internal PlatformsClient(FactoryConnection connection) => _connection = connection;

    /// <summary>For mocking.</summary>
    protected PlatformsClient()
    {
    }

    /// <summary>Lists the supported platforms (<c>GET /v1/platforms</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed (a typed subtype per status, transport or timeout).</exception>
    public virtual Task<ApiList<Platform>> ListAsync(CancellationToken cancellationToken = default) =>
        ListAsync(null, cancellationToken);

    /// <summary>Lists the supported platforms with per-call options; otherwise as <see cref="ListAsync(CancellationToken)"/>.</summary>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (this endpoint does not honour one): nothing was sent.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ApiList<Platform>> ListAsync(RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendListAsync(new ApiRequest(AttentionFactoryEndpoints.ListPlatforms), FactoryJsonContext.Default.Platform, "platforms", requestOptions, cancellationToken);

    /// <summary>Gets the action types and per-rental rate caps of a platform (<c>GET /v1/platforms/{platform}/capabilities</c>).</summary>
    /// <param name="platform">The platform.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">No platform was given.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<PlatformCapabilities> GetCapabilitiesAsync(Platform platform, CancellationToken cancellationToken = default) =>
        GetCapabilitiesAsync(platform, null, cancellationToken);

    /// <summary>Gets a platform's capabilities with per-call options; otherwise as <see cref="GetCapabilitiesAsync(Platform, CancellationToken)"/>.</summary>
    /// <param name="platform">The platform.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">No platform was given, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<PlatformCapabilities> GetCapabilitiesAsync(Platform platform, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        Platform.Require(platform, nameof(platform));
        return _connection.SendWithRawAsync(
            new ApiRequest(AttentionFactoryEndpoints.GetPlatformCapabilities).WithPath("platform", platform.Value),
            FactoryJsonContext.Default.PlatformCapabilities,
            requestOptions,
            cancellationToken);
    }

    /// <summary>Gets the niches valid as <c>warming_niche</c> on a platform (<c>GET /v1/platforms/{platform}/niches</c>).</summary>
    /// <param name="platform">The platform.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">No platform was given.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<NicheCatalog> GetNichesAsync(Platform platform, CancellationToken cancellationToken = default) =>
        GetNichesAsync(platform, null, cancellationToken);

    /// <summary>Gets a platform's niche catalog with per-call options; otherwise as <see cref="GetNichesAsync(Platform, CancellationToken)"/>.</summary>
    /// <param name="platform">The platform.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">No platform was given, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<NicheCatalog> GetNichesAsync(Platform platform, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        Platform.Require(platform, nameof(platform));
        return _connection.SendAsync(
            new ApiRequest(AttentionFactoryEndpoints.GetPlatformNiches).WithPath("platform", platform.Value),
            FactoryJsonContext.Default.NicheCatalog,
            requestOptions,
            cancellationToken);
    }
}
