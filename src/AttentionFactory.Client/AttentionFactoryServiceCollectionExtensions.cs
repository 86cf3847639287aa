using Attention.Sdk.DependencyInjection;
using AttentionFactory;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="AttentionFactoryClient"/> with <see cref="IHttpClientFactory"/>.</summary>
public static class AttentionFactoryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AttentionFactoryClient"/> (transient, over a pooled <see cref="HttpClient"/> with the SDK's handlers).
    /// Returns the <see cref="IHttpClientBuilder"/> so you can add your own handlers.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (at least <c>ApiKey</c>).</param>
    public static IHttpClientBuilder AddAttentionFactoryClient(this IServiceCollection services, Action<AttentionFactoryClientOptions>? configure = null) =>
        services.AddAttentionApiClient<AttentionFactoryClient, AttentionFactoryClientOptions>(
            AttentionFactoryClient.Profile,
            configure is null ? null : builder => builder.Configure(configure),
            static (http, options, _) => new AttentionFactoryClient(http, options));

    /// <summary>Registers <see cref="AttentionFactoryClient"/> with options bound from configuration (for example the <c>AttentionFactory</c> section: <c>ApiKey</c>, <c>BaseAddress</c>, <c>Timeout</c>, <c>MaxRetries</c>..., and <c>RentalActivationPolling:Timeout</c>-style polling keys).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    public static IHttpClientBuilder AddAttentionFactoryClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddAttentionApiClient<AttentionFactoryClient, AttentionFactoryClientOptions>(
            AttentionFactoryClient.Profile,
            builder => builder.Configure(options => AttentionFactoryOptionsConfiguration.Bind(configuration, options)),
            static (http, options, _) => new AttentionFactoryClient(http, options));
    }
}

/// <summary>Binds <see cref="AttentionFactoryClientOptions"/> from configuration without reflection.</summary>
internal static class AttentionFactoryOptionsConfiguration
{
    public static void Bind(IConfiguration configuration, AttentionFactoryClientOptions options)
    {
        Attention.Sdk.DependencyInjection.AttentionClientOptionsBinder.Bind(configuration, options);
        options.RentalActivationPolling = BindPolling(configuration.GetSection("RentalActivationPolling"), options.RentalActivationPolling);
        options.ActionCompletionPolling = BindPolling(configuration.GetSection("ActionCompletionPolling"), options.ActionCompletionPolling);
        options.PostAnalyticsPolling = BindPolling(configuration.GetSection("PostAnalyticsPolling"), options.PostAnalyticsPolling);
    }

    private static Attention.Sdk.Polling.PollingOptions BindPolling(IConfiguration section, Attention.Sdk.Polling.PollingOptions current) => current with
    {
        Interval = Attention.Sdk.DependencyInjection.AttentionClientOptionsBinder.ReadDuration(section, "Interval") ?? current.Interval,
        MaxInterval = Attention.Sdk.DependencyInjection.AttentionClientOptionsBinder.ReadDuration(section, "MaxInterval") ?? current.MaxInterval,
        Timeout = Attention.Sdk.DependencyInjection.AttentionClientOptionsBinder.ReadDuration(section, "Timeout") ?? current.Timeout,
        BackoffFactor = double.TryParse(section["BackoffFactor"], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var factor) ? factor : current.BackoffFactor,
    };
}
