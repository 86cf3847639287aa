using System.Text.Json;
using System.Text.Json.Serialization;
using Attention.Sdk.Http;
using AttentionFactory.Actions;
using AttentionFactory.Rentals;

namespace AttentionFactory.Warming;

/// <summary>Enroll a rented account in a warming schedule (gradual authentic engagement), or cancel a pending enrolment.</summary>
public class WarmingClient
{
    private readonly FactoryConnection _connection = null!;

    internal WarmingClient(FactoryConnection connection) => _connection = connection;

    /// <summary>For mocking.</summary>
    protected WarmingClient()
    {
    }

    /// <summary>
    /// Enrolls the rental in warming (<c>POST /v1/rentals/{id}/warming</c>). Pace and duration are managed server-side. The API does not
    /// document de-duplication for this endpoint, so no <c>Idempotency-Key</c> is sent and the call is not retried after an ambiguous
    /// failure (a 5xx, a reset after sending, a timeout): the error says the server may have acted.
    /// </summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="niche">Optional niche from the platform's catalog, at most 50 characters; null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty or the niche is empty or too long (nothing was sent).</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<WarmingEnrollment> EnrollAsync(string rentalId, string? niche = null, CancellationToken cancellationToken = default) =>
        EnrollAsync(rentalId, niche, null, cancellationToken);

    /// <summary>Enrolls the rental in warming with per-call options; otherwise as <see cref="EnrollAsync(string, string?, CancellationToken)"/>.</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="niche">Optional niche from the platform's catalog, at most 50 characters; null for none.</param>
    /// <param name="requestOptions">
    /// Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call. The API does not
    /// document de-duplication for this endpoint, so an <see cref="RequestOptions.IdempotencyKey"/> is refused, none is minted, and the
    /// call is not retried after an ambiguous failure (a 5xx, a reset after sending, a timeout): the error says the server may have acted.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, the niche is empty or too long, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<WarmingEnrollment> EnrollAsync(string rentalId, string? niche, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        RentalArguments.RequireNiche(niche, nameof(niche));
        return _connection.SendWithRawAsync(
            new ApiRequest(AttentionFactoryEndpoints.EnrollWarming)
                .WithPath("id", rentalId)
                .WithJsonBody(new EnrollWarmingRequest { Niche = niche }, FactoryJsonContext.Default.EnrollWarmingRequest),
            FactoryJsonContext.Default.WarmingEnrollment,
            requestOptions,
            cancellationToken);
    }

    /// <summary>Cancels the most recent warming enrolment if it is still queued (<c>DELETE /v1/rentals/{id}/warming</c>).</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Attention.Sdk.AttentionNotFoundException">404: no matching active enrolment.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">Any other failure.</exception>
    public virtual Task<WarmingEnrollment> CancelAsync(string rentalId, CancellationToken cancellationToken = default) =>
        CancelAsync(rentalId, null, cancellationToken);

    /// <summary>Cancels a queued warming enrolment with per-call options; otherwise as <see cref="CancelAsync(string, CancellationToken)"/>.</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<WarmingEnrollment> CancelAsync(string rentalId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendTolerantAsync(
            new ApiRequest(AttentionFactoryEndpoints.CancelWarming).WithPath("id", rentalId),
            FactoryJsonContext.Default.WarmingEnrollment,
            () => new WarmingEnrollment { RentalId = rentalId },
            requestOptions,
            cancellationToken);
}

/// <summary>The body of <c>POST /v1/rentals/{id}/warming</c>.</summary>
internal sealed class EnrollWarmingRequest
{
    [JsonPropertyName("niche")]
    public string? Niche { get; init; }
}

/// <summary>A warming enrolment: the queued warming action on a rental.</summary>
public sealed class WarmingEnrollment : IRawJson
{
    /// <summary>The rental id.</summary>
    [JsonPropertyName("rental_id")]
    public string? RentalId { get; init; }

    /// <summary>The warming action's id.</summary>
    [JsonPropertyName("action_id")]
    public string? ActionId { get; init; }

    /// <summary>The warming action's status (<c>queued</c> on enrolment).</summary>
    [JsonPropertyName("status")]
    public ActionStatus? Status { get; init; }

    /// <summary>Fields the SDK does not model, kept as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The whole response body as the server sent it (undefined when there was none).</summary>
    [JsonIgnore]
    public JsonElement RawJson { get; private set; }

    void IRawJson.AttachRawJson(JsonElement raw) => RawJson = raw;
}
