using Attentium.Payments;

// Usage: Attentium.LedgerProbe <ledger-file> [campaign-id]
// Opens the ledger and answers on stdout: "locked" (exit 3) when another process holds it, otherwise "opened", then records
// the campaign when one is given ("recorded"), and holds the ledger open until stdin closes or sends a line.
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: Attentium.LedgerProbe <ledger-file> [campaign-id]");
    return 2;
}

FilePaymentLedger ledger;
try
{
    ledger = new FilePaymentLedger(args[0]);
}
catch (PaymentLedgerLockedException)
{
    Console.WriteLine("locked");
    return 3;
}

using (ledger)
{
    Console.WriteLine("opened");
    if (args.Length == 2)
    {
        var record = new PaymentRecord(args[1], "sig-" + args[1], "probe-agent", 1m, null, null, DateTimeOffset.UnixEpoch);
        Console.WriteLine(await ledger.TryRecordAsync(record) ? "recorded" : "already-recorded");
    }

    Console.Out.Flush();
    _ = Console.In.ReadLine();
}

return 0;
