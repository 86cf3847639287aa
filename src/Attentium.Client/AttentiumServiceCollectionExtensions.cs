using Attention.Sdk.DependencyInjection;
using Attentium;
using Attentium.Solana;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="AttentiumClient"/> with <see cref="IHttpClientFactory"/>.</summary>
public static class AttentiumServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AttentiumClient"/> (transient, over a pooled <see cref="HttpClient"/> with the SDK's handlers). A
    /// <see cref="SolanaRpcClient"/> registered in the container is used for payments; otherwise each client creates one for the
    /// configured cluster. Register a durable <see cref="Attentium.Payments.IPaymentLedger"/> through the options to survive restarts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (cluster, RPC endpoint, treasury, ...).</param>
    public static IHttpClientBuilder AddAttentiumClient(this IServiceCollection services, Action<AttentiumClientOptions>? configure = null) =>
        services.AddAttentionApiClient<AttentiumClient, AttentiumClientOptions>(
            AttentiumClient.Profile,
            configure is null ? null : builder => builder.Configure(configure),
            static (http, options, provider) => new AttentiumClient(http, options, provider.GetService<SolanaRpcClient>()));

    /// <summary>
    /// Registers <see cref="AttentiumClient"/> with options bound from configuration (for example the <c>Attentium</c> section:
    /// <c>BaseAddress</c>, <c>Timeout</c>, <c>Cluster</c> (<c>MainnetBeta</c>, <c>Devnet</c>, <c>Custom</c>), <c>RpcEndpoint</c>,
    /// <c>UsdcMint</c>, <c>EscrowProgramId</c>, <c>Treasury</c>, <c>Commitment</c>, <c>ConfirmationTimeout</c>, <c>ClaimSignatureEncoding</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    public static IHttpClientBuilder AddAttentiumClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddAttentionApiClient<AttentiumClient, AttentiumClientOptions>(
            AttentiumClient.Profile,
            builder => builder.Configure(options => AttentiumOptionsConfiguration.Bind(configuration, options)),
            static (http, options, provider) => new AttentiumClient(http, options, provider.GetService<SolanaRpcClient>()));
    }
}

/// <summary>Binds <see cref="AttentiumClientOptions"/> from configuration without reflection.</summary>
internal static class AttentiumOptionsConfiguration
{
    public static void Bind(IConfiguration configuration, AttentiumClientOptions options)
    {
        AttentionClientOptionsBinder.Bind(configuration, options);
        if (Enum.TryParse<SolanaCluster>(configuration["Cluster"]?.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var cluster))
        {
            options.Cluster = cluster;
        }

        if (Uri.TryCreate(configuration["RpcEndpoint"], UriKind.Absolute, out var rpc))
        {
            options.RpcEndpoint = rpc;
        }

        options.UsdcMint = Key(configuration["UsdcMint"]) ?? options.UsdcMint;
        options.EscrowProgramId = Key(configuration["EscrowProgramId"]) ?? options.EscrowProgramId;
        options.Treasury = Key(configuration["Treasury"]) ?? options.Treasury;
        if (Enum.TryParse<Commitment>(configuration["Commitment"], ignoreCase: true, out var commitment))
        {
            options.Commitment = commitment;
        }

        options.ConfirmationTimeout = AttentionClientOptionsBinder.ReadDuration(configuration, "ConfirmationTimeout") ?? options.ConfirmationTimeout;
        if (Enum.TryParse<Attentium.Claims.ClaimSignatureEncoding>(configuration["ClaimSignatureEncoding"], ignoreCase: true, out var encoding))
        {
            options.ClaimSignatureEncoding = encoding;
        }
    }

    private static PublicKey? Key(string? text) => string.IsNullOrWhiteSpace(text) ? null : PublicKey.Parse(text.Trim());
}
