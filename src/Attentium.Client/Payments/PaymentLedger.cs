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

    /// <inheritdoc />
    public ValueTask<PaymentRecord?> FindAsync(string campaignId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_records.TryGetValue(campaignId, out var record) ? record : null);

    /// <inheritdoc />
    public ValueTask<bool> TryRecordAsync(PaymentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ValueTask.FromResult(_records.TryAdd(record.CampaignId, record));
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
