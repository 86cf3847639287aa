using Attention.Sdk.DependencyInjection;
using Attention.Sdk.Polling;
using AutoPersonas;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="AutoPersonasClient"/> with <see cref="IHttpClientFactory"/>.</summary>
public static class AutoPersonasServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AutoPersonasClient"/> (transient, over a pooled <see cref="HttpClient"/> with the SDK's handlers, including
    /// the 60-per-minute limiter shared by every client with the same key). Returns the <see cref="IHttpClientBuilder"/> so you can add your own handlers.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (at least <c>ApiKey</c>).</param>
    public static IHttpClientBuilder AddAutoPersonasClient(this IServiceCollection services, Action<AutoPersonasClientOptions>? configure = null) =>
        services.AddAttentionApiClient<AutoPersonasClient, AutoPersonasClientOptions>(
            AutoPersonasClient.Profile,
            configure is null ? null : builder => builder.Configure(configure),
            static (http, options, _) => new AutoPersonasClient(http, options));

    /// <summary>
    /// Registers <see cref="AutoPersonasClient"/> with options bound from configuration (for example the <c>AutoPersonas</c> section:
    /// <c>ApiKey</c>, <c>BaseAddress</c>, <c>Timeout</c>, <c>MaxRetries</c>, <c>RateLimit:PermitLimit</c>, <c>RateLimit:Window</c>,
    /// <c>GrantedScopes</c> (a list or a comma-separated string) and <c>BatchPolling:Timeout</c>-style polling keys).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    public static IHttpClientBuilder AddAutoPersonasClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddAttentionApiClient<AutoPersonasClient, AutoPersonasClientOptions>(
            AutoPersonasClient.Profile,
            builder => builder.Configure(options => AutoPersonasOptionsConfiguration.Bind(configuration, options)),
            static (http, options, _) => new AutoPersonasClient(http, options));
    }
}

/// <summary>Binds <see cref="AutoPersonasClientOptions"/> from configuration without reflection.</summary>
internal static class AutoPersonasOptionsConfiguration
{
    public static void Bind(IConfiguration configuration, AutoPersonasClientOptions options)
    {
        AttentionClientOptionsBinder.Bind(configuration, options);
        var scopes = configuration.GetSection("GrantedScopes");
        var values = scopes.Value is { Length: > 0 } joined
            ? joined.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : scopes.GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToArray();
        if (values.Length > 0)
        {
            options.GrantedScopes = values.Select(AutoPersonasScope.FromValue).ToArray();
        }

        options.BatchPolling = BindPolling(configuration.GetSection("BatchPolling"), options.BatchPolling);
        options.PublishPolling = BindPolling(configuration.GetSection("PublishPolling"), options.PublishPolling);
        options.ImportPolling = BindPolling(configuration.GetSection("ImportPolling"), options.ImportPolling);
    }

    private static PollingOptions BindPolling(IConfiguration section, PollingOptions current) => current with
    {
        Interval = AttentionClientOptionsBinder.ReadDuration(section, "Interval") ?? current.Interval,
        MaxInterval = AttentionClientOptionsBinder.ReadDuration(section, "MaxInterval") ?? current.MaxInterval,
        Timeout = AttentionClientOptionsBinder.ReadDuration(section, "Timeout") ?? current.Timeout,
        BackoffFactor = double.TryParse(section["BackoffFactor"], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var factor) ? factor : current.BackoffFactor,
    };
}
