using Attention.Sdk.DependencyInjection;
using AutoPersonas;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="AutoPersonasClient"/> through the SDK's one registration path (<see cref="AttentionServiceCollectionExtensions"/>):
/// a singleton over a pooled <see cref="HttpClient"/> with the SDK's handlers, including the 60-per-minute limiter shared by every
/// client with the same key; options validated when the host starts. Each method returns the <see cref="IHttpClientBuilder"/> so
/// you can add your own handlers.
/// </summary>
public static class AutoPersonasServiceCollectionExtensions
{
    /// <summary>Registers <see cref="AutoPersonasClient"/> with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (at least <c>ApiKey</c>).</param>
    public static IHttpClientBuilder AddAutoPersonasClient(this IServiceCollection services, Action<AutoPersonasClientOptions>? configure = null) => services.AddAttentionApiClient(AutoPersonasClient.Profile, configure, Create);

    /// <summary>
    /// Registers <see cref="AutoPersonasClient"/> with every option bound from configuration (for example the <c>AutoPersonas</c> section:
    /// <c>ApiKey</c>, <c>BaseAddress</c>, <c>Timeout</c>, <c>MaxRetries</c>, <c>RateLimit:PermitLimit</c>, <c>RateLimit:Window</c>,
    /// <c>GrantedScopes</c> (a list or a comma-separated string) and <c>BatchPolling:Timeout</c>-style polling keys; docs/configuration.md
    /// lists them). A key that is not a setting or a value that cannot be read fails start-up naming the key.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    public static IHttpClientBuilder AddAutoPersonasClient(this IServiceCollection services, IConfiguration configuration) => services.AddAttentionApiClient<AutoPersonasClient, AutoPersonasClientOptions>(AutoPersonasClient.Profile, configuration, Create);

    private static AutoPersonasClient Create(HttpClient http, AutoPersonasClientOptions options, IServiceProvider services) => new(http, options);
}
