using Attention.Sdk;
using Attention.Sdk.DependencyInjection;
using Attention.Sdk.Polling;
using Attentium.Claims;
using Attentium.Payments;
using Attentium.Solana;

namespace Attentium;

/// <summary>
/// Settings of an <see cref="AttentiumClient"/>: the HTTP settings shared by every SDK client (base address, timeouts, retries,
/// logging, clock), the Solana cluster the payments go to (RPC endpoint, USDC mint, escrow program, treasury, commitment,
/// confirmation timeout), the inspection of server-built transactions, the payment ledger and the claim signature encoding.
/// The Attentium API needs no API key.
/// </summary>
public sealed class AttentiumClientOptions : AttentionClientOptions
{
    /// <summary>The public mainnet-beta RPC endpoint.</summary>
    public static Uri MainnetBetaRpc { get; } = new("https://api.mainnet-beta.solana.com");

    /// <summary>The public devnet RPC endpoint.</summary>
    public static Uri DevnetRpc { get; } = new("https://api.devnet.solana.com");

    /// <summary>The cluster payments are made on. Default: <see cref="SolanaCluster.MainnetBeta"/>.</summary>
    public SolanaCluster Cluster { get; set; } = SolanaCluster.MainnetBeta;

    /// <summary>
    /// The Solana JSON-RPC endpoint. Required for <see cref="SolanaCluster.Custom"/>; otherwise defaults to the cluster's public
    /// endpoint (set a provider's URL for production traffic).
    /// </summary>
    public Uri? RpcEndpoint { get; set; }

    /// <summary>The USDC mint invoices are paid in. Default: the cluster's USDC (<see cref="Usdc.MainnetMint"/> or <see cref="Usdc.DevnetMint"/>); required for <see cref="SolanaCluster.Custom"/>.</summary>
    public PublicKey? UsdcMint { get; set; }

    /// <summary>The escrow program deposit transactions call (allowed by the inspector, its effect bounded by simulation).</summary>
    public PublicKey? EscrowProgramId { get; set; }

    /// <summary>The treasury wallet the memo flow pays (its USDC associated token account receives the transfer). Required for the memo flow.</summary>
    public PublicKey? Treasury { get; set; }

    /// <summary>The commitment a payment must reach before it is submitted to <c>/verify</c>. Default: <see cref="Commitment.Confirmed"/>.</summary>
    public Commitment Commitment { get; set; } = Commitment.Confirmed;

    /// <summary>The longest wait for a payment (or refund) to be confirmed. Default: 90 seconds.</summary>
    public TimeSpan ConfirmationTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>How often the confirmation loop polls the RPC node. Default: 500 ms.</summary>
    public TimeSpan ConfirmationPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How server-built transactions (deposits, refunds, claims) are checked before signing: allowed programs, SOL allowance,
    /// simulation. Inspection is mandatory; turning it off requires setting <see cref="TransactionInspectionOptions.DisableInspection"/>
    /// here explicitly. The escrow program and USDC mint are taken from these options when not set on the inspection options.
    /// </summary>
    public TransactionInspectionOptions Inspection { get; set; } = new();

    /// <summary>
    /// Where the client records campaign id → payment signature BEFORE sending a payment, so a campaign is never paid twice and a
    /// crash can be resumed. Default: <see langword="null"/>, an in-memory ledger per client (per registration when registered with
    /// <c>AddAttentiumClient</c>, which logs a warning); give a durable one (<see cref="FilePaymentLedger"/>) to survive restarts.
    /// </summary>
    public IPaymentLedger? PaymentLedger { get; set; }

    /// <summary>
    /// The most any single payment may cost, in USDC, whatever the server invoices: an invoice above it is refused with a
    /// <see cref="PaymentCapExceededException"/> before anything is signed. <see cref="Campaigns.CampaignsClient.CreateAsync"/>
    /// also caps at the request's <see cref="Campaigns.CreateCampaignRequest.MaximumCost"/>; the
    /// <see cref="Campaigns.CampaignsClient.PayInvoiceAsync(Campaigns.PaymentInvoice, ISolanaSigner, CancellationToken)"/> overload
    /// without a cap requires this option. Default: <see langword="null"/> (no client-wide cap; the per-call cap applies).
    /// </summary>
    public decimal? MaximumPaymentUsdc { get; set; }

    /// <summary>How the claim-request signature is encoded. Default: <see cref="ClaimSignatureEncoding.Base58"/>.</summary>
    public ClaimSignatureEncoding ClaimSignatureEncoding { get; set; } = ClaimSignatureEncoding.Base58;

