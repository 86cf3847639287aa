using System.Globalization;
using Attention.Sdk.RateLimiting;
using Attention.Sdk.Redis.Tests.Support;
using Attention.Sdk.Testing.Logging;
using AutoPersonas;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Attention.Sdk.Redis.Tests;

public sealed class RateLimiterTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewApiKey() => "ap_live_" + Guid.NewGuid().ToString("N");

    private static AutoPersonasClient Client(string apiKey, IClientRateLimiterProvider provider, HttpMessageHandler transport, RateLimitPolicy policy, Action<AutoPersonasClientOptions>? configure = null)
    {
        var options = new AutoPersonasClientOptions { ApiKey = apiKey, RateLimit = policy, RateLimiterProvider = provider, Transport = transport, MaxRetries = 0 };
        configure?.Invoke(options);
        return new AutoPersonasClient(options);
    }

    [Fact]
    public async Task Three_clients_on_their_own_connections_share_one_budget()
    {
        var prefix = RedisFixture.NewPrefix();
        var apiKey = NewApiKey();
        var policy = new RateLimitPolicy { PermitLimit = 5, Window = TimeSpan.FromMinutes(1), Behavior = RateLimitBehavior.FailFast };
        var wire = new CountingHandler();
        var connections = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => redis.Server.ConnectAsync()));
        try
        {
            var clients = connections.Select(c => Client(apiKey, new RedisClientRateLimiterProvider(c, new RedisRateLimiterOptions { KeyPrefix = prefix }), wire, policy)).ToArray();
            var refused = 0;
            foreach (var client in clients)
            {
                for (var i = 0; i < 4; i++)
                {
                    try
                    {
                        await client.Config.GetFeaturesAsync(Ct);
                    }
                    catch (AttentionClientRateLimitException ex)
                    {
                        Assert.True(ex.RetryAfter > TimeSpan.Zero);
                        refused++;
                    }
                }
            }

            Assert.Equal(5, wire.Requests.Count);
            Assert.Equal(7, refused);
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
    public async Task Four_processes_sharing_a_key_keep_every_window_within_the_limit()
    {
        var prefix = RedisFixture.NewPrefix();
        var keyHash = ClientRateLimitPartition.HashApiKey(NewApiKey());
        var window = TimeSpan.FromSeconds(3);
        var key = $"{prefix}ratelimit:autopersonas:{keyHash}:4:{window.Ticks}";

        // Each process asks for 3 permits at once: 12 in all, 4 per window, so the last ones wait two windows.
        var racing = Racers.RunAsync(4, _ => ["ratelimit", redis.Server.Configuration, prefix, "autopersonas", keyHash, "4", ((int)window.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), "3"], Ct);
        var db = redis.Connection.GetDatabase();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await db.SortedSetLengthAsync(key) < 12 && DateTime.UtcNow < deadline && !racing.IsFaulted)
        {
            await Task.Delay(20, Ct);
        }

        var slots = (await db.SortedSetRangeByRankWithScoresAsync(key)).Select(e => (long)e.Score).Order().ToArray();
        var outputs = await racing;

        Assert.All(outputs, o => Assert.Contains("acquired 3", o));
        Assert.Equal(12, slots.Length);
        var windowMicroseconds = window.Ticks / 10;
        for (var i = 0; i + 4 < slots.Length; i++)
        {
            Assert.True(slots[i + 4] - slots[i] >= windowMicroseconds, $"permits {i} and {i + 4} are {slots[i + 4] - slots[i]} us apart, less than the window");
        }

        Assert.True(slots[11] - slots[0] >= 2 * windowMicroseconds);
    }

    [Fact]
    public async Task Redis_holds_the_hash_of_the_api_key_never_the_key_while_the_key_goes_over_the_wire()
    {
        var prefix = RedisFixture.NewPrefix();
        var apiKey = NewApiKey();
        var wire = new CountingHandler();
        var client = Client(apiKey, new RedisClientRateLimiterProvider(redis.Connection, new RedisRateLimiterOptions { KeyPrefix = prefix }), wire, new RateLimitPolicy { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) });

        await client.Config.GetFeaturesAsync(Ct);

        Assert.Equal($"Bearer {apiKey}", wire.Requests.Single().Headers.Authorization?.ToString());
        var keys = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]).Keys(pattern: prefix + "*").Select(k => (string)k!).ToList();
        var key = Assert.Single(keys);
        Assert.Equal($"{prefix}ratelimit:autopersonas:{ClientRateLimitPartition.HashApiKey(apiKey)}:60:{TimeSpan.FromMinutes(1).Ticks}", key);
        var members = await redis.Connection.GetDatabase().SortedSetRangeByRankAsync(key);
        Assert.DoesNotContain(members, m => ((string?)m)!.Contains(apiKey, StringComparison.Ordinal));
        Assert.DoesNotContain(apiKey[8..], key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wait_beyond_the_overall_timeout_ends_in_a_timeout_sends_nothing_and_gives_the_reservation_back()
    {
        var prefix = RedisFixture.NewPrefix();
        var apiKey = NewApiKey();
        var wire = new CountingHandler();
        var policy = new RateLimitPolicy { PermitLimit = 1, Window = TimeSpan.FromSeconds(30) };
        var provider = new RedisClientRateLimiterProvider(redis.Connection, new RedisRateLimiterOptions { KeyPrefix = prefix });

        // The first call takes the window's one permit with the default budget (500 ms could pass on a saturated machine);
        // the second, on the same key with a 500 ms budget, would wait 30 s for the next permit.
        await Client(apiKey, provider, wire, policy).Config.GetFeaturesAsync(Ct);
        var client = Client(apiKey, provider, wire, policy, o => o.Timeout = TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAsync<AttentionTimeoutException>(() => client.Config.GetFeaturesAsync(Ct));

        Assert.Single(wire.Requests);
        var key = $"{prefix}ratelimit:autopersonas:{ClientRateLimitPartition.HashApiKey(apiKey)}:1:{policy.Window.Ticks}";
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await redis.Connection.GetDatabase().SortedSetLengthAsync(key) != 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Ct);
        }

        Assert.Equal(1, await redis.Connection.GetDatabase().SortedSetLengthAsync(key));
    }

    [Fact]
    public async Task A_caller_beyond_the_limit_waits_for_the_window_and_is_then_sent()
    {
        var prefix = RedisFixture.NewPrefix();
        var wire = new CountingHandler();
        var apiKey = NewApiKey();
        var policy = new RateLimitPolicy { PermitLimit = 1, Window = TimeSpan.FromSeconds(1) };
        var client = Client(apiKey, new RedisClientRateLimiterProvider(redis.Connection, new RedisRateLimiterOptions { KeyPrefix = prefix }), wire, policy);

        // Timed from before the first call: however slow the machine is between the two calls, the second cannot be sent
        // before the first permit's window has passed (timing from between the calls would pass without any wait under load).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await client.Config.GetFeaturesAsync(Ct);
        await client.Config.GetFeaturesAsync(Ct);
        var elapsed = clock.Elapsed;

        Assert.Equal(2, wire.Requests.Count);
        var key = $"{prefix}ratelimit:autopersonas:{ClientRateLimitPartition.HashApiKey(apiKey)}:1:{policy.Window.Ticks}";
        var slots = (await redis.Connection.GetDatabase().SortedSetRangeByRankWithScoresAsync(key)).Select(e => (long)e.Score).Order().ToArray();
        Assert.Equal(2, slots.Length);
        Assert.True(slots[1] - slots[0] >= policy.Window.Ticks / 10, $"the two permits are {slots[1] - slots[0]} us apart, less than the window");
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(900), $"both calls took {elapsed.TotalMilliseconds:0} ms; the second should have waited for the window");
    }

    [Fact]
    public async Task With_redis_down_a_call_fails_closed_and_nothing_is_sent()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = await server.ConnectAsync(failFast: true);
        await server.KillAsync();
        var wire = new CountingHandler();
        var client = Client(NewApiKey(), new RedisClientRateLimiterProvider(connection), wire, new RateLimitPolicy { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) });

        var error = await Assert.ThrowsAsync<AttentionRedisUnavailableException>(() => client.Config.GetFeaturesAsync(Ct));

        Assert.Contains("not sent", error.Message);
        Assert.Empty(wire.Requests);
    }

    [Fact]
    public async Task With_redis_down_and_fallback_chosen_the_in_process_limiter_applies_and_the_switch_is_logged_without_the_key()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = await server.ConnectAsync(failFast: true);
        await server.KillAsync();
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = logs.CreateLoggerFactory();
        var apiKey = NewApiKey();
        var wire = new CountingHandler();
        var provider = new RedisClientRateLimiterProvider(connection, new RedisRateLimiterOptions
        {
            WhenUnavailable = RedisUnavailableBehavior.FallBackToInProcess,
            Fallback = new InProcessClientRateLimiterProvider(),
            LoggerFactory = loggerFactory,
        });
        var client = Client(apiKey, provider, wire, new RateLimitPolicy { PermitLimit = 1, Window = TimeSpan.FromMinutes(1), Behavior = RateLimitBehavior.FailFast });

        await client.Config.GetFeaturesAsync(Ct);
        await Assert.ThrowsAsync<AttentionClientRateLimitException>(() => client.Config.GetFeaturesAsync(Ct));

        Assert.Single(wire.Requests);
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("in-process limiter", warning.Message);
        Assert.DoesNotContain(apiKey, logs.AllText, StringComparison.Ordinal);
    }
}
