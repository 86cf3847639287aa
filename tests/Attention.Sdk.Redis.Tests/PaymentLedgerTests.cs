using Attention.Sdk.Redis.Tests.Support;
using Attention.Sdk.Testing.Logging;
using Attentium.Payments;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Attention.Sdk.Redis.Tests;

public sealed class PaymentLedgerTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PaymentRecord Record(string campaign, string racer) =>
        new(campaign, "sig-" + racer, "agent-" + racer, 12.5m, "AQID", 4242, DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000));

    [Fact]
    public async Task Eight_processes_racing_to_record_one_campaign_exactly_one_wins_and_all_see_its_signature()
    {
        var prefix = RedisFixture.NewPrefix();

        var outputs = await Racers.RunAsync(8, i => ["ledger", redis.Server.Configuration, prefix, "cmp_race", i.ToString(System.Globalization.CultureInfo.InvariantCulture)], Ct);

        var winners = outputs.Select((o, i) => (Output: o, Racer: i)).Where(x => x.Output.StartsWith("won", StringComparison.Ordinal)).ToList();
        var winner = Assert.Single(winners);
        Assert.Equal(7, outputs.Count(o => o.StartsWith("lost", StringComparison.Ordinal)));
        Assert.All(outputs, o => Assert.Contains($"recorded sig-{winner.Racer}", o));
        var stored = await new RedisPaymentLedger(redis.Connection, new RedisPaymentLedgerOptions { KeyPrefix = prefix }).FindAsync("cmp_race", Ct);
        Assert.Equal($"sig-{winner.Racer}", stored?.Signature);
    }

    [Fact]
    public async Task Eight_connections_racing_on_forty_campaigns_record_exactly_one_payment_each()
    {
        var prefix = RedisFixture.NewPrefix();
        var connections = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => redis.Server.ConnectAsync()));
        try
        {
            var ledgers = connections.Select(c => new RedisPaymentLedger(c, new RedisPaymentLedgerOptions { KeyPrefix = prefix })).ToArray();
            var campaigns = Enumerable.Range(0, 40).Select(i => $"cmp_{i}").ToArray();

            var results = await Task.WhenAll(campaigns.SelectMany(campaign => ledgers.Select(async (ledger, racer) =>
                (Campaign: campaign, Racer: racer, Won: await ledger.TryRecordAsync(Record(campaign, racer.ToString(System.Globalization.CultureInfo.InvariantCulture)), Ct)))));

            foreach (var campaign in campaigns)
            {
                var winner = Assert.Single(results, r => r.Campaign == campaign && r.Won);
                var stored = await ledgers[0].FindAsync(campaign, Ct);
                Assert.Equal($"sig-{winner.Racer}", stored?.Signature);
            }
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
    public async Task A_record_reads_back_with_every_field_and_its_submitted_mark()
    {
        var ledger = new RedisPaymentLedger(redis.Connection, new RedisPaymentLedgerOptions { KeyPrefix = RedisFixture.NewPrefix() });
        var record = Record("cmp_fields", "a") with { SignedTransaction = null };
        Assert.True(await ledger.TryRecordAsync(record, Ct));
        Assert.Equal(record, await ledger.FindAsync("cmp_fields", Ct));

        await ledger.MarkSubmittedAsync("cmp_fields", Ct);
        await ledger.MarkSubmittedAsync("cmp_unknown", Ct);

        Assert.Equal(record with { Submitted = true }, await ledger.FindAsync("cmp_fields", Ct));
        Assert.Null(await ledger.FindAsync("cmp_unknown", Ct));
    }

    [Fact]
    public async Task Records_survive_redis_killed_with_sigkill_and_restarted_from_its_append_only_file()
    {
        await using var server = await RedisServer.StartAsync();
        var written = new List<PaymentRecord>();
        await using (var connection = await server.ConnectAsync())
        {
            var ledger = new RedisPaymentLedger(connection);
            for (var i = 0; i < 50; i++)
            {
                var record = Record($"cmp_{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.True(await ledger.TryRecordAsync(record, Ct));
                if (i % 2 == 0)
                {
                    await ledger.MarkSubmittedAsync(record.CampaignId, Ct);
                    record = record with { Submitted = true };
                }

                written.Add(record);
            }

            // No shutdown: the process dies right after the last acknowledged write.
            await server.KillAsync();
        }

        await server.StartAgainAsync();
        await using var reconnected = await server.ConnectAsync();
        var reopened = new RedisPaymentLedger(reconnected);
        foreach (var record in written)
        {
            Assert.Equal(record, await reopened.FindAsync(record.CampaignId, Ct));
        }

        Assert.False(await reopened.TryRecordAsync(Record("cmp_0", "late"), Ct));
    }

    [Fact]
    public async Task With_redis_stopped_every_call_fails_with_a_typed_error()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = await server.ConnectAsync(failFast: true);
        var ledger = new RedisPaymentLedger(connection);
        await ledger.EnsureDurableAsync(Ct);
        await server.KillAsync();

        await Assert.ThrowsAsync<AttentionRedisUnavailableException>(async () => await ledger.FindAsync("cmp_down", Ct));
        await Assert.ThrowsAsync<AttentionRedisUnavailableException>(async () => await ledger.TryRecordAsync(Record("cmp_down", "a"), Ct));
        await Assert.ThrowsAsync<AttentionRedisUnavailableException>(async () => await ledger.MarkSubmittedAsync("cmp_down", Ct));
    }

    [Fact]
    public async Task A_server_without_fsync_always_is_refused_before_anything_is_recorded()
    {
        await using var server = await RedisServer.StartAsync(appendFsync: "everysec");
        await using var connection = await server.ConnectAsync();
        var ledger = new RedisPaymentLedger(connection);

        var error = await Assert.ThrowsAsync<RedisLedgerNotDurableException>(async () => await ledger.TryRecordAsync(Record("cmp_weak", "a"), Ct));

        Assert.Equal("appendfsync is everysec", error.Reason);
        Assert.False(await connection.GetDatabase().KeyExistsAsync("attention:payment:cmp_weak"));
    }

    [Fact]
    public async Task A_server_without_append_only_is_refused()
    {
        await using var server = await RedisServer.StartAsync(appendOnly: "no");
        await using var connection = await server.ConnectAsync();

        var error = await Assert.ThrowsAsync<RedisLedgerNotDurableException>(() => new RedisPaymentLedger(connection).EnsureDurableAsync(Ct));

        Assert.Equal("appendonly is no", error.Reason);
    }

    [Fact]
    public async Task Warn_only_records_on_a_weak_server_and_logs_a_warning()
    {
        await using var server = await RedisServer.StartAsync(appendFsync: "everysec");
        await using var connection = await server.ConnectAsync();
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = logs.CreateLoggerFactory();
        var ledger = new RedisPaymentLedger(connection, new RedisPaymentLedgerOptions { Durability = RedisDurabilityCheck.WarnOnly, LoggerFactory = loggerFactory });

        Assert.True(await ledger.TryRecordAsync(Record("cmp_warn", "a"), Ct));

        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("appendfsync is everysec", warning.Message);
    }
}
