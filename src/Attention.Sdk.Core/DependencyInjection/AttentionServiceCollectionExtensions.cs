using System.Diagnostics.CodeAnalysis;
using Attention.Sdk.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Attention.Sdk.DependencyInjection;

/// <summary>
/// Registers an Attention SDK client with <see cref="IHttpClientFactory"/>. API packages call this from their own
/// <c>AddXxxClient</c> methods; it returns the <see cref="IHttpClientBuilder"/> so applications can add their own handlers
/// (they run inside the SDK's handlers, per attempt).
/// </summary>
public static class AttentionServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TClient"/> as a typed HTTP client whose pipeline is <see cref="AttentionPipeline"/>.</summary>
    /// <typeparam name="TClient">The client type.</typeparam>
    /// <typeparam name="TOptions">The client's options type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="profile">The API's profile.</param>
    /// <param name="configureOptions">Configures the options (for example <c>o =&gt; o.Bind(configuration.GetSection("AttentionFactory"))</c>).</param>
    /// <param name="createClient">Creates the client from the factory-made <see cref="HttpClient"/> and the options.</param>
    public static IHttpClientBuilder AddAttentionApiClient<TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        this IServiceCollection services,
        ApiProfile profile,
        Action<OptionsBuilder<TOptions>>? configureOptions,
        Func<HttpClient, TOptions, IServiceProvider, TClient> createClient)
        where TClient : class
        where TOptions : AttentionClientOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(createClient);
        var optionsBuilder = services.AddOptions<TOptions>();
        configureOptions?.Invoke(optionsBuilder);
        optionsBuilder.PostConfigure<IServiceProvider>((options, provider) => options.LoggerFactory ??= provider.GetService<ILoggerFactory>());

        var name = typeof(TClient).FullName ?? typeof(TClient).Name;
        var builder = services.AddHttpClient(name);
        services.AddTransient(provider => createClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(name),
            provider.GetRequiredService<IOptions<TOptions>>().Value,
            provider));
        builder.ConfigureHttpClient((IServiceProvider provider, HttpClient http) =>
        {
            var options = provider.GetRequiredService<IOptions<TOptions>>().Value;
            http.BaseAddress = options.ResolveBaseAddress(profile);
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        builder.ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
        {
            var sdkHandlers = AttentionPipeline.CreateHandlers(profile, provider.GetRequiredService<IOptions<TOptions>>().Value);
            for (var i = 0; i < sdkHandlers.Count; i++)
            {
                handlers.Insert(i, sdkHandlers[i]);
            }
        });
        return builder;
    }
}
