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
        _connection.SendListAsync(new ApiRequest(HttpMethod.Get, "platforms"), FactoryJsonContext.Default.Platform, "platforms", cancellationToken);

    /// <summary>Gets the action types and per-rental rate caps of a platform (<c>GET /v1/platforms/{platform}/capabilities</c>).</summary>
    /// <param name="platform">The platform.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">No platform was given.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<PlatformCapabilities> GetCapabilitiesAsync(Platform platform, CancellationToken cancellationToken = default)
    {
        Platform.Require(platform, nameof(platform));
        return _connection.SendWithRawAsync(
            new ApiRequest(HttpMethod.Get, "platforms/{platform}/capabilities").WithPath("platform", platform.Value),
            FactoryJsonContext.Default.PlatformCapabilities,
            cancellationToken);
    }

    /// <summary>Gets the niches valid as <c>warming_niche</c> on a platform (<c>GET /v1/platforms/{platform}/niches</c>).</summary>
    /// <param name="platform">The platform.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">No platform was given.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<NicheCatalog> GetNichesAsync(Platform platform, CancellationToken cancellationToken = default)
    {
        Platform.Require(platform, nameof(platform));
        return _connection.SendAsync(
            new ApiRequest(HttpMethod.Get, "platforms/{platform}/niches").WithPath("platform", platform.Value),
            FactoryJsonContext.Default.NicheCatalog,
            cancellationToken);
    }
}
