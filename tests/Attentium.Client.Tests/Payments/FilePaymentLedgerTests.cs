using Attentium.Payments;

namespace Attentium.Client.Tests.Payments;

public sealed class FilePaymentLedgerTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"attentium-ledger-{Guid.NewGuid():N}.jsonl");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PaymentRecord Record(string campaignId) =>
        new(campaignId, "5sig" + campaignId, "Agent111", 7.5m, "AQID", 1234, DateTimeOffset.Parse("2026-11-22T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task Payment_recorded_before_a_crash_is_found_by_the_next_process()
    {
        using (var first = new FilePaymentLedger(_path))
        {
            Assert.True(await first.TryRecordAsync(Record("c1"), Ct));
        }

        using var second = new FilePaymentLedger(_path);
        var found = await second.FindAsync("c1", Ct);

        Assert.Equal(Record("c1"), found);
        Assert.False(await second.TryRecordAsync(Record("c1") with { Signature = "other" }, Ct));
    }

    [Fact]
    public async Task Submitted_mark_survives_a_restart()
    {
        using (var first = new FilePaymentLedger(_path))
        {
            await first.TryRecordAsync(Record("c2"), Ct);
            await first.MarkSubmittedAsync("c2", Ct);
        }

        using var second = new FilePaymentLedger(_path);

        Assert.True((await second.FindAsync("c2", Ct))!.Submitted);
    }

    [Fact]
    public async Task Line_cut_off_by_a_crash_is_ignored_and_earlier_payments_kept()
    {
        using (var first = new FilePaymentLedger(_path))
        {
            await first.TryRecordAsync(Record("c3"), Ct);
        }

        await File.AppendAllTextAsync(_path, "{\"recorded\":{\"CampaignId\":\"c4\",\"Sig", Ct);
        using var second = new FilePaymentLedger(_path);

        Assert.NotNull(await second.FindAsync("c3", Ct));
        Assert.Null(await second.FindAsync("c4", Ct));
    }

    [Fact]
    public void Second_process_cannot_open_the_same_ledger_for_writing()
    {
        using var first = new FilePaymentLedger(_path);

        Assert.Throws<IOException>(() => new FilePaymentLedger(_path));
    }
}
