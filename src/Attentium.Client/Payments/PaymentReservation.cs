namespace Attentium.Payments;

/// <summary>The answer of <see cref="IPaymentLedger.TryReserveAsync"/>: whether this caller may sign the campaign's payment.</summary>
public enum PaymentReservation
{
    /// <summary>The campaign is reserved for this caller until its lease ends: it alone signs, records and sends the payment.</summary>
    Reserved,

    /// <summary>The campaign already has a recorded payment: confirm that one (<see cref="IPaymentLedger.FindAsync"/>), sign nothing.</summary>
    AlreadyRecorded,

    /// <summary>Another caller holds a live reservation: wait for its record (or for its lease to end), sign nothing meanwhile.</summary>
    ReservedByOther,
}
