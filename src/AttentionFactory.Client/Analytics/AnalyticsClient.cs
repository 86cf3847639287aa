using System.Text.Json;
using System.Text.Json.Serialization;
using Attention.Sdk.Http;
using AttentionFactory.Platforms;

namespace AttentionFactory.Analytics;

/// <summary>Account-level metrics of an active rental and the action types available to it. Post-level analytics live on <see cref="Actions.ActionsClient"/>.</summary>
public class AnalyticsClient
{
    private readonly FactoryConnection _connection = null!;

    internal AnalyticsClient(FactoryConnection connection) => _connection = connection;

    /// <summary>For mocking.</summary>
    protected AnalyticsClient()
    {
    }

    /// <summary>
    /// Gets the latest account-level metrics from the upstream provider (<c>GET /v1/rentals/{id}/analytics</c>). Only while the rental
    /// is active (other statuses answer 400). Coverage varies per platform: TikTok typically returns every metric, Reddit few.
    /// </summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Attention.Sdk.AttentionBadRequestException">400: the rental is not active.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">Any other failure.</exception>
    public virtual Task<AccountAnalytics> GetAccountAnalyticsAsync(string rentalId, CancellationToken cancellationToken = default) =>
        GetAccountAnalyticsAsync(rentalId, null, cancellationToken);

    /// <summary>Gets account-level metrics with per-call options; otherwise as <see cref="GetAccountAnalyticsAsync(string, CancellationToken)"/>.</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<AccountAnalytics> GetAccountAnalyticsAsync(string rentalId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendWithRawAsync(
            new ApiRequest(AttentionFactoryEndpoints.GetAccountAnalytics).WithPath("id", rentalId),
            FactoryJsonContext.Default.AccountAnalytics,
            requestOptions,
            cancellationToken);

    /// <summary>Gets the action types available for the rental's platform (<c>GET /v1/rentals/{id}/capabilities</c>; same shape as the platform capabilities).</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<PlatformCapabilities> GetRentalCapabilitiesAsync(string rentalId, CancellationToken cancellationToken = default) =>
        GetRentalCapabilitiesAsync(rentalId, null, cancellationToken);

    /// <summary>Gets the rental's action types with per-call options; otherwise as <see cref="GetRentalCapabilitiesAsync(string, CancellationToken)"/>.</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<PlatformCapabilities> GetRentalCapabilitiesAsync(string rentalId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendWithRawAsync(
            new ApiRequest(AttentionFactoryEndpoints.GetRentalCapabilities).WithPath("id", rentalId),
            FactoryJsonContext.Default.PlatformCapabilities,
            requestOptions,
            cancellationToken);
}

/// <summary>
/// Account-level metrics (followers, following, post count, engagement). The docs name the metrics without showing the
/// shape: these fields are read when present (each is null when the platform does not supply it); everything else is kept.
/// </summary>
public sealed class AccountAnalytics : IRawJson
{
    /// <summary>The rental id, when echoed.</summary>
    [JsonPropertyName("rental_id")]
    public string? RentalId { get; init; }

    /// <summary>The platform, when echoed.</summary>
    [JsonPropertyName("platform")]
    public Platform? Platform { get; init; }

    /// <summary>Followers.</summary>
    [JsonPropertyName("followers")]
    public long? Followers { get; init; }

    /// <summary>Accounts followed.</summary>
    [JsonPropertyName("following")]
    public long? Following { get; init; }

    /// <summary>Posts.</summary>
    [JsonPropertyName("post_count")]
    public long? PostCount { get; init; }

    /// <summary>Engagement rate (as the provider reports it, for example 0.043).</summary>
    [JsonPropertyName("engagement_rate")]
    [JsonConverter(typeof(Attention.Sdk.Json.NullableFlexibleDecimalConverter))]
    public decimal? EngagementRate { get; init; }

    /// <summary>Fields the SDK does not model, kept as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The whole response body as the server sent it (undefined when built in code).</summary>
    [JsonIgnore]
    public JsonElement RawJson { get; private set; }

    void IRawJson.AttachRawJson(JsonElement raw) => RawJson = raw;
}
