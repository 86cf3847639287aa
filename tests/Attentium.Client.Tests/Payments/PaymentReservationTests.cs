using Attentium.Payments;

namespace Attentium.Client.Tests.Payments;

/// <summary>Reservations before signing in the in-process ledgers (the Redis one is tested against a real server).</summary>
public sealed class PaymentReservationTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "reservation-" + Guid.NewGuid().ToString("N") + ".jsonl");
    private readonly List<IDisposable> _opened = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Ledgers => new() { "memory", "file" };

    public void Dispose()
    {
        foreach (var ledger in _opened)
        {
            ledger.Dispose();
        }

        File.Delete(_file);
    }

    private IPaymentLedger Open(string kind)
    {
        if (kind == "memory")
        {
            return new InMemoryPaymentLedger();
        }

        var file = new FilePaymentLedger(_file);
        _opened.Add(file);
        return file;
    }

    private static PaymentRecord Record(string campaign) => new(campaign, "sig", "agent", 1m, null, null, DateTimeOffset.UnixEpoch);

    [Theory]
    [MemberData(nameof(Ledgers))]
    public async Task Of_many_concurrent_reservations_exactly_one_holds_the_campaign(string kind)
    {
        var ledger = Open(kind);

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => ledger.TryReserveAsync("cmp", "owner-" + i, TimeSpan.FromMinutes(1), Ct).AsTask())));

        Assert.Single(answers, a => a == PaymentReservation.Reserved);
        Assert.Equal(15, answers.Count(a => a == PaymentReservation.ReservedByOther));
    }

    [Theory]
    [MemberData(nameof(Ledgers))]
    public async Task The_holder_renews_and_a_recorded_campaign_is_never_reserved_again(string kind)
    {
        var ledger = Open(kind);
        Assert.Equal(PaymentReservation.Reserved, await ledger.TryReserveAsync("cmp", "holder", TimeSpan.FromMinutes(1), Ct));
        Assert.Equal(PaymentReservation.Reserved, await ledger.TryReserveAsync("cmp", "holder", TimeSpan.FromMinutes(1), Ct));

        Assert.True(await ledger.TryRecordAsync(Record("cmp"), Ct));

        Assert.Equal(PaymentReservation.AlreadyRecorded, await ledger.TryReserveAsync("cmp", "other", TimeSpan.FromMinutes(1), Ct));
    }

    [Theory]
    [MemberData(nameof(Ledgers))]
    public async Task A_released_reservation_is_free_at_once_but_only_its_holder_can_release_it(string kind)
    {
        var ledger = Open(kind);
        await ledger.TryReserveAsync("cmp", "holder", TimeSpan.FromMinutes(1), Ct);

        await ledger.ReleaseReservationAsync("cmp", "other", Ct);
        Assert.Equal(PaymentReservation.ReservedByOther, await ledger.TryReserveAsync("cmp", "other", TimeSpan.FromMinutes(1), Ct));
        await ledger.ReleaseReservationAsync("cmp", "holder", Ct);

        Assert.Equal(PaymentReservation.Reserved, await ledger.TryReserveAsync("cmp", "other", TimeSpan.FromMinutes(1), Ct));
    }

    [Theory]
    [MemberData(nameof(Ledgers))]
    public async Task A_reservation_whose_lease_ran_out_is_taken_over(string kind)
    {
        var ledger = Open(kind);
        await ledger.TryReserveAsync("cmp", "gone", TimeSpan.FromMilliseconds(50), Ct);

        var taken = PaymentReservation.ReservedByOther;
        for (var i = 0; i < 100 && taken != PaymentReservation.Reserved; i++)
        {
            await Task.Delay(20, Ct);
            taken = await ledger.TryReserveAsync("cmp", "next", TimeSpan.FromMinutes(1), Ct);
        }

        Assert.Equal(PaymentReservation.Reserved, taken);
    }

    [Fact]
    public async Task A_ledger_written_before_reservations_existed_reserves_whenever_nothing_is_recorded()
    {
        IPaymentLedger ledger = new LegacyLedger();

        Assert.Equal(PaymentReservation.Reserved, await ledger.TryReserveAsync("cmp", "a", TimeSpan.FromMinutes(1), Ct));
        Assert.Equal(PaymentReservation.Reserved, await ledger.TryReserveAsync("cmp", "b", TimeSpan.FromMinutes(1), Ct));
        await ledger.TryRecordAsync(Record("cmp"), Ct);
        Assert.Equal(PaymentReservation.AlreadyRecorded, await ledger.TryReserveAsync("cmp", "c", TimeSpan.FromMinutes(1), Ct));
    }

    /// <summary>Implements only the members that existed before reservations.</summary>
    private sealed class LegacyLedger : IPaymentLedger
    {
        private readonly InMemoryPaymentLedger _inner = new();

        public ValueTask<PaymentRecord?> FindAsync(string campaignId, CancellationToken cancellationToken = default) => _inner.FindAsync(campaignId, cancellationToken);

        public ValueTask<bool> TryRecordAsync(PaymentRecord record, CancellationToken cancellationToken = default) => _inner.TryRecordAsync(record, cancellationToken);

        public ValueTask MarkSubmittedAsync(string campaignId, CancellationToken cancellationToken = default) => _inner.MarkSubmittedAsync(campaignId, cancellationToken);
    }
}
