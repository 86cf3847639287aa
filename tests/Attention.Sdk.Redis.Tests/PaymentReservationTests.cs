using System.Diagnostics;
using System.Globalization;
using Attention.Sandbox;
using Attention.Sdk.Redis.Racer;
using Attention.Sdk.Redis.Tests.Support;
using Attentium;
using Attentium.Campaigns;
using Attentium.Payments;
using Attentium.Solana;

namespace Attention.Sdk.Redis.Tests;

/// <summary>The reservation before signing, in Redis and across OS processes paying one campaign on the Attentium sandbox.</summary>
public sealed class PaymentReservationTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly CreateCampaignRequest s_request = new()
    {
        Duration = 30,
        Quantity = 5,
        BidPerSecond = 0.05m,
        ValidationQuestion = "Is this a cat?",
        ContentUrl = "https://example.com/image.png",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Of_eight_connections_reserving_one_campaign_exactly_one_holds_it()
    {
        var prefix = RedisFixture.NewPrefix();
        var connections = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => redis.Server.ConnectAsync()));
        try
        {
            var answers = await Task.WhenAll(connections.Select((c, i) =>
                new RedisPaymentLedger(c, new RedisPaymentLedgerOptions { KeyPrefix = prefix }).TryReserveAsync("cmp_one", "owner-" + i, TimeSpan.FromMinutes(1), Ct).AsTask()));

            Assert.Single(answers, a => a == PaymentReservation.Reserved);
            Assert.Equal(7, answers.Count(a => a == PaymentReservation.ReservedByOther));
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_reservation_whose_holder_went_away_is_taken_over_after_its_lease()
    {
        var ledger = new RedisPaymentLedger(redis.Connection, new RedisPaymentLedgerOptions { KeyPrefix = RedisFixture.NewPrefix() });
        Assert.Equal(PaymentReservation.Reserved, await ledger.TryReserveAsync("cmp_lease", "dead", TimeSpan.FromMilliseconds(300), Ct));
        Assert.Equal(PaymentReservation.ReservedByOther, await ledger.TryReserveAsync("cmp_lease", "alive", TimeSpan.FromMinutes(1), Ct));

        var taken = PaymentReservation.ReservedByOther;
        for (var i = 0; i < 100 && taken != PaymentReservation.Reserved; i++)
        {
            await Task.Delay(50, Ct);
            taken = await ledger.TryReserveAsync("cmp_lease", "alive", TimeSpan.FromMinutes(1), Ct);
        }

        Assert.Equal(PaymentReservation.Reserved, taken);
    }

    [Fact]
    public async Task A_released_reservation_is_free_at_once_and_a_recorded_campaign_is_never_reserved()
    {
        var ledger = new RedisPaymentLedger(redis.Connection, new RedisPaymentLedgerOptions { KeyPrefix = RedisFixture.NewPrefix() });
        await ledger.TryReserveAsync("cmp_release", "first", TimeSpan.FromMinutes(1), Ct);
        await ledger.ReleaseReservationAsync("cmp_release", "second", Ct); // not the holder: nothing happens
        Assert.Equal(PaymentReservation.ReservedByOther, await ledger.TryReserveAsync("cmp_release", "second", TimeSpan.FromMinutes(1), Ct));

        await ledger.ReleaseReservationAsync("cmp_release", "first", Ct);
        Assert.Equal(PaymentReservation.Reserved, await ledger.TryReserveAsync("cmp_release", "second", TimeSpan.FromMinutes(1), Ct));

        Assert.True(await ledger.TryRecordAsync(new PaymentRecord("cmp_release", "sig", "agent", 1m, null, null, DateTimeOffset.UtcNow), Ct));
        Assert.Equal(PaymentReservation.AlreadyRecorded, await ledger.TryReserveAsync("cmp_release", "third", TimeSpan.FromMinutes(1), Ct));
    }

    [Fact]
    public async Task Eight_processes_paying_one_campaign_sign_once_and_send_one_transaction()
    {
        await using var sandbox = await AttentionSandbox.StartAsync(new AttentionSandboxOptions(), Ct);
        var (agent, invoice, settings) = await InvoiceAsync(sandbox);
        var prefix = RedisFixture.NewPrefix();

        var outputs = await Racers.RunAsync(8, _ => ["pay", redis.Server.Configuration, prefix, settings], Ct);

        Assert.Equal(1, outputs.Sum(o => Signed(o)));
        var paid = outputs.Select(Paid).ToList();
        Assert.Single(paid.Select(p => p.Signature).Distinct());
        Assert.Single(paid, p => !p.Resumed);
        Assert.Equal(1, sandbox.CountTransactionsWithMemo(invoice.CampaignId));
        Assert.Equal(100m - invoice.Amount, sandbox.GetUsdcBalance(agent.PublicKey));
    }

    [Fact]
    public async Task A_process_killed_after_recording_and_before_sending_is_resumed_by_another_that_pays_once()
    {
        await using var sandbox = await AttentionSandbox.StartAsync(new AttentionSandboxOptions(), Ct);
        var (agent, invoice, settings) = await InvoiceAsync(sandbox);
        var prefix = RedisFixture.NewPrefix();
        using (var doomed = StartRacer(["pay", redis.Server.Configuration, prefix, settings, "hang-after-record"]))
        {
            Assert.Equal("ready", await doomed.StandardOutput.ReadLineAsync(Ct));
            await doomed.StandardInput.WriteLineAsync("go");
            await doomed.StandardInput.FlushAsync(Ct);
            Assert.Equal("recorded", await doomed.StandardOutput.ReadLineAsync(Ct).AsTask().WaitAsync(TimeSpan.FromMinutes(1), Ct));

            doomed.Kill(); // SIGKILL: no finally block, no flush, as a crash
            await doomed.WaitForExitAsync(Ct);
        }

        Assert.Equal(0, sandbox.CountTransactionsWithMemo(invoice.CampaignId));
        var output = Assert.Single(await Racers.RunAsync(1, _ => ["pay", redis.Server.Configuration, prefix, settings], Ct));

        Assert.Equal(0, Signed(output));
        Assert.True(Paid(output).Resumed);
        Assert.Equal(1, sandbox.CountTransactionsWithMemo(invoice.CampaignId));
        Assert.Equal(100m - invoice.Amount, sandbox.GetUsdcBalance(agent.PublicKey));
    }

    /// <summary>A funded agent, the sandbox's invoice for a new campaign, and the settings file the racers read.</summary>
    private static async Task<(Keypair Agent, PaymentInvoice Invoice, string Settings)> InvoiceAsync(AttentionSandbox sandbox)
    {
        var agent = Keypair.Generate();
        sandbox.FundSolanaWallet(agent.PublicKey, sol: 1m, usdc: 100m);
        var options = sandbox.CreateAttentiumOptions();
        using var client = new AttentiumClient(options);
        var invoice = (await client.Campaigns.RequestInvoiceAsync(s_request, agent.PublicKey, Ct)).Invoice!;
        var settings = Path.Combine(Path.GetTempPath(), "racer-" + Guid.NewGuid().ToString("N") + ".txt");
        PaySettings.Write(settings, options, agent, invoice);
        return (agent, invoice, settings);
    }

    private static Process StartRacer(string[] arguments)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Attention.Sdk.Redis.Racer.dll"));
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        return Process.Start(psi) ?? throw new InvalidOperationException("the racer did not start");
    }

    private static int Signed(string output) =>
        int.Parse(output.Split('\n').Single(l => l.StartsWith("signed ", StringComparison.Ordinal))["signed ".Length..].Trim(), CultureInfo.InvariantCulture);

    private static (string Signature, bool Resumed) Paid(string output)
    {
        var parts = output.Split('\n').Single(l => l.StartsWith("paid ", StringComparison.Ordinal)).Trim().Split(' ');
        return (parts[1], bool.Parse(parts[2]));
    }
}
