using Attention.Sdk.DependencyInjection;
using AttentionFactory;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="AttentionFactoryClient"/> through the SDK's one registration path
/// (<see cref="AttentionServiceCollectionExtensions"/>): a singleton over a pooled <see cref="HttpClient"/> with the SDK's handlers,
/// options validated when the host starts. Each method returns the <see cref="IHttpClientBuilder"/> so you can add your own handlers.
/// </summary>
public static class AttentionFactoryServiceCollectionExtensions
{
    /// <summary>Registers <see cref="AttentionFactoryClient"/> with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (at least <c>ApiKey</c>).</param>
    public static IHttpClientBuilder AddAttentionFactoryClient(this IServiceCollection services, Action<AttentionFactoryClientOptions>? configure = null) => services.AddAttentionApiClient(AttentionFactoryClient.Profile, configure, Create);

    /// <summary>
    /// Registers <see cref="AttentionFactoryClient"/> with every option bound from configuration (for example the <c>AttentionFactory</c>
    /// section: <c>ApiKey</c>, <c>BaseAddress</c>, <c>Timeout</c>, <c>MaxRetries</c>... and <c>RentalActivationPolling:Timeout</c>-style
    /// polling keys; docs/configuration.md lists them). A key that is not a setting or a value that cannot be read fails start-up naming the key.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    public static IHttpClientBuilder AddAttentionFactoryClient(this IServiceCollection services, IConfiguration configuration) => services.AddAttentionApiClient<AttentionFactoryClient, AttentionFactoryClientOptions>(AttentionFactoryClient.Profile, configuration, Create);

    private static AttentionFactoryClient Create(HttpClient http, AttentionFactoryClientOptions options, IServiceProvider services) => new(http, options);
}
