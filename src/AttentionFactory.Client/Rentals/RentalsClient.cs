using Attention.Sdk;
using Attention.Sdk.Http;
using Attention.Sdk.Polling;

namespace AttentionFactory.Rentals;

/// <summary>Rent accounts and manage rentals: create, list, get, update auto-renew, release or cancel, extend, renew, and wait for activation.</summary>
public class RentalsClient
{
    private readonly FactoryConnection _connection = null!;

    internal RentalsClient(FactoryConnection connection) => _connection = connection;

    /// <summary>For mocking.</summary>
    protected RentalsClient()
    {
    }

    /// <summary>
    /// Creates a rental (<c>POST /v1/rentals</c>, 202 Accepted). Credits are charged upfront; the rental may be active at once or
    /// <see cref="RentalStatus.Warming"/> while the account is prepared (see <see cref="WaitForRentalActiveAsync"/>).
    /// </summary>
    /// <param name="request">Platform, months (1 to 12), auto-renew, optional warming niche and branding preset.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The request is invalid (nothing was sent).</exception>
    /// <exception cref="InsufficientCreditsException">402: the balance does not cover the rental.</exception>
    /// <exception cref="AttentionBadRequestException">400: for example an unknown warming niche.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<Rental> CreateAsync(CreateRentalRequest request, CancellationToken cancellationToken = default) =>
        CreateAsync(request, null, cancellationToken);

