using Attention.Sdk;
using Attention.Sdk.Http;

namespace AutoPersonas.Config;

/// <summary>Environment configuration (scope <c>character:read</c>): feature flags, pricing and the aesthetic grade catalog.</summary>
public class ConfigClient
{
    private readonly ApConnection _connection = null!;

    internal ConfigClient(ApConnection connection) => _connection = connection;

    /// <summary>For mocking.</summary>
    protected ConfigClient()
    {
    }

    /// <summary>Gets the feature-flag map (<c>GET /config/features</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<FeatureFlags> GetFeaturesAsync(CancellationToken cancellationToken = default) =>
        GetFeaturesAsync(null, cancellationToken);

    /// <summary>Gets the feature-flag map with per-call options; otherwise as <see cref="GetFeaturesAsync(CancellationToken)"/>.</summary>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<FeatureFlags> GetFeaturesAsync(RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(new ApiRequest(AutoPersonasEndpoints.GetFeatures), ApJsonContext.Default.FeatureFlags, requestOptions, cancellationToken);

    /// <summary>Gets the published rate table for image, video and per-action pricing (<c>GET /config/pricing</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<PricingTable> GetPricingAsync(CancellationToken cancellationToken = default) =>
        GetPricingAsync(null, cancellationToken);

    /// <summary>Gets the published rate table for image, video and per-action pricing with per-call options; otherwise as <see cref="GetPricingAsync(CancellationToken)"/>.</summary>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<PricingTable> GetPricingAsync(RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(new ApiRequest(AutoPersonasEndpoints.GetPricing), ApJsonContext.Default.PricingTable, requestOptions, cancellationToken);

    /// <summary>Lists the aesthetic grade presets (<c>GET /config/aesthetic-grades</c>; the docs say there are 10).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<ApiList<AestheticGrade>> ListAestheticGradesAsync(CancellationToken cancellationToken = default) =>
        ListAestheticGradesAsync(null, cancellationToken);

    /// <summary>Lists the aesthetic grade presets with per-call options; otherwise as <see cref="ListAestheticGradesAsync(CancellationToken)"/>.</summary>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ApiList<AestheticGrade>> ListAestheticGradesAsync(RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendListAsync(new ApiRequest(AutoPersonasEndpoints.ListAestheticGrades), ApJsonContext.Default.AestheticGrade, "grades", requestOptions, cancellationToken);
}
