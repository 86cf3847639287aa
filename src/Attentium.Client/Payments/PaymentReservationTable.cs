namespace Attentium.Payments;

/// <summary>
/// Reservations of one process's ledger (in-memory and file ledgers): campaign → holder and lease end. Reservations need not
/// survive a restart: nothing is sent before the record, so a holder that died leaves nothing to resume.
/// </summary>
internal sealed class PaymentReservationTable
{
    private readonly Dictionary<string, (string Owner, long ExpiresAt)> _held = new(StringComparer.Ordinal);

    /// <summary>Reserves <paramref name="campaignId"/> for <paramref name="owner"/> unless recorded or held by another live lease.</summary>
    public PaymentReservation TryReserve(string campaignId, string owner, TimeSpan lease, bool recorded)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        lock (_held)
        {
            if (recorded)
            {
                _held.Remove(campaignId);
                return PaymentReservation.AlreadyRecorded;
            }

            var now = Environment.TickCount64;
            if (_held.TryGetValue(campaignId, out var holder) && holder.ExpiresAt > now && !string.Equals(holder.Owner, owner, StringComparison.Ordinal))
            {
                return PaymentReservation.ReservedByOther;
            }

            _held[campaignId] = (owner, now + (long)Math.Ceiling(lease.TotalMilliseconds));
            return PaymentReservation.Reserved;
        }
    }

    /// <summary>Drops the reservation when <paramref name="owner"/> holds it (or when <paramref name="owner"/> is null: recorded).</summary>
    public void Release(string campaignId, string? owner)
    {
        lock (_held)
        {
            if (_held.TryGetValue(campaignId, out var holder) && (owner is null || string.Equals(holder.Owner, owner, StringComparison.Ordinal)))
            {
                _held.Remove(campaignId);
            }
        }
    }
}
