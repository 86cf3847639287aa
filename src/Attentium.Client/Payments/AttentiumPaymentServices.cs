using System.Diagnostics.Metrics;
using Attention.Sdk.Telemetry;
using Attentium.Solana;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Attentium.Payments;

/// <summary>
/// What every payment of one configured client goes through: the Solana RPC client, the transaction inspector and the payment
/// ledger. A client built directly owns its own; a client registered with dependency injection shares one per registration, so
/// however many clients the container hands out, a campaign recorded by one is seen by all and is never paid twice.
/// </summary>
internal sealed class AttentiumPaymentServices : IDisposable
{
    private readonly SolanaRpcClient? _ownedRpc;

    private AttentiumPaymentServices(SolanaRpcClient rpc, SolanaRpcClient? ownedRpc, TransactionInspector inspector, IPaymentLedger ledger)
    {
        Rpc = rpc;
        _ownedRpc = ownedRpc;
        Inspector = inspector;
        Ledger = ledger;
    }

    public SolanaRpcClient Rpc { get; }

    public TransactionInspector Inspector { get; }

    public IPaymentLedger Ledger { get; }

    /// <summary>
    /// Builds the services for validated <paramref name="options"/> and logs, once, the cluster payments go to. An RPC client is
    /// created (and owned) unless <paramref name="rpc"/> is given.
    /// </summary>
    /// <param name="options">Validated options.</param>
    /// <param name="rpc">An RPC client to use instead of creating one (not disposed here).</param>
    /// <param name="shared">Whether the services are shared by a dependency-injection registration (then an in-memory ledger is
    /// worth a warning: it is the only record of payments for the whole application, and a restart forgets it).</param>
    /// <param name="meters">The container's meter factory, for the created RPC client's measurements (null: the static meter).</param>
    public static AttentiumPaymentServices Create(AttentiumClientOptions options, SolanaRpcClient? rpc, bool shared, IMeterFactory? meters = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        SolanaRpcClient? owned = null;
        if (rpc is null)
        {
            var rpcOptions = new SolanaRpcClientOptions
            {
                Endpoint = options.ResolveRpcEndpoint(),
                Commitment = options.Commitment,
                ConfirmationPollInterval = options.ConfirmationPollInterval,
            };

            // The node gets the same retry and timeout settings, and the same clock, as the Attentium API.
            rpcOptions.CopyResilienceSettingsFrom(options);
            owned = new SolanaRpcClient(rpcOptions, null, meters is null ? AttentionDiagnostics.Metrics : AttentionMetrics.From(meters));
            rpc = owned;
        }

        try
        {
            var ledger = options.PaymentLedger ?? new InMemoryPaymentLedger();
            var services = new AttentiumPaymentServices(rpc, owned, new TransactionInspector(options.BuildInspectionOptions(), rpc), ledger);
            var logger = options.LoggerFactory?.CreateLogger(PaymentLog.Category) ?? NullLogger.Instance;
            PaymentLog.ClusterInUse(logger, options.Cluster, HostOf(rpc.Options?.Endpoint ?? options.ResolveRpcEndpoint()), options.ResolveUsdcMint().ToBase58(), options.Commitment);
            if (shared && options.PaymentLedger is null)
            {
                PaymentLog.InMemoryLedger(logger);
            }

            return services;
        }
        catch
        {
            owned?.Dispose();
            throw;
        }
    }

    /// <summary>Disposes the RPC client if these services created it.</summary>
    public void Dispose() => _ownedRpc?.Dispose();

    // Scheme, host and port only: a provider's RPC URL often carries an access token in its path or query.
    private static string HostOf(Uri endpoint) => endpoint.IsAbsoluteUri ? endpoint.GetLeftPart(UriPartial.Authority) : "(relative)";
}
