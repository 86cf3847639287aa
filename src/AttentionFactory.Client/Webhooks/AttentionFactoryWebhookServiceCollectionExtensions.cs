using System.Globalization;
using Attention.Sdk.DependencyInjection;
using AttentionFactory.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what receiving Attention Factory webhooks needs: options, the parser and the de-duplication store.</summary>
public static class AttentionFactoryWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AttentionFactoryWebhookOptions"/> bound from <paramref name="configuration"/> (for example the
    /// <c>AttentionFactory:Webhooks</c> section: <c>Secrets:0</c>, <c>Secrets:1</c>, <c>MaxBodyBytes</c>,
    /// <c>Deduplication:Capacity</c>, <c>Deduplication:TimeToLive</c>) and validated at startup, a singleton
    /// <see cref="AttentionFactoryWebhookParser"/>, and an <see cref="InMemoryWebhookDeduplicationStore"/> as
    /// <see cref="IWebhookDeduplicationStore"/> unless you register your own store (before or after this call).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <exception cref="FormatException">At first use: a configured value cannot be read (the message names the key).</exception>
    public static IServiceCollection AddAttentionFactoryWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddAttentionFactoryWebhooks(options => Bind(configuration, options));
    }

    /// <summary>
    /// Registers <see cref="AttentionFactoryWebhookOptions"/> set by <paramref name="configure"/> and validated at startup, a
    /// singleton <see cref="AttentionFactoryWebhookParser"/>, and an <see cref="InMemoryWebhookDeduplicationStore"/> as
    /// <see cref="IWebhookDeduplicationStore"/> unless you register your own store (before or after this call).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (at least one secret).</param>
    public static IServiceCollection AddAttentionFactoryWebhooks(this IServiceCollection services, Action<AttentionFactoryWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddWebhookReceiverOptions(configure);
        services.TryAddSingleton(provider => new AttentionFactoryWebhookParser(provider.GetRequiredService<IOptions<AttentionFactoryWebhookOptions>>().Value));
        services.TryAddSingleton<IWebhookDeduplicationStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AttentionFactoryWebhookOptions>>().Value;
            return new InMemoryWebhookDeduplicationStore(options.DeduplicationCapacity, options.DeduplicationTimeToLive, provider.GetService<TimeProvider>());
        });
        return services;
    }

    private static void Bind(IConfiguration configuration, AttentionFactoryWebhookOptions options)
    {
        WebhookReceiverRegistration.Bind(configuration, options);
        var deduplication = configuration.GetSection("Deduplication");
        if (deduplication["Capacity"] is { Length: > 0 } capacity)
        {
            options.DeduplicationCapacity = int.TryParse(capacity, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new FormatException("The configuration value 'Deduplication:Capacity' must be an integer.");
        }

        options.DeduplicationTimeToLive = AttentionClientOptionsBinder.ReadDuration(deduplication, "TimeToLive") ?? options.DeduplicationTimeToLive;
    }
}
