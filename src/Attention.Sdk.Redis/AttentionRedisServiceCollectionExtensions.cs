using Attention.Sdk;
using Attention.Sdk.Redis;
using AttentionFactory;
using AttentionFactory.Webhooks;
using Attentium;
using Attentium.Payments;
using AutoPersonas;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Redis-backed rate limiter, payment ledger and webhook de-duplication for the SDK's clients.</summary>
public static class AttentionRedisServiceCollectionExtensions
{
    /// <summary>
    /// One call for a fleet: every Attention Factory, Attentium and AutoPersonas client resolved from the container takes its
    /// client-side rate limit from Redis (<see cref="RedisClientRateLimiterProvider"/>) and its retry budget too
    /// (<see cref="RedisRetryBudgetProvider"/>), Attentium clients record payments in
    /// <see cref="RedisPaymentLedger"/>, and <see cref="IWebhookDeduplicationStore"/> resolves to
    /// <see cref="RedisWebhookDeduplicationStore"/>. A provider or ledger set explicitly in a client's options wins. The connection
    /// is the registered <see cref="IConnectionMultiplexer"/>, or one made from <see cref="AttentionRedisOptions.Configuration"/>
    /// (it does not block start-up when Redis is down: calls then fail with typed errors).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the connection and what Redis takes over.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static IServiceCollection AddAttentionRedis(this IServiceCollection services, Action<AttentionRedisOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new AttentionRedisOptions();
        configure(options);
        RedisKeys.ValidatePrefix(options.KeyPrefix, nameof(AttentionRedisOptions.KeyPrefix));
        if (options.Configuration is null && !services.Any(d => d.ServiceType == typeof(IConnectionMultiplexer)))
        {
            throw new ArgumentException($"Set {nameof(AttentionRedisOptions.Configuration)} or register an {nameof(IConnectionMultiplexer)} first.", nameof(configure));
        }

        services.TryAddSingleton<IConnectionMultiplexer>(_ =>
        {
            var configuration = ConfigurationOptions.Parse(options.Configuration!);
            configuration.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(configuration);
        });

        if (options.RateLimiting)
        {
            services.TryAddSingleton(provider => new RedisClientRateLimiterProvider(
                provider.GetRequiredService<IConnectionMultiplexer>(),
                new RedisRateLimiterOptions
                {
                    KeyPrefix = options.KeyPrefix,
                    Database = options.Database,
                    WhenUnavailable = options.RateLimitWhenUnavailable,
                    LoggerFactory = provider.GetService<ILoggerFactory>(),
                }));
            PostConfigureEveryClient(services, (o, provider) => o.RateLimiterProvider ??= provider.GetRequiredService<RedisClientRateLimiterProvider>());
        }

        if (options.RetryBudget)
        {
            services.TryAddSingleton(provider => new RedisRetryBudgetProvider(
                provider.GetRequiredService<IConnectionMultiplexer>(),
                new RedisRetryBudgetOptions
                {
                    KeyPrefix = options.KeyPrefix,
                    Database = options.Database,
                    LoggerFactory = provider.GetService<ILoggerFactory>(),
                }));
            PostConfigureEveryClient(services, (o, provider) => o.RetryBudgetProvider ??= provider.GetRequiredService<RedisRetryBudgetProvider>());
        }

        if (options.PaymentLedger)
        {
            services.TryAddSingleton(provider => new RedisPaymentLedger(
                provider.GetRequiredService<IConnectionMultiplexer>(),
                new RedisPaymentLedgerOptions
                {
                    KeyPrefix = options.KeyPrefix,
                    Database = options.Database,
                    Durability = options.LedgerDurability,
                    LoggerFactory = provider.GetService<ILoggerFactory>(),
                }));
            services.Replace(ServiceDescriptor.Singleton<IPaymentLedger>(provider => provider.GetRequiredService<RedisPaymentLedger>()));
            PostConfigure<AttentiumClientOptions>(services, (o, provider) => o.PaymentLedger ??= provider.GetRequiredService<RedisPaymentLedger>());
        }

        if (options.WebhookDeduplication)
        {
            services.TryAddSingleton(provider => new RedisWebhookDeduplicationStore(
                provider.GetRequiredService<IConnectionMultiplexer>(), options.WebhookDeduplicationWindow, options.KeyPrefix, options.Database));
            services.Replace(ServiceDescriptor.Singleton<IWebhookDeduplicationStore>(provider => provider.GetRequiredService<RedisWebhookDeduplicationStore>()));
        }

        return services;
    }

    /// <summary>Applies <paramref name="configure"/> to the options of all three clients, after the application's own configuration.</summary>
    private static void PostConfigureEveryClient(IServiceCollection services, Action<AttentionClientOptions, IServiceProvider> configure)
    {
        PostConfigure<AttentionFactoryClientOptions>(services, configure);
        PostConfigure<AttentiumClientOptions>(services, configure);
        PostConfigure<AutoPersonasClientOptions>(services, configure);
    }

    /// <summary>Applies <paramref name="configure"/> to one client's options after the application's own configuration (so its explicit settings win).</summary>
    private static void PostConfigure<TOptions>(IServiceCollection services, Action<TOptions, IServiceProvider> configure)
        where TOptions : AttentionClientOptions =>
        services.AddSingleton<IPostConfigureOptions<TOptions>>(provider =>
            new PostConfigureOptions<TOptions>(Options.Options.DefaultName, o => configure(o, provider)));
}
