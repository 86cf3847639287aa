using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using Attention.Sdk.Telemetry;
using Attention.Sdk.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Attention.Sdk.DependencyInjection;

/// <summary>
/// The one registration path of every Attention SDK client: API packages' <c>AddXxxClient</c> methods call it. It registers the
/// client as a <b>singleton</b> (clients are thread-safe, and a disposable client resolved into a singleton would otherwise live
/// until shutdown anyway) over an <see cref="IHttpClientFactory"/> client whose primary handler is a <see cref="SocketsHttpHandler"/>
/// that recycles its connections (<see cref="SocketsHttpHandler.PooledConnectionLifetime"/>, so DNS changes are seen although the
/// singleton keeps one handler chain; the factory's handler rotation is switched off for it, as the factory's guidance for
/// long-lived clients recommends). The options are bound strictly (<see cref="AttentionClientOptionsBinder"/>) and validated when the
/// host starts (<c>ValidateOnStart</c>): a bad value is an <see cref="OptionsValidationException"/> naming its key.
/// It returns the <see cref="IHttpClientBuilder"/> so applications can add their own handlers (they run inside the SDK's handlers,
/// per attempt). Handlers added for every client through <c>ConfigureHttpClientDefaults</c> (for example
/// <c>AddStandardResilienceHandler</c> from .NET Aspire service defaults) are not applied to SDK clients: they would retry on their
/// own inside the SDK's pipeline, repeating calls the server does not de-duplicate. The factory's per-request logging handlers are
/// removed too; the SDK logs each attempt itself. The duration histogram is recorded on a meter from the container's
/// <see cref="System.Diagnostics.Metrics.IMeterFactory"/> when it has one (disposed with the container), else on the static meter.
/// </summary>
public static class AttentionServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TClient"/> as a singleton over the SDK's pipeline, with options set in code.</summary>
    /// <typeparam name="TClient">The client type.</typeparam>
    /// <typeparam name="TOptions">The client's options type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="profile">The API's profile.</param>
    /// <param name="configure">Sets the options (validated at start-up), or <see langword="null"/> to set them elsewhere (for example with <c>services.Configure</c>).</param>
    /// <param name="createClient">Creates the client from the factory-made <see cref="HttpClient"/> and the options; the client must not dispose that <see cref="HttpClient"/>.</param>
    public static IHttpClientBuilder AddAttentionApiClient<TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        this IServiceCollection services,
        ApiProfile profile,
        Action<TOptions>? configure,
        Func<HttpClient, TOptions, IServiceProvider, TClient> createClient)
        where TClient : class
        where TOptions : AttentionClientOptions =>
        Register(services, profile, configure, createClient);

    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a singleton over the SDK's pipeline, with every option bound from
    /// <paramref name="configuration"/> (see <see cref="AttentionClientOptionsBinder"/>). A missing section, a key that is not a
    /// setting or a value that cannot be read fails start-up with an <see cref="OptionsValidationException"/> naming the key.
    /// </summary>
    /// <typeparam name="TClient">The client type.</typeparam>
    /// <typeparam name="TOptions">The client's options type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="profile">The API's profile.</param>
    /// <param name="configuration">The configuration section holding the options (for example <c>configuration.GetSection("AttentionFactory")</c>).</param>
    /// <param name="createClient">Creates the client from the factory-made <see cref="HttpClient"/> and the options; the client must not dispose that <see cref="HttpClient"/>.</param>
    public static IHttpClientBuilder AddAttentionApiClient<TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        this IServiceCollection services,
        ApiProfile profile,
        IConfiguration configuration,
        Func<HttpClient, TOptions, IServiceProvider, TClient> createClient)
        where TClient : class
        where TOptions : AttentionClientOptions
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Register<TClient, TOptions>(services, profile, options => AttentionClientOptionsBinder.BindRecordingErrors(configuration, options), createClient);
    }

    private static IHttpClientBuilder Register<TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceCollection services,
        ApiProfile profile,
        Action<TOptions>? configure,
        Func<HttpClient, TOptions, IServiceProvider, TClient> createClient)
        where TClient : class
        where TOptions : AttentionClientOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(createClient);
        var optionsBuilder = services.AddOptions<TOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        optionsBuilder.PostConfigure<IServiceProvider>((options, provider) => options.LoggerFactory ??= provider.GetService<ILoggerFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new AttentionClientOptionsValidation<TOptions>(profile)));
        optionsBuilder.ValidateOnStart();

        var name = typeof(TClient).FullName ?? typeof(TClient).Name;
        var builder = services.AddHttpClient(name);
        services.AddSingleton(provider => createClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(name),
            provider.GetRequiredService<IOptions<TOptions>>().Value,
            provider));

        // The singleton keeps its handler chain for the life of the container, so the factory's rotation would never reach it;
        // the primary handler recycles its own connections instead (an app that replaces it should do the same).
        builder.SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        builder.ConfigurePrimaryHttpMessageHandler(SharedSocketsHandler.Create);
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
            // The container's meter factory, when it has one (every host registers it): the meter is then disposed with the container
            // and isolated per container; the instruments' names are the static meter's.
            var meters = provider.GetService<IMeterFactory>();
            var sdkHandlers = AttentionPipeline.CreateHandlers(
                profile,
                provider.GetRequiredService<IOptions<TOptions>>().Value,
                meters is null ? AttentionDiagnostics.Metrics : AttentionMetrics.From(meters));
            for (var i = 0; i < sdkHandlers.Count; i++)
            {
                handlers.Insert(i, sdkHandlers[i]);
            }
        });
        return builder;
    }
}
