using Attention.Sdk.DependencyInjection;
using Attentium;
using Attentium.Payments;
using Attentium.Solana;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="AttentiumClient"/> with <see cref="IHttpClientFactory"/>.</summary>
public static class AttentiumServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AttentiumClient"/> through the SDK's one registration path: a singleton over a pooled
    /// <see cref="HttpClient"/> with the SDK's handlers, whose Solana RPC client, transaction inspector and payment ledger are one per
    /// container (a singleton disposed with it), so concurrent requests never pay the same campaign twice. A <see cref="SolanaRpcClient"/> registered in the container is used for payments;
    /// otherwise one is created for the configured cluster. The options are validated when the host starts
    /// (<see cref="OptionsValidationException"/> naming the setting). Register a durable <see cref="IPaymentLedger"/> through the
    /// options to survive restarts: the in-memory default logs a warning.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (cluster, RPC endpoint, treasury, ...).</param>
    public static IHttpClientBuilder AddAttentiumClient(this IServiceCollection services, Action<AttentiumClientOptions>? configure = null) =>
        services.AddPaymentServices().AddAttentionApiClient(AttentiumClient.Profile, configure, Create);

    /// <summary>
    /// Registers <see cref="AttentiumClient"/> as <see cref="AddAttentiumClient(IServiceCollection, Action{AttentiumClientOptions})"/>
    /// does, with options bound from configuration (for example the <c>Attentium</c> section: <c>BaseAddress</c>, <c>Timeout</c>,
    /// <c>Cluster</c> (<c>MainnetBeta</c> or <c>mainnet-beta</c>, <c>Devnet</c>, <c>Custom</c>), <c>RpcEndpoint</c>, <c>UsdcMint</c>,
    /// <c>EscrowProgramId</c>, <c>Treasury</c>, <c>Commitment</c>, <c>ConfirmationTimeout</c>, <c>ClaimSignatureEncoding</c>). A value
    /// that cannot be read, or a key that is not a setting, fails start-up with an <see cref="OptionsValidationException"/> naming the
    /// key; it never falls back to a default.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    public static IHttpClientBuilder AddAttentiumClient(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPaymentServices().AddAttentionApiClient<AttentiumClient, AttentiumClientOptions>(AttentiumClient.Profile, configuration, Create);

    private static IServiceCollection AddPaymentServices(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // One per registration (the client type has one registration name): created with the client, disposed with the container.
        services.TryAddSingleton(static provider => AttentiumPaymentServices.Create(
            provider.GetRequiredService<IOptions<AttentiumClientOptions>>().Value,
            provider.GetService<SolanaRpcClient>(),
            shared: true,
            provider.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        return services;
    }

    private static AttentiumClient Create(HttpClient http, AttentiumClientOptions options, IServiceProvider services) =>
        new(http, options, services.GetRequiredService<AttentiumPaymentServices>());
}
