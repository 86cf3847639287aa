namespace Attentium.Payments;

/// <summary>
/// The step before signing a campaign's payment: take the ledger's reservation, or wait for the holder's record. Only the
/// holder signs, so of any number of callers or processes sharing a ledger one signs and sends; the others confirm its record.
/// </summary>
internal static class PaymentReservations
{
    /// <summary>
    /// How long a reservation holds without a record. Long enough for inspection, simulation and signing on a slow RPC node;
    /// a holder that died (or gave up without releasing) delays the others by at most this.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    // The ledger is asked again this often while another caller holds the reservation (real time, as the lease is).
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Null when <paramref name="owner"/> now holds the reservation (and may sign); otherwise the recorded payment to confirm.
    /// Waits, under <paramref name="cancellationToken"/>, while another holder's lease is live.
    /// </summary>
    public static async Task<PaymentRecord?> ReserveOrAwaitRecordAsync(IPaymentLedger ledger, string campaignId, string owner, CancellationToken cancellationToken)
    {
        while (true)
        {
            var reservation = await ledger.TryReserveAsync(campaignId, owner, Lease, cancellationToken).ConfigureAwait(false);
            if (reservation == PaymentReservation.Reserved)
            {
                return null;
            }

            if (await ledger.FindAsync(campaignId, cancellationToken).ConfigureAwait(false) is { } recorded)
            {
                return recorded;
            }

            await Task.Delay(s_pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Gives the reservation back after a failure before the record (best effort: the lease ends it anyway).</summary>
    public static async Task ReleaseAsync(IPaymentLedger ledger, string campaignId, string owner)
    {
        try
        {
            await ledger.ReleaseReservationAsync(campaignId, owner, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The original failure is what the caller must see; a lost release only costs the others the lease.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
