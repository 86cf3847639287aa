using Attention.Sdk;
using Attention.Sdk.Http;
using Attentium.Campaigns;
using Attentium.Claims;
using Attentium.Market;
using Attentium.Payments;
using Attentium.Refunds;
using Attentium.Results;
using Attentium.Solana;

namespace Attentium;

/// <summary>
/// The Attentium API client: pay humans in USDC on Solana to verify content. <see cref="Market"/> (quote, order book),
/// <see cref="Campaigns"/> (paid campaigns that never pay twice), <see cref="Results"/>, <see cref="Refunds"/> and
/// <see cref="Claims"/>. Server-built transactions are always inspected before the SDK signs them (see
/// <see cref="TransactionInspector"/>). The API needs no key; POSTs are never retried after an ambiguous failure. Thread-safe;
/// create one and reuse it (or register it with <c>services.AddAttentiumClient(...)</c>). Members are virtual for mocking.
/// </summary>
public class AttentiumClient : IDisposable
{
    /// <summary>What the shared pipeline needs to know about this API: no API key, no idempotency keys (POSTs are not retried after ambiguous failures).</summary>
    internal static readonly ApiProfile Profile = new("attentium", new Uri("https://api.attentium.ai/v1"))
    {
        HonoursIdempotencyKeys = false,
        RequiresApiKey = false,
    };

    private readonly SolanaRpcClient? _ownedRpc;

    /// <summary>Creates a client with its own <see cref="HttpClient"/> and its own Solana RPC client for <see cref="AttentiumClientOptions.ResolveRpcEndpoint"/>.</summary>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentException">A setting is invalid (the message names it).</exception>
    public AttentiumClient(AttentiumClientOptions options)
        : this(AttentionPipeline.CreateHttpClient(Profile, Validated(options)), options, null)
    {
    }

    /// <summary>Creates a client that talks to Solana through <paramref name="solanaRpc"/> (yours to configure and dispose).</summary>
    /// <param name="options">The settings.</param>
    /// <param name="solanaRpc">The Solana JSON-RPC client payments are sent and confirmed with.</param>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public AttentiumClient(AttentiumClientOptions options, SolanaRpcClient solanaRpc)
        : this(AttentionPipeline.CreateHttpClient(Profile, Validated(options)), options, solanaRpc ?? throw new ArgumentNullException(nameof(solanaRpc)))
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> that already carries the SDK's handlers (the DI path).</summary>
    internal AttentiumClient(HttpClient httpClient, AttentiumClientOptions options, SolanaRpcClient? solanaRpc)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(Profile);
        Options = options;
        if (solanaRpc is null)
        {
            var rpcOptions = new SolanaRpcClientOptions
            {
                Endpoint = options.ResolveRpcEndpoint(),
                Commitment = options.Commitment,
                ConfirmationPollInterval = options.ConfirmationPollInterval,
            };

            // The node gets the same retry and timeout settings, and the same clock, as the Attentium API.
            rpcOptions.CopyResilienceSettingsFrom(options);
            _ownedRpc = new SolanaRpcClient(rpcOptions);
            solanaRpc = _ownedRpc;
        }

        SolanaRpc = solanaRpc;
        Inspector = new TransactionInspector(options.BuildInspectionOptions(), solanaRpc);
        PaymentLedger = options.PaymentLedger ?? new InMemoryPaymentLedger();
        var connection = new ApiConnection(httpClient, Profile, options, new ApiExceptionFactory { Custom = AttentiumErrors.Map });
        var payments = new SolanaPayments(solanaRpc, Inspector, PaymentLedger, options);
        Market = new MarketClient(connection);
        Campaigns = new CampaignsClient(connection, payments, options);
        Results = new ResultsClient(connection, options);
        Refunds = new RefundsClient(connection, payments);
        Claims = new ClaimsClient(connection, payments, options);
    }

    /// <summary>For mocking: every group property is virtual.</summary>
    protected AttentiumClient()
    {
        Options = null!;
        SolanaRpc = null!;
        Inspector = null!;
        PaymentLedger = null!;
        Market = null!;
        Campaigns = null!;
        Results = null!;
        Refunds = null!;
        Claims = null!;
    }

    /// <summary>The settings.</summary>
    public AttentiumClientOptions Options { get; }

    /// <summary>The Solana JSON-RPC client payments go through.</summary>
    public virtual SolanaRpcClient SolanaRpc { get; }

    /// <summary>The inspector every server-built transaction passes before signing.</summary>
    public virtual TransactionInspector Inspector { get; }

    /// <summary>The ledger payments are recorded in before they are sent.</summary>
    public virtual IPaymentLedger PaymentLedger { get; }

    /// <summary>Market data: oracle quote and order book.</summary>
    public virtual MarketClient Market { get; }

    /// <summary>Paid campaigns: create in one call, or step by step; resume after a crash.</summary>
    public virtual CampaignsClient Campaigns { get; }

    /// <summary>Campaign results behind the read key, and a wait helper.</summary>
    public virtual ResultsClient Results { get; }

    /// <summary>Campaign state and escrow refunds.</summary>
    public virtual RefundsClient Refunds { get; }

    /// <summary>Worker claims: balance, signed withdrawal, submit.</summary>
    public virtual ClaimsClient Claims { get; }

    /// <summary>Disposes the Solana RPC client if this client created it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the Solana RPC client if this client created it.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedRpc?.Dispose();
        }
    }

    private static AttentiumClientOptions Validated(AttentiumClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(Profile);
        return options;
    }
}
