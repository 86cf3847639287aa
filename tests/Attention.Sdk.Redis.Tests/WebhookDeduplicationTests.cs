using System.Security.Cryptography;
using System.Text;
using Attention.Sdk.Redis.Tests.Support;
using StackExchange.Redis;

namespace Attention.Sdk.Redis.Tests;

public sealed class WebhookDeduplicationTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sixteen_receivers_on_their_own_connections_register_a_delivery_once()
    {
        var prefix = RedisFixture.NewPrefix();
        var connections = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => redis.Server.ConnectAsync()));
        try
        {
            var results = await Task.WhenAll(connections.Select(async c =>
                await new RedisWebhookDeduplicationStore(c, keyPrefix: prefix).TryRegisterAsync("post.verified:act_1", Ct)));

            Assert.Equal(1, results.Count(r => r));
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
    public async Task The_key_is_stored_hashed_with_the_window_as_its_expiry()
    {
        var prefix = RedisFixture.NewPrefix();
        var store = new RedisWebhookDeduplicationStore(redis.Connection, TimeSpan.FromMinutes(10), prefix);

        Assert.True(await store.TryRegisterAsync("rental.active:rnt_secretish", Ct));

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("rental.active:rnt_secretish"))).ToLowerInvariant();
        var ttl = await redis.Connection.GetDatabase().KeyTimeToLiveAsync($"{prefix}webhook:{hash}");
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        var keys = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]).Keys(pattern: prefix + "*").Select(k => (string)k!).ToList();
        Assert.DoesNotContain(keys, k => k.Contains("rnt_secretish", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Removing_a_key_lets_the_redelivery_through()
    {
        var store = new RedisWebhookDeduplicationStore(redis.Connection, keyPrefix: RedisFixture.NewPrefix());
        Assert.True(await store.TryRegisterAsync("k1", Ct));
        Assert.False(await store.TryRegisterAsync("k1", Ct));

        await store.RemoveAsync("k1", Ct);

        Assert.True(await store.TryRegisterAsync("k1", Ct));
    }

    [Fact]
    public async Task After_the_window_the_same_delivery_is_accepted_again()
    {
        var store = new RedisWebhookDeduplicationStore(redis.Connection, TimeSpan.FromMilliseconds(100), RedisFixture.NewPrefix());
        Assert.True(await store.TryRegisterAsync("k2", Ct));

        // Only bounds a hang: the key's 100 ms expiry is Redis's; this loop just waits for it.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var accepted = false;
        while (!accepted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
            accepted = await store.TryRegisterAsync("k2", Ct);
        }

        Assert.True(accepted);
    }

    [Fact]
    public async Task With_redis_stopped_registering_fails_with_a_typed_error()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = await server.ConnectAsync(failFast: true);
        var store = new RedisWebhookDeduplicationStore(connection);
        await server.KillAsync();

        await Assert.ThrowsAsync<AttentionRedisUnavailableException>(async () => await store.TryRegisterAsync("k3", Ct));
    }
}
