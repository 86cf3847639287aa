using System.Net;
using Attention.Sdk.RateLimiting;
using Attention.Sdk.Redis.Tests.Support;
using AttentionFactory;
using Attentium;
using AutoPersonas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Attention.Sdk.Redis.Tests;

public sealed class RetryBudgetTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewApiKey() => "ap_live_" + Guid.NewGuid().ToString("N");

    /// <summary>A client whose budget has no reserve (minimum 0): every retry it makes was paid for by some call's deposit.</summary>
    private static AutoPersonasClient Client(string apiKey, IRetryBudgetProvider provider, HttpMessageHandler transport, double ratio) => new(new AutoPersonasClientOptions
    {
        ApiKey = apiKey,
        Transport = transport,
        EnableClientRateLimit = false,
        RetryBaseDelay = TimeSpan.Zero,
        MaxRetryDelay = TimeSpan.Zero,
        RetryBudgetRatio = ratio,
        RetryBudgetMinPerSecond = 0,
        RetryBudgetProvider = provider,
    });

    [Fact]
    public async Task Calls_through_one_connection_pay_for_the_retries_of_a_client_on_another()
    {
        var prefix = RedisFixture.NewPrefix();
        var apiKey = NewApiKey();
        await using var first = await redis.Server.ConnectAsync();
        await using var second = await redis.Server.ConnectAsync();
        var healthy = Client(apiKey, new RedisRetryBudgetProvider(first, new RedisRetryBudgetOptions { KeyPrefix = prefix }), new StatusHandler(HttpStatusCode.OK), ratio: 0.25);
        var failing = new StatusHandler(HttpStatusCode.ServiceUnavailable);
        var unlucky = Client(apiKey, new RedisRetryBudgetProvider(second, new RedisRetryBudgetOptions { KeyPrefix = prefix }), failing, ratio: 0.25);

        // Nothing deposited yet: the failing client's call gets no retry.
        var before = await Assert.ThrowsAsync<AttentionServerException>(() => unlucky.Config.GetFeaturesAsync(Ct));
        Assert.Equal(1, before.Attempts);
        Assert.True(before.RetryBudgetExhausted);

        // 40 calls on the first connection deposit 10 retries (deposits are sent without waiting: a read on the same
        // connection afterwards runs after them).
        for (var i = 0; i < 40; i++)
        {
            await healthy.Config.GetFeaturesAsync(Ct);
        }

        await first.GetDatabase().PingAsync();
        var after = await Assert.ThrowsAsync<AttentionServerException>(() => unlucky.Config.GetFeaturesAsync(Ct));

        Assert.Equal(4, after.Attempts);
        Assert.False(after.RetryBudgetExhausted);
        Assert.Equal(5, failing.Attempts);
    }

    [Fact]
    public async Task Two_failing_clients_on_two_connections_stay_within_one_shared_budget()
    {
        var prefix = RedisFixture.NewPrefix();
        var apiKey = NewApiKey();
        await using var first = await redis.Server.ConnectAsync();
        await using var second = await redis.Server.ConnectAsync();
        var wire = new StatusHandler(HttpStatusCode.ServiceUnavailable);
        AutoPersonasClient[] clients =
        [
            Client(apiKey, new RedisRetryBudgetProvider(first, new RedisRetryBudgetOptions { KeyPrefix = prefix }), wire, ratio: 0.25),
            Client(apiKey, new RedisRetryBudgetProvider(second, new RedisRetryBudgetOptions { KeyPrefix = prefix }), wire, ratio: 0.25),
        ];
        var calls = 0;
        var reported = 0;

        for (var i = 0; i < 20; i++)
        {
            foreach (var client in clients)
            {
                var error = await Assert.ThrowsAsync<AttentionServerException>(() => client.Config.GetFeaturesAsync(Ct));
                calls++;
                reported += error.Attempts;
            }
        }

        // 40 calls deposit 10 retries in all (less what fades): without the budget they would have made 160 attempts.
        Assert.InRange(wire.Attempts, calls + 1, calls + 10);
        Assert.Equal(wire.Attempts, reported);
    }

    [Fact]
    public async Task With_redis_down_a_failed_call_is_not_retried_and_says_why()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = await server.ConnectAsync();
        await server.KillAsync();
        var wire = new StatusHandler(HttpStatusCode.ServiceUnavailable);
        var client = Client(NewApiKey(), new RedisRetryBudgetProvider(connection), wire, ratio: 1);

        var error = await Assert.ThrowsAsync<AttentionServerException>(() => client.Config.GetFeaturesAsync(Ct));

        Assert.Equal(1, wire.Attempts);
        Assert.Equal(1, error.Attempts);
        Assert.True(error.RetryBudgetExhausted);
    }

    [Fact]
    public async Task The_budget_key_holds_the_key_hash_never_the_key()
    {
        var prefix = RedisFixture.NewPrefix();
        var apiKey = NewApiKey();
        var client = Client(apiKey, new RedisRetryBudgetProvider(redis.Connection, new RedisRetryBudgetOptions { KeyPrefix = prefix }), new StatusHandler(HttpStatusCode.ServiceUnavailable), ratio: 1);

        await Assert.ThrowsAsync<AttentionServerException>(() => client.Config.GetFeaturesAsync(Ct));

        var keys = redis.Connection.GetServers()[0].Keys(pattern: prefix + "*").Select(k => k.ToString()).ToList();
        var key = Assert.Single(keys);
        Assert.Contains(ClientRateLimitPartition.HashApiKey(apiKey), key, StringComparison.Ordinal);
        Assert.DoesNotContain(apiKey, key, StringComparison.Ordinal);
        Assert.True(await redis.Connection.GetDatabase().KeyTimeToLiveAsync(key) > TimeSpan.Zero);
    }

    [Fact]
    public async Task Add_attention_redis_gives_every_client_the_shared_retry_budget()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConnectionMultiplexer>(redis.Connection);
        services.AddAutoPersonasClient(o => o.ApiKey = NewApiKey());
        services.AddAttentiumClient();
        services.AddAttentionFactoryClient(o => o.ApiKey = "af_test_sk_" + Guid.NewGuid().ToString("N"));
        services.AddAttentionRedis(o => o.KeyPrefix = RedisFixture.NewPrefix());
        await using var provider = services.BuildServiceProvider();

        var budget = provider.GetRequiredService<RedisRetryBudgetProvider>();
        Assert.Same(budget, provider.GetRequiredService<IOptions<AutoPersonasClientOptions>>().Value.RetryBudgetProvider);
        Assert.Same(budget, provider.GetRequiredService<IOptions<AttentionFactoryClientOptions>>().Value.RetryBudgetProvider);
        Assert.Same(budget, provider.GetRequiredService<IOptions<AttentiumClientOptions>>().Value.RetryBudgetProvider);
    }
}
