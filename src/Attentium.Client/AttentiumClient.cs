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
public partial class AttentiumClient : AttentionClientBase<AttentiumClientOptions>
{
    /// <summary>What the shared pipeline needs to know about this API: no API key, no idempotency keys (POSTs are not retried after ambiguous failures).</summary>
    internal static readonly ApiProfile Profile = new("attentium", new Uri("https://api.attentium.ai/v1"))
    {
        HonoursIdempotencyKeys = false,
        RequiresApiKey = false,
    };

    private readonly AttentiumPaymentServices? _ownedPaymentServices;

    /// <summary>Creates a client with its own <see cref="HttpClient"/> and its own Solana RPC client for <see cref="AttentiumClientOptions.ResolveRpcEndpoint"/>.</summary>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentException">A setting is invalid (the message names it).</exception>
    public AttentiumClient(AttentiumClientOptions options)
        : this(AttentionPipeline.CreateHttpClient(Profile, Validated(options)), ownsHttpClient: true, options, sharedPaymentServices: null, solanaRpc: null)
    {
    }

    /// <summary>Creates a client that talks to Solana through <paramref name="solanaRpc"/> (yours to configure and dispose).</summary>
    /// <param name="options">The settings.</param>
    /// <param name="solanaRpc">The Solana JSON-RPC client payments are sent and confirmed with.</param>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public AttentiumClient(AttentiumClientOptions options, SolanaRpcClient solanaRpc)
        : this(AttentionPipeline.CreateHttpClient(Profile, Validated(options)), ownsHttpClient: true, options, sharedPaymentServices: null, solanaRpc ?? throw new ArgumentNullException(nameof(solanaRpc)))
    {
    }

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> that already carries the SDK's handlers (the dependency-injection path) and
    /// payment services shared with the other clients of the same registration. Neither is disposed by this client.
    /// </summary>
    internal AttentiumClient(HttpClient httpClient, AttentiumClientOptions options, AttentiumPaymentServices paymentServices)
        : this(httpClient, ownsHttpClient: false, options, paymentServices ?? throw new ArgumentNullException(nameof(paymentServices)), solanaRpc: null)
    {
    }

    // The one constructor that builds a client; it disposes an owned HttpClient when it fails. sharedPaymentServices: services
    // shared with other clients, or null to create (and own) them, over solanaRpc when the caller gave one.
    private AttentiumClient(HttpClient httpClient, bool ownsHttpClient, AttentiumClientOptions options, AttentiumPaymentServices? sharedPaymentServices, SolanaRpcClient? solanaRpc)
        : base(options ?? throw new ArgumentNullException(nameof(options)), ownsHttpClient ? httpClient : null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        AttentiumPaymentServices paymentServices;
        try
        {
            ArgumentNullException.ThrowIfNull(options);
            options.Validate(Profile);
            paymentServices = sharedPaymentServices ?? AttentiumPaymentServices.Create(options, solanaRpc, shared: false);
        }
        catch
        {
            if (ownsHttpClient)
            {
                httpClient.Dispose();
            }

            throw;
        }

        _ownedPaymentServices = sharedPaymentServices is null ? paymentServices : null;
        SolanaRpc = paymentServices.Rpc;
        Inspector = paymentServices.Inspector;
        PaymentLedger = paymentServices.Ledger;
        var connection = new ApiConnection(httpClient, Profile, options, new ApiExceptionFactory { Custom = AttentiumErrors.Map });
        _api = connection;
        var payments = new SolanaPayments(SolanaRpc, Inspector, PaymentLedger, options);
        Market = new MarketClient(connection);
        Campaigns = new CampaignsClient(connection, payments, options);
        Results = new ResultsClient(connection, options);
        Refunds = new RefundsClient(connection, payments);
        Claims = new ClaimsClient(connection, payments, options);
    }

    /// <summary>For mocking: every group property is virtual.</summary>
    protected AttentiumClient()
    {
        SolanaRpc = null!;
        Inspector = null!;
        PaymentLedger = null!;
        Market = null!;
        Campaigns = null!;
        Results = null!;
        Refunds = null!;
        Claims = null!;
    }

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

    /// <summary>Also disposes the Solana RPC client and payment services if this client created them (not ones it was given or shares).</summary>
    /// <param name="disposing">Whether this is a call to <see cref="AttentionClientBase{TOptions}.Dispose()"/>.</param>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedPaymentServices?.Dispose();
        }

        base.Dispose(disposing);
    }

    private static AttentiumClientOptions Validated(AttentiumClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(Profile);
        return options;
    }
}
