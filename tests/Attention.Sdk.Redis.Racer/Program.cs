// Usage (all modes connect, print "ready", wait for one line on stdin, then race):
//   ratelimit <redis> <prefix> <api> <keyHash> <limit> <windowMs> <count>   takes <count> permits concurrently; prints "acquired <n>"
//   ledger <redis> <prefix> <campaign> <racer>                                 records a payment signed "sig-<racer>"; prints "won" or "lost", then "recorded <signature>"
//   pay <redis> <prefix> <settings-file> [hang-after-record]                    pays the invoice in the settings file through AttentiumClient with a
//                                                                                Redis ledger; prints "signed <n>" and "paid <signature> <resumed>"
//                                                                                (with hang-after-record: prints "recorded" once its record is written, then hangs)
using System.Globalization;
using Attention.Sdk.RateLimiting;
using Attention.Sdk.Redis;
using Attention.Sdk.Redis.Racer;
using Attentium;
using Attentium.Payments;
using Attentium.Solana;
using StackExchange.Redis;

var mode = args[0];
await using var redis = await ConnectionMultiplexer.ConnectAsync(args[1]);
Console.WriteLine("ready");
Console.Out.Flush();
_ = Console.ReadLine();

switch (mode)
{
    case "ratelimit":
    {
        var provider = new RedisClientRateLimiterProvider(redis, new RedisRateLimiterOptions { KeyPrefix = args[2] });
        var policy = new RateLimitPolicy { PermitLimit = int.Parse(args[5], CultureInfo.InvariantCulture), Window = TimeSpan.FromMilliseconds(int.Parse(args[6], CultureInfo.InvariantCulture)) };
        var partition = new ClientRateLimitPartition(args[3], args[4], policy);
        var leases = await Task.WhenAll(Enumerable.Range(0, int.Parse(args[7], CultureInfo.InvariantCulture))
            .Select(async _ => await provider.GetLimiter(partition).AcquireAsync(1)));
        Console.WriteLine($"acquired {leases.Count(l => l.IsAcquired)}");
        break;
    }

    case "ledger":
    {
        var ledger = new RedisPaymentLedger(redis, new RedisPaymentLedgerOptions { KeyPrefix = args[2] });
        var record = new PaymentRecord(args[3], "sig-" + args[4], "agent-" + args[4], 1.5m, "dHg=", 100, DateTimeOffset.UtcNow);
        Console.WriteLine(await ledger.TryRecordAsync(record) ? "won" : "lost");
        Console.WriteLine($"recorded {(await ledger.FindAsync(args[3]))?.Signature}");
        break;
    }

    case "pay":
    {
        var settings = PaySettings.Read(args[3]);
        var ledger = new RedisPaymentLedger(redis, new RedisPaymentLedgerOptions { KeyPrefix = args[2] });
        var agent = new CountingSigner(Keypair.FromSecretKey(Convert.FromBase64String(settings.AgentSecret)));
        using var client = new AttentiumClient(settings.Options(args.Length > 4 && args[4] == "hang-after-record" ? new HangAfterRecordLedger(ledger) : ledger));
        var payment = await client.Campaigns.PayInvoiceAsync(settings.Invoice, agent, settings.Invoice.Amount);
        Console.WriteLine($"signed {agent.Signatures}");
        Console.WriteLine($"paid {payment.Signature} {payment.Resumed}");
        break;
    }

    default:
        Console.Error.WriteLine($"unknown mode {mode}");
        return 2;
}

return 0;