    /// <summary>Creates a rental with per-call options; otherwise as <see cref="CreateAsync(CreateRentalRequest, CancellationToken)"/>.</summary>
    /// <param name="request">Platform, months (1 to 12), auto-renew, optional warming niche and branding preset.</param>
    /// <param name="requestOptions">
    /// <see cref="RequestOptions.IdempotencyKey"/> is sent as <c>Idempotency-Key</c>: the same key never creates (or charges) twice (when
    /// null the SDK mints one per call, reused by its retries); extra headers; after the call, <see cref="RequestOptions.Response"/>.
    /// Null: the plain call.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The request is invalid (nothing was sent).</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<Rental> CreateAsync(CreateRentalRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return _connection.SendAsync(
            new ApiRequest(AttentionFactoryEndpoints.CreateRental).WithJsonBody(request, FactoryJsonContext.Default.CreateRentalRequest),
            FactoryJsonContext.Default.Rental,
            requestOptions,
            cancellationToken);
    }

    /// <summary>Lists your rentals (<c>GET /v1/rentals</c>), optionally only those in one status. List items carry no <see cref="Rental.Profile"/>.</summary>
    /// <param name="status">Only rentals in this status (<c>?status=</c>); null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<ApiList<Rental>> ListAsync(RentalStatus? status = null, CancellationToken cancellationToken = default) =>
        ListAsync(status, null, cancellationToken);

    /// <summary>Lists your rentals with per-call options; otherwise as <see cref="ListAsync(RentalStatus?, CancellationToken)"/>.</summary>
    /// <param name="status">Only rentals in this status (<c>?status=</c>); null for all.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (this endpoint does not honour one): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<ApiList<Rental>> ListAsync(RentalStatus? status, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendListAsync(
            new ApiRequest(AttentionFactoryEndpoints.ListRentals).WithQuery("status", status?.Value),
            FactoryJsonContext.Default.Rental,
            "rentals",
            requestOptions,
            cancellationToken);

    /// <summary>Gets a rental with its live profile when active (<c>GET /v1/rentals/{id}</c>).</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is null or empty.</exception>
    /// <exception cref="AttentionNotFoundException">404: no such rental on your account.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<Rental> GetAsync(string rentalId, CancellationToken cancellationToken = default) =>
        GetAsync(rentalId, null, cancellationToken);

    /// <summary>Gets a rental with per-call options; otherwise as <see cref="GetAsync(string, CancellationToken)"/>.</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is null or empty, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<Rental> GetAsync(string rentalId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(
            new ApiRequest(AttentionFactoryEndpoints.GetRental).WithPath("id", rentalId),
            FactoryJsonContext.Default.Rental,
            requestOptions,
            cancellationToken);

    /// <summary>Updates mutable rental fields (<c>PATCH /v1/rentals/{id}</c>) and returns the updated rental. Only set fields are sent.</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="request">The fields to change (today only <c>auto_renew</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty or nothing is set.</exception>
    /// <exception cref="AttentionConflictException">409: the rental window has closed.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<Rental> UpdateAsync(string rentalId, UpdateRentalRequest request, CancellationToken cancellationToken = default) =>
        UpdateAsync(rentalId, request, null, cancellationToken);

    /// <summary>Updates mutable rental fields with per-call options; otherwise as <see cref="UpdateAsync(string, UpdateRentalRequest, CancellationToken)"/>.</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="request">The fields to change (today only <c>auto_renew</c>).</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, nothing is set, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<Rental> UpdateAsync(string rentalId, UpdateRentalRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return _connection.SendAsync(
            new ApiRequest(AttentionFactoryEndpoints.UpdateRental).WithPath("id", rentalId).WithJsonBody(request, FactoryJsonContext.Default.UpdateRentalRequest),
            FactoryJsonContext.Default.Rental,
            requestOptions,
            cancellationToken);
    }

    /// <summary>Turns auto-renew on or off (<c>PATCH /v1/rentals/{id}</c> with <c>{"auto_renew": ...}</c>).</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="autoRenew">The new setting.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<Rental> SetAutoRenewAsync(string rentalId, bool autoRenew, CancellationToken cancellationToken = default) =>
        SetAutoRenewAsync(rentalId, autoRenew, null, cancellationToken);

    /// <summary>Turns auto-renew on or off with per-call options; otherwise as <see cref="SetAutoRenewAsync(string, bool, CancellationToken)"/>.</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="autoRenew">The new setting.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<Rental> SetAutoRenewAsync(string rentalId, bool autoRenew, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        UpdateAsync(rentalId, new UpdateRentalRequest { AutoRenew = autoRenew }, requestOptions, cancellationToken);

    /// <summary>
    /// Releases an active rental early (no refund) or cancels a still-warming one (credits refunded): <c>DELETE /v1/rentals/{id}</c>.
    /// </summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionConflictException">409: the rental has already ended.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<RentalDeletion> DeleteAsync(string rentalId, CancellationToken cancellationToken = default) =>
        DeleteAsync(rentalId, null, cancellationToken);

    /// <summary>Releases or cancels a rental with per-call options; otherwise as <see cref="DeleteAsync(string, CancellationToken)"/>.</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (this endpoint does not honour one): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<RentalDeletion> DeleteAsync(string rentalId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendTolerantAsync(
            new ApiRequest(AttentionFactoryEndpoints.DeleteRental).WithPath("id", rentalId),
            FactoryJsonContext.Default.RentalDeletion,
            () => new RentalDeletion { Id = rentalId },
            requestOptions,
            cancellationToken);

    /// <summary>Extends an active rental by whole months (<c>POST /v1/rentals/{id}/extend</c>), charging credits for them.</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="months">Whole months, 1 to 12.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">Invalid id or months (nothing was sent).</exception>
    /// <exception cref="InsufficientCreditsException">402: the balance does not cover the months.</exception>
    /// <exception cref="AttentionConflictException">409: for example extending an expired rental.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<Rental> ExtendAsync(string rentalId, int months, CancellationToken cancellationToken = default) =>
        ExtendAsync(rentalId, months, null, cancellationToken);

    /// <summary>Extends an active rental with per-call options; otherwise as <see cref="ExtendAsync(string, int, CancellationToken)"/>.</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="months">Whole months, 1 to 12.</param>
    /// <param name="requestOptions">
    /// Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call. The API does not
    /// document de-duplication for this endpoint, so an <see cref="RequestOptions.IdempotencyKey"/> is refused, none is minted, and the
    /// call is not retried after an ambiguous failure (a 5xx, a reset after sending, a timeout): the error says the server may have acted.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">Invalid id or months, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<Rental> ExtendAsync(string rentalId, int months, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        SendMonthsAsync(AttentionFactoryEndpoints.ExtendRental, rentalId, months, requestOptions, cancellationToken);

    /// <summary>Renews an active or recently expired rental on the same account (<c>POST /v1/rentals/{id}/renew</c>).</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="months">Whole months, 1 to 12.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">Invalid id or months (nothing was sent).</exception>
    /// <exception cref="InsufficientCreditsException">402: the balance does not cover the months.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<Rental> RenewAsync(string rentalId, int months, CancellationToken cancellationToken = default) =>
        RenewAsync(rentalId, months, null, cancellationToken);

    /// <summary>Renews a rental with per-call options; otherwise as <see cref="RenewAsync(string, int, CancellationToken)"/>.</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="months">Whole months, 1 to 12.</param>
    /// <param name="requestOptions">
    /// Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call. The API does not
    /// document de-duplication for this endpoint, so an <see cref="RequestOptions.IdempotencyKey"/> is refused, none is minted, and the
    /// call is not retried after an ambiguous failure (a 5xx, a reset after sending, a timeout): the error says the server may have acted.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">Invalid id or months, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<Rental> RenewAsync(string rentalId, int months, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        SendMonthsAsync(AttentionFactoryEndpoints.RenewRental, rentalId, months, requestOptions, cancellationToken);

    /// <summary>
    /// Polls <c>GET /v1/rentals/{id}</c> until the rental is <see cref="RentalStatus.Active"/> with an anonymized id, and returns it
    /// (with its live profile when the platform supplies one).
    /// </summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="polling">Interval, back-off and overall timeout; default <see cref="AttentionFactoryClientOptions.RentalActivationPolling"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="RentalTerminatedException">The rental was refunded, cancelled, expired or released instead.</exception>
    /// <exception cref="PollingTimeoutException">It did not become active within the timeout.</exception>
    /// <exception cref="AttentionException">A poll failed (rate limits and 503 are waited out).</exception>
    public virtual Task<Rental> WaitForRentalActiveAsync(string rentalId, PollingOptions? polling = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rentalId);
        return Poller.PollUntilAsync(
            ct => GetAsync(rentalId, ct),
            rental =>
            {
                if (rental.Status.IsTerminal)
                {
                    throw new RentalTerminatedException(rental);
                }

                return rental.Status == RentalStatus.Active && rental.AnonymizedId is not null;
            },
            polling ?? _connection.Options.RentalActivationPolling,
            _connection.TimeProvider,
            $"rental {rentalId} to become active",
            cancellationToken);
    }

    private Task<Rental> SendMonthsAsync(ApiEndpoint endpoint, string rentalId, int months, RequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        RentalArguments.RequireMonths(months, nameof(months));
        return _connection.SendAsync(
            new ApiRequest(endpoint)
                .WithPath("id", rentalId)
                .WithJsonBody(new RentalMonthsRequest { Months = months }, FactoryJsonContext.Default.RentalMonthsRequest),
            FactoryJsonContext.Default.Rental,
            requestOptions,
            cancellationToken);
    }
}
