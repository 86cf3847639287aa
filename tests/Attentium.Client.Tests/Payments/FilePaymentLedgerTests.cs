using Attentium.Payments;

namespace Attentium.Client.Tests.Payments;

public sealed class FilePaymentLedgerTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"attentium-ledger-{Guid.NewGuid():N}.jsonl");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PaymentRecord Record(string campaignId) =>
        new(campaignId, "5sig" + campaignId, "Agent111", 7.5m, "AQID", 1234, DateTimeOffset.Parse("2026-11-22T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose() => File.Delete(_path);

    private async Task WriteLedgerAsync(params string[] campaignIds)
    {
        using var ledger = new FilePaymentLedger(_path);
        foreach (var id in campaignIds)
        {
            Assert.True(await ledger.TryRecordAsync(Record(id), Ct));
        }
    }

    [Fact]
    public async Task Payment_recorded_before_a_crash_is_found_by_the_next_process()
    {
        await WriteLedgerAsync("c1");

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
    public async Task Each_event_is_one_newline_terminated_json_line()
    {
        using (var ledger = new FilePaymentLedger(_path))
        {
            await ledger.TryRecordAsync(Record("c1"), Ct);
            await ledger.MarkSubmittedAsync("c1", Ct);
        }

        var lines = (await File.ReadAllTextAsync(_path, Ct)).Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("{\"recorded\":{\"CampaignId\":\"c1\"", lines[0], StringComparison.Ordinal);
        Assert.Equal("{\"submitted\":\"c1\"}", lines[1]);
        Assert.Equal(string.Empty, lines[2]);
    }

    [Fact]
    public async Task Record_cut_mid_line_by_a_crash_is_truncated_on_open_and_the_record_before_it_kept()
    {
        await WriteLedgerAsync("c1", "c2");
        var whole = await File.ReadAllBytesAsync(_path, Ct);
        var firstLineLength = Array.IndexOf(whole, (byte)'\n') + 1;
        await File.WriteAllBytesAsync(_path, whole[..(firstLineLength + ((whole.Length - firstLineLength) / 2))], Ct);

        using (var reopened = new FilePaymentLedger(_path))
        {
            Assert.Equal(Record("c1"), await reopened.FindAsync("c1", Ct));
            Assert.Null(await reopened.FindAsync("c2", Ct));
            Assert.True(await reopened.TryRecordAsync(Record("c3"), Ct));
        }

        Assert.Equal(whole[..firstLineLength], (await File.ReadAllBytesAsync(_path, Ct))[..firstLineLength]);

        using var again = new FilePaymentLedger(_path);
        Assert.NotNull(await again.FindAsync("c1", Ct));
        Assert.NotNull(await again.FindAsync("c3", Ct));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(-1)]
    public async Task Record_cut_at_any_byte_never_loses_an_earlier_record(int keep)
    {
        await WriteLedgerAsync("c1", "c2");
        var whole = await File.ReadAllBytesAsync(_path, Ct);
        var firstLineLength = Array.IndexOf(whole, (byte)'\n') + 1;
        var cut = keep > 0 ? firstLineLength + keep : whole.Length + keep; // -1: everything but the last newline
        await File.WriteAllBytesAsync(_path, whole[..cut], Ct);

        using var reopened = new FilePaymentLedger(_path);

        Assert.Equal(Record("c1"), await reopened.FindAsync("c1", Ct));
        Assert.Equal(keep < 0 ? Record("c2") : null, await reopened.FindAsync("c2", Ct));
    }

    [Fact]
    public async Task Whole_record_missing_only_its_newline_is_kept_and_completed()
    {
        await WriteLedgerAsync("c1");
        var whole = await File.ReadAllBytesAsync(_path, Ct);
        await File.WriteAllBytesAsync(_path, whole[..^1], Ct);

        using (var reopened = new FilePaymentLedger(_path))
        {
            Assert.Equal(Record("c1"), await reopened.FindAsync("c1", Ct));
        }

        Assert.Equal(whole, await File.ReadAllBytesAsync(_path, Ct));
    }

    [Fact]
    public async Task Damaged_complete_line_fails_the_open_instead_of_being_skipped()
    {
        await WriteLedgerAsync("c1", "c2");
        var lines = (await File.ReadAllTextAsync(_path, Ct)).Split('\n');
        await File.WriteAllTextAsync(_path, lines[0] + "\n{\"recorded\":{\"CampaignId\":\"c2\",\"Sig\n" + lines[1] + "\n", Ct);
        var before = await File.ReadAllBytesAsync(_path, Ct);

        var error = Assert.Throws<PaymentLedgerCorruptException>(() => new FilePaymentLedger(_path));

        Assert.Equal(2, error.LineNumber);
        Assert.Equal(before, await File.ReadAllBytesAsync(_path, Ct));
        await File.WriteAllTextAsync(_path, lines[0] + "\n", Ct);
        using var repaired = new FilePaymentLedger(_path); // the failed open let go of the file
        Assert.NotNull(await repaired.FindAsync("c1", Ct));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void New_ledger_file_is_readable_and_writable_by_its_owner_only()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");

        using var ledger = new FilePaymentLedger(_path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_path));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Existing_world_readable_ledger_file_is_narrowed_to_its_owner_on_open()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        File.WriteAllBytes(_path, []);
        File.SetUnixFileMode(_path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using var ledger = new FilePaymentLedger(_path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_path));
    }

    [Fact]
    public async Task Second_open_in_the_same_process_fails_with_the_lock_error_until_the_first_is_disposed()
    {
        var first = new FilePaymentLedger(_path);

        var error = Assert.Throws<PaymentLedgerLockedException>(() => new FilePaymentLedger(_path));
        Assert.Equal(first.Path, error.Path);
        first.Dispose();
        using var second = new FilePaymentLedger(_path);
        Assert.Null(await second.FindAsync("c1", Ct));
    }

    [Fact]
    public async Task Second_process_opening_a_held_ledger_gets_the_lock_error()
    {
        using var held = new FilePaymentLedger(_path);

        await using var probe = await LedgerProbe.StartAsync(_path, "c1", environment: null, Ct);

        Assert.Equal("locked", probe.FirstLine);
        Assert.Equal(3, await probe.StopAsync(Ct));
        Assert.Null(await held.FindAsync("c1", Ct));
    }

    [Fact]
    public async Task Runtime_file_locking_switch_does_not_turn_the_lock_off()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the POSIX record lock is taken on Linux");
        using var held = new FilePaymentLedger(_path);

        await using var probe = await LedgerProbe.StartAsync(_path, "c1", new Dictionary<string, string> { ["DOTNET_SYSTEM_IO_DISABLEFILELOCKING"] = "1" }, Ct);

        Assert.Equal("locked", probe.FirstLine);
        Assert.Equal(3, await probe.StopAsync(Ct));
    }

    [Fact]
    public async Task Ledger_held_by_another_process_cannot_be_opened_here_and_its_record_is_found_after_it_exits()
    {
        await using (var probe = await LedgerProbe.StartAsync(_path, "c9", environment: null, Ct))
        {
            Assert.Equal("opened", probe.FirstLine);
            Assert.Equal("recorded", await probe.ReadLineAsync(Ct));

            Assert.Throws<PaymentLedgerLockedException>(() => new FilePaymentLedger(_path));
            Assert.Equal(0, await probe.StopAsync(Ct));
        }

        using var ledger = new FilePaymentLedger(_path);
        Assert.Equal("sig-c9", (await ledger.FindAsync("c9", Ct))?.Signature);
    }
}
