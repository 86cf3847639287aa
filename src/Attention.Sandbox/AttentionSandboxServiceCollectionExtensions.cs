using Attention.Sandbox;
using AttentionFactory;
using Attentium;
using AutoPersonas;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Points the three clients of a container at an <see cref="AttentionSandbox"/>.</summary>
public static class AttentionSandboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AttentionFactoryClient"/>, <see cref="AutoPersonasClient"/> and <see cref="AttentiumClient"/> against
    /// the sandbox, with every setting it needs (addresses, keys, polling, Attentium's RPC endpoint, mint, treasury,
    /// confirmation and inspection, the sandbox's clock). A client the app has already registered is not registered again:
    /// its options are post-configured, so this can run after the app's own registrations (for example in
    /// <c>WebApplicationFactory.ConfigureTestServices</c>) and wins over values bound from configuration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="sandbox">The running sandbox.</param>
    /// <param name="attentionFactoryApiKey">The Attention Factory key (default <see cref="AttentionSandbox.FactoryApiKey"/>).</param>
    /// <param name="autoPersonasApiKey">The AutoPersonas key (default <see cref="AttentionSandbox.AutoPersonasApiKey"/>).</param>
    public static IServiceCollection AddAttentionSandboxClients(
        this IServiceCollection services,
        AttentionSandbox sandbox,
        string attentionFactoryApiKey = AttentionSandbox.FactoryApiKey,
        string autoPersonasApiKey = AttentionSandbox.AutoPersonasApiKey)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentNullException.ThrowIfNull(attentionFactoryApiKey);
        ArgumentNullException.ThrowIfNull(autoPersonasApiKey);
        if (!IsRegistered<AttentionFactoryClient>(services))
        {
            services.AddAttentionFactoryClient();
        }

        if (!IsRegistered<AutoPersonasClient>(services))
        {
            services.AddAutoPersonasClient();
        }

        if (!IsRegistered<AttentiumClient>(services))
        {
            services.AddAttentiumClient();
        }

        services.PostConfigure<AttentionFactoryClientOptions>(options => sandbox.ApplyAttentionFactoryOptions(options, attentionFactoryApiKey));
        services.PostConfigure<AutoPersonasClientOptions>(options => sandbox.ApplyAutoPersonasOptions(options, autoPersonasApiKey));
        services.PostConfigure<AttentiumClientOptions>(sandbox.ApplyAttentiumOptions);
        return services;
    }

    private static bool IsRegistered<TClient>(IServiceCollection services) => services.Any(d => d.ServiceType == typeof(TClient));
}