    /// <summary>Polling of <see cref="Results.ResultsClient.WaitForCampaignFinishedAsync"/>. Default: every 5 s (growing to 30 s), at most 30 minutes.</summary>
    public PollingOptions ResultsPolling { get; set; } = Polling(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(30));

    /// <summary>The RPC endpoint in use: <see cref="RpcEndpoint"/> or the cluster's public endpoint.</summary>
    /// <exception cref="ArgumentException">A custom cluster has no endpoint.</exception>
    public Uri ResolveRpcEndpoint() => RpcEndpoint ?? Cluster switch
    {
        SolanaCluster.MainnetBeta => MainnetBetaRpc,
        SolanaCluster.Devnet => DevnetRpc,
        _ => throw new ArgumentException($"{nameof(RpcEndpoint)} is required when {nameof(Cluster)} is {nameof(SolanaCluster.Custom)}.", nameof(RpcEndpoint)),
    };

    /// <summary>The USDC mint in use: <see cref="UsdcMint"/> or the cluster's USDC.</summary>
    /// <exception cref="ArgumentException">A custom cluster has no mint.</exception>
    public PublicKey ResolveUsdcMint() => UsdcMint ?? Cluster switch
    {
        SolanaCluster.MainnetBeta => Usdc.MainnetMint,
        SolanaCluster.Devnet => Usdc.DevnetMint,
        _ => throw new ArgumentException($"{nameof(UsdcMint)} is required when {nameof(Cluster)} is {nameof(SolanaCluster.Custom)}.", nameof(UsdcMint)),
    };

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A setting is invalid, or a configuration value could not be read (the message names its key).</exception>
    public override void Validate(ApiProfile profile)
    {
        base.Validate(profile);
        var rpc = ResolveRpcEndpoint();
        if (!rpc.IsAbsoluteUri || (rpc.Scheme != Uri.UriSchemeHttps && rpc.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"{nameof(RpcEndpoint)} must be an absolute http(s) URI.", nameof(RpcEndpoint));
        }

        _ = ResolveUsdcMint();
        if (ConfirmationTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ConfirmationTimeout), ConfirmationTimeout, $"{nameof(ConfirmationTimeout)} must be positive.");
        }

        if (ConfirmationPollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ConfirmationPollInterval), ConfirmationPollInterval, $"{nameof(ConfirmationPollInterval)} must be positive.");
        }

        ArgumentNullException.ThrowIfNull(Inspection, nameof(Inspection));
        ValidatePolling(ResultsPolling, nameof(ResultsPolling));
        if (!Enum.IsDefined(ClaimSignatureEncoding))
        {
            throw new ArgumentOutOfRangeException(nameof(ClaimSignatureEncoding), ClaimSignatureEncoding, "Unknown claim signature encoding.");
        }
    }

    /// <summary>Reads the shared keys, then the Solana, inspection, payment and polling keys (see <see cref="AttentiumOptionsConfiguration"/>).</summary>
    internal override void BindConfiguration(OptionsConfigurationReader reader)
    {
        base.BindConfiguration(reader);
        AttentiumOptionsConfiguration.Bind(reader, this);
    }

    /// <summary>The inspector settings with the escrow program and USDC mint filled in from these options.</summary>
    internal TransactionInspectionOptions BuildInspectionOptions()
    {
        var source = Inspection;
        var built = new TransactionInspectionOptions
        {
            EscrowProgramId = source.EscrowProgramId ?? EscrowProgramId,
            UsdcMint = ResolveUsdcMint(),
            UsdcTokenProgram = source.UsdcTokenProgram,
            SolAllowanceLamports = source.SolAllowanceLamports,
            MaxPriorityFeeLamports = source.MaxPriorityFeeLamports,
            EscrowSeedPrefix = source.EscrowSeedPrefix,
            Treasury = source.Treasury ?? Treasury,
            SimulateBeforeSigning = source.SimulateBeforeSigning,
            DisableInspection = source.DisableInspection,
        };
        foreach (var program in source.AdditionalAllowedPrograms)
        {
            built.AdditionalAllowedPrograms.Add(program);
        }

        return built;
    }
}

/// <summary>The Solana cluster payments are made on.</summary>
public enum SolanaCluster
{
    /// <summary>Mainnet beta: real USDC (<c>EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v</c>).</summary>
    MainnetBeta,

    /// <summary>Devnet: test USDC (<c>4zMMC9srt5Ri5X14GAgXhaHii3GnPAEERYPJgZJDncDU</c>).</summary>
    Devnet,

    /// <summary>Any other endpoint (a local validator, a private cluster): <see cref="AttentiumClientOptions.RpcEndpoint"/> and <see cref="AttentiumClientOptions.UsdcMint"/> are required.</summary>
    Custom,
}
