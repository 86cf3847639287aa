using Attention.Sdk.RateLimiting;
using Attention.Sdk.Redis.Tests.Support;
using AttentionFactory;
using AttentionFactory.Webhooks;
using Attentium;
using Attentium.Campaigns;
using Attentium.Payments;
using Attentium.Solana;
using AutoPersonas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Attention.Sdk.Redis.Tests;

public sealed class ClientIntegrationTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_redis_down_paying_a_campaign_signs_nothing_and_sends_nothing()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = await server.ConnectAsync(failFast: true);
        await server.KillAsync();
        var wire = new CountingHandler();
        var agent = new CountingSigner(Keypair.Generate());
        using var client = new AttentiumClient(new AttentiumClientOptions
        {
            PaymentLedger = new RedisPaymentLedger(connection),
            Transport = wire,
            Treasury = Keypair.Generate().PublicKey,
            RpcEndpoint = new Uri("http://127.0.0.1:9/"),
            Cluster = SolanaCluster.Devnet,
        });

        await Assert.ThrowsAsync<AttentionRedisUnavailableException>(() =>
            client.Campaigns.PayInvoiceAsync(new PaymentInvoice { Amount = 1.5m, CampaignId = "cmp_down" }, agent, 1.5m, Ct));

        Assert.Equal(0, agent.Signatures);
        Assert.Empty(wire.Requests);
    }

    [Fact]
    public async Task One_call_registers_the_limiter_ledger_and_deduplication_for_every_registered_client()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConnectionMultiplexer>(redis.Connection);
        services.AddAutoPersonasClient(o => o.ApiKey = "ap_live_" + Guid.NewGuid().ToString("N"));
        services.AddAttentiumClient();
        services.AddAttentionFactoryClient(o => o.ApiKey = "af_live_sk_" + Guid.NewGuid().ToString("N"));
        services.AddAttentionRedis(o => o.KeyPrefix = RedisFixture.NewPrefix());
        await using var provider = services.BuildServiceProvider();

        var limiter = provider.GetRequiredService<RedisClientRateLimiterProvider>();
        Assert.Same(limiter, provider.GetRequiredService<IOptions<AutoPersonasClientOptions>>().Value.RateLimiterProvider);
        Assert.Same(limiter, provider.GetRequiredService<IOptions<AttentionFactoryClientOptions>>().Value.RateLimiterProvider);
        Assert.Same(limiter, provider.GetRequiredService<IOptions<AttentiumClientOptions>>().Value.RateLimiterProvider);
        Assert.IsType<RedisPaymentLedger>(provider.GetRequiredService<AttentiumClient>().PaymentLedger);
        Assert.IsType<RedisPaymentLedger>(provider.GetRequiredService<IPaymentLedger>());
        Assert.IsType<RedisWebhookDeduplicationStore>(provider.GetRequiredService<IWebhookDeduplicationStore>());
        Assert.NotNull(provider.GetRequiredService<AutoPersonasClient>());
    }

    [Fact]
    public async Task A_provider_set_in_a_clients_options_wins_over_the_registered_one()
    {
        var own = new InProcessClientRateLimiterProvider();
        var services = new ServiceCollection();
        services.AddSingleton<IConnectionMultiplexer>(redis.Connection);
        services.AddAutoPersonasClient(o =>
        {
            o.ApiKey = "ap_live_" + Guid.NewGuid().ToString("N");
            o.RateLimiterProvider = own;
        });
        services.AddAttentionRedis(o => o.PaymentLedger = false);
        await using var provider = services.BuildServiceProvider();

        Assert.Same(own, provider.GetRequiredService<IOptions<AutoPersonasClientOptions>>().Value.RateLimiterProvider);
        Assert.Null(provider.GetService<IPaymentLedger>());
    }

    [Fact]
    public void Registering_without_a_connection_or_configuration_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddAttentionRedis(_ => { }));

        Assert.Contains("Configuration", error.Message);
    }

    private sealed class CountingSigner(ISolanaSigner inner) : ISolanaSigner
    {
        private int _signatures;

        public int Signatures => Volatile.Read(ref _signatures);

        public PublicKey PublicKey => inner.PublicKey;

        public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _signatures);
            return inner.SignAsync(message, cancellationToken);
        }
    }
}
