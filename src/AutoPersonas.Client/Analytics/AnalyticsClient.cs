using System.Globalization;
using Attention.Sdk;
using Attention.Sdk.Http;
using AutoPersonas.Content;

namespace AutoPersonas.Analytics;

/// <summary>Analytics (scope <c>analytics:read</c>): dashboard stats, engagement chart, top content and platform breakdown.</summary>
public class AnalyticsClient
{
    private readonly ApConnection _connection = null!;

    internal AnalyticsClient(ApConnection connection) => _connection = connection;

    /// <summary>For mocking.</summary>
    protected AnalyticsClient()
    {
    }

    /// <summary>Gets the dashboard stats (<c>GET /analytics/stats</c>).</summary>
    /// <param name="query">Optional filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<DashboardStats> GetStatsAsync(AnalyticsQuery? query = null, CancellationToken cancellationToken = default) =>
        GetStatsAsync(query, null, cancellationToken);

    /// <summary>Gets the dashboard stats with per-call options; otherwise as <see cref="GetStatsAsync(AnalyticsQuery, CancellationToken)"/>.</summary>
    /// <param name="query">Optional filters.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<DashboardStats> GetStatsAsync(AnalyticsQuery? query, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(Build(AutoPersonasEndpoints.GetAnalyticsStats, query), ApJsonContext.Default.DashboardStats, requestOptions, cancellationToken);

    /// <summary>Gets engagement chart data (<c>GET /analytics/engagement</c>).</summary>
    /// <param name="query">Optional filters (for example <see cref="AnalyticsQuery.Period"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<EngagementChart> GetEngagementAsync(AnalyticsQuery? query = null, CancellationToken cancellationToken = default) =>
        GetEngagementAsync(query, null, cancellationToken);

    /// <summary>Gets engagement chart data with per-call options; otherwise as <see cref="GetEngagementAsync(AnalyticsQuery, CancellationToken)"/>.</summary>
    /// <param name="query">Optional filters (for example <see cref="AnalyticsQuery.Period"/>).</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<EngagementChart> GetEngagementAsync(AnalyticsQuery? query, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(Build(AutoPersonasEndpoints.GetEngagement, query), ApJsonContext.Default.EngagementChart, requestOptions, cancellationToken);

    /// <summary>Lists the top performing content (<c>GET /analytics/top-content</c>); metrics the SDK does not type are in each item's extension data.</summary>
    /// <param name="query">Optional filters (for example <see cref="AnalyticsQuery.Limit"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<ApiList<ContentItem>> ListTopContentAsync(AnalyticsQuery? query = null, CancellationToken cancellationToken = default) =>
        ListTopContentAsync(query, null, cancellationToken);

    /// <summary>Lists the top performing content with per-call options; otherwise as <see cref="ListTopContentAsync(AnalyticsQuery, CancellationToken)"/>.</summary>
    /// <param name="query">Optional filters (for example <see cref="AnalyticsQuery.Limit"/>).</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ApiList<ContentItem>> ListTopContentAsync(AnalyticsQuery? query, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendListAsync(Build(AutoPersonasEndpoints.ListTopContent, query), ApJsonContext.Default.ContentItem, "content", requestOptions, cancellationToken);

    /// <summary>Gets the per-platform breakdown (<c>GET /analytics/platforms</c>).</summary>
    /// <param name="query">Optional filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<ApiList<PlatformBreakdown>> ListPlatformsAsync(AnalyticsQuery? query = null, CancellationToken cancellationToken = default) =>
        ListPlatformsAsync(query, null, cancellationToken);

    /// <summary>Gets the per-platform breakdown with per-call options; otherwise as <see cref="ListPlatformsAsync(AnalyticsQuery, CancellationToken)"/>.</summary>
    /// <param name="query">Optional filters.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ApiList<PlatformBreakdown>> ListPlatformsAsync(AnalyticsQuery? query, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendListAsync(Build(AutoPersonasEndpoints.ListPlatforms, query), ApJsonContext.Default.PlatformBreakdown, "platforms", requestOptions, cancellationToken);

    private static ApiRequest Build(ApiEndpoint endpoint, AnalyticsQuery? query)
    {
        var request = new ApiRequest(endpoint)
            .WithQuery("profileId", query?.ProfileId)
            .WithQuery("period", query?.Period)
            .WithQuery("limit", query?.Limit?.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in query?.AdditionalParameters ?? new Dictionary<string, string>())
        {
            request.WithQuery(name, value);
        }

        return request;
    }
}
