using System.Diagnostics.CodeAnalysis;
using Attention.Sdk.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Attention.Sdk.DependencyInjection;

/// <summary>
/// Registers an Attention SDK client with <see cref="IHttpClientFactory"/>. API packages call this from their own
/// <c>AddXxxClient</c> methods; it returns the <see cref="IHttpClientBuilder"/> so applications can add their own handlers
/// (they run inside the SDK's handlers, per attempt). Handlers added for every client through <c>ConfigureHttpClientDefaults</c>
/// (for example <c>AddStandardResilienceHandler</c> from .NET Aspire service defaults) are not applied to SDK clients: they would
/// retry on their own inside the SDK's pipeline, repeating calls the server does not de-duplicate. The factory's per-request
/// logging handlers are removed too; the SDK logs each attempt itself.
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
        // The SDK logs each attempt itself (with redaction); the factory's own per-request logging handlers would only repeat it.
        builder.RemoveAllLoggers();
        builder.ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
        {
            // Handlers already in the list come from ConfigureHttpClientDefaults (applied before any client's own configuration):
            // an app-wide resilience handler there would sit inside the SDK's pipeline and retry each attempt on its own,
            // repeating non-idempotent calls and multiplying attempts. The SDK owns retries, timeouts and idempotency for its
            // clients, so app-wide defaults are dropped; handlers added to the builder this method returns are kept (they run
            // once per attempt, inside the SDK's handlers).
            handlers.Clear();
            var sdkHandlers = AttentionPipeline.CreateHandlers(profile, provider.GetRequiredService<IOptions<TOptions>>().Value);
            for (var i = 0; i < sdkHandlers.Count; i++)
            {
                handlers.Insert(i, sdkHandlers[i]);
            }
        });
        return builder;
    }
}
