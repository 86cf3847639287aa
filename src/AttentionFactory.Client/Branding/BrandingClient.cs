using Attention.Sdk.Http;

namespace AttentionFactory.Branding;

/// <summary>Brand a rented account: bio, display name, avatar, banner, username (and platform-specific fields) in one batch.</summary>
public class BrandingClient
{
    private readonly FactoryConnection _connection = null!;

    internal BrandingClient(FactoryConnection connection) => _connection = connection;

    /// <summary>For mocking.</summary>
    protected BrandingClient()
    {
    }

    /// <summary>
    /// Applies branding (<c>POST /v1/rentals/{id}/branding</c>). On an active rental the server queues one action per field
    /// (<see cref="BrandingMode.Applied"/>); on a warming rental it stores the batch as the preset, replacing any earlier one
    /// (<see cref="BrandingMode.PresetStored"/>). Only set fields are sent. The API does not document de-duplication for this endpoint,
    /// so no <c>Idempotency-Key</c> is sent and the call is not retried after an ambiguous failure (a 5xx, a reset after sending, a
    /// timeout): the error says the server may have acted.
    /// </summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="branding">At least one field.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty or no field is set (nothing was sent).</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<BrandingResult> ApplyAsync(string rentalId, BrandingFields branding, CancellationToken cancellationToken = default) =>
        ApplyAsync(rentalId, branding, null, cancellationToken);

    /// <summary>Applies branding with per-call options; otherwise as <see cref="ApplyAsync(string, BrandingFields, CancellationToken)"/>.</summary>
    /// <param name="rentalId">The rental id.</param>
    /// <param name="branding">At least one field.</param>
    /// <param name="requestOptions">
    /// Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call. The API does not
    /// document de-duplication for this endpoint, so an <see cref="RequestOptions.IdempotencyKey"/> is refused, none is minted, and the
    /// call is not retried after an ambiguous failure (a 5xx, a reset after sending, a timeout): the error says the server may have acted.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, no field is set, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<BrandingResult> ApplyAsync(string rentalId, BrandingFields branding, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(branding);
        if (branding.IsEmpty)
        {
            throw new ArgumentException("The branding request has no fields set: set at least one (bio, display_name, avatar_url, banner_url, username or a platform field).", nameof(branding));
        }

        return _connection.SendAsync(
            new ApiRequest(AttentionFactoryEndpoints.ApplyBranding)
                .WithPath("id", rentalId)
                .WithJsonBody(branding, FactoryJsonContext.Default.BrandingFields),
            FactoryJsonContext.Default.BrandingResult,
            requestOptions,
            cancellationToken);
    }
}
