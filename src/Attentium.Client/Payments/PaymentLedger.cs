using System.Collections.Concurrent;

namespace Attentium.Payments;

/// <summary>
/// Where the client writes down a campaign's payment BEFORE sending it, so the same campaign is never paid twice and a payment
/// that landed can be submitted again after a crash (<see cref="Campaigns.CampaignsClient"/>'s resume). The default is in memory
/// (<see cref="InMemoryPaymentLedger"/>); implement this over a database or file to survive restarts. Implementations must be thread-safe.
/// </summary>
public interface IPaymentLedger
{
    /// <summary>The payment recorded for <paramref name="campaignId"/>, or <see langword="null"/>.</summary>
    ValueTask<PaymentRecord?> FindAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a payment about to be sent. Returns <see langword="false"/> (and records nothing) when the campaign already has one:
    /// the caller must then resume that payment instead of signing another.
    /// </summary>
    ValueTask<bool> TryRecordAsync(PaymentRecord record, CancellationToken cancellationToken = default);

    /// <summary>Marks the campaign's payment as accepted by the server (its keys were returned); does nothing when none is recorded.</summary>
    ValueTask MarkSubmittedAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reserves <paramref name="campaignId"/> for <paramref name="owner"/> before anything is signed, atomically with the check for a
    /// record: of any number of callers (or processes, for a shared ledger) paying the same campaign, one gets
    /// <see cref="PaymentReservation.Reserved"/> and alone signs; the others wait for its record and confirm it. A reservation
    /// whose holder died ends after <paramref name="lease"/> and may then be taken over (safe: nothing is sent before the record).
    /// The holder calling again renews it. The default implementation, for ledgers written before reservations existed, reserves
    /// whenever no record exists (every caller may then sign; <see cref="TryRecordAsync"/> still lets only one send).
    /// </summary>
    /// <param name="campaignId">The campaign.</param>
    /// <param name="owner">The caller's own identifier (unique per payment attempt).</param>
    /// <param name="lease">How long the reservation holds without a record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    async ValueTask<PaymentReservation> TryReserveAsync(string campaignId, string owner, TimeSpan lease, CancellationToken cancellationToken = default) =>
        await FindAsync(campaignId, cancellationToken).ConfigureAwait(false) is null ? PaymentReservation.Reserved : PaymentReservation.AlreadyRecorded;

    /// <summary>
    /// Gives up <paramref name="owner"/>'s reservation of <paramref name="campaignId"/> without a record (the payment was refused
    /// before sending), so another caller need not wait for the lease to end. Does nothing when another holds it.
    /// </summary>
    /// <param name="campaignId">The campaign.</param>
    /// <param name="owner">The identifier given to <see cref="TryReserveAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask ReleaseReservationAsync(string campaignId, string owner, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}

/// <summary>A payment written down before it was sent.</summary>
/// <param name="CampaignId">The campaign the payment is for.</param>
/// <param name="Signature">The transaction signature (known before sending: it is the fee payer's signature).</param>
/// <param name="Agent">The paying wallet.</param>
/// <param name="Amount">The invoiced amount in USDC.</param>
/// <param name="SignedTransaction">The signed transaction (base64), so a resume can re-send the identical bytes.</param>
/// <param name="LastValidBlockHeight">The last block height at which the transaction can land, when known.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record PaymentRecord(string CampaignId, string Signature, string Agent, decimal Amount, string? SignedTransaction, ulong? LastValidBlockHeight, DateTimeOffset RecordedAt)
{
    /// <summary>Whether the server accepted the payment.</summary>
    public bool Submitted { get; init; }
}

/// <summary>The default <see cref="IPaymentLedger"/>: a thread-safe dictionary that lives as long as the client.</summary>
public sealed class InMemoryPaymentLedger : IPaymentLedger
{
    private readonly ConcurrentDictionary<string, PaymentRecord> _records = new(StringComparer.Ordinal);
    private readonly PaymentReservationTable _reservations = new();

    /// <inheritdoc />
    public ValueTask<PaymentRecord?> FindAsync(string campaignId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_records.TryGetValue(campaignId, out var record) ? record : null);

    /// <inheritdoc />
    public ValueTask<bool> TryRecordAsync(PaymentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var recorded = _records.TryAdd(record.CampaignId, record);
        _reservations.Release(record.CampaignId, owner: null);
        return ValueTask.FromResult(recorded);
    }

    /// <inheritdoc />
    public ValueTask<PaymentReservation> TryReserveAsync(string campaignId, string owner, TimeSpan lease, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_reservations.TryReserve(campaignId, owner, lease, recorded: _records.ContainsKey(campaignId)));

    /// <inheritdoc />
    public ValueTask ReleaseReservationAsync(string campaignId, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        _reservations.Release(campaignId, owner);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask MarkSubmittedAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        while (_records.TryGetValue(campaignId, out var record) && !record.Submitted && !_records.TryUpdate(campaignId, record with { Submitted = true }, record))
        {
        }

        return ValueTask.CompletedTask;
    }
}
