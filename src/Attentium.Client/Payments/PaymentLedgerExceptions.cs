namespace Attentium.Payments;

/// <summary>
/// A <see cref="FilePaymentLedger"/> file is already open, in this process or another one. Two writers could each record the same
/// campaign as unpaid and pay it twice, so the second open is refused: stop the other process, or give each process its own file.
/// </summary>
public sealed class PaymentLedgerLockedException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The ledger file.</param>
    /// <param name="innerException">The operating system's refusal, when there was one.</param>
    public PaymentLedgerLockedException(string path, Exception? innerException)
        : base($"The payment ledger '{path}' is already open in another process (or elsewhere in this one); one writer at a time may use it.", innerException)
    {
        Path = path;
    }

    /// <summary>The ledger file.</summary>
    public string Path { get; }
}

/// <summary>
/// A <see cref="FilePaymentLedger"/> file holds a complete line (ended by its newline) that is not a ledger record. A crash can only
/// cut off the last line, which the ledger repairs on open; anything else means the file was damaged or edited, and skipping the
/// line could forget a payment, so the ledger refuses to open. Inspect the file (the line number is given) and repair or restore it.
/// </summary>
public sealed class PaymentLedgerCorruptException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The ledger file.</param>
    /// <param name="lineNumber">The 1-based number of the unreadable line.</param>
    /// <param name="innerException">The parse error, when there was one.</param>
    public PaymentLedgerCorruptException(string path, int lineNumber, Exception? innerException)
        : base($"The payment ledger '{path}' is damaged: line {lineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)} is complete but is not a ledger record. It was not skipped, because that could forget a payment.", innerException)
    {
        Path = path;
        LineNumber = lineNumber;
    }

    /// <summary>The ledger file.</summary>
    public string Path { get; }

    /// <summary>The 1-based number of the unreadable line.</summary>
    public int LineNumber { get; }
}
