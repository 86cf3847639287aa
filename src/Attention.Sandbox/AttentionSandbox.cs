using System.Net;
using Attention.Sandbox.Attentium;
using Attention.Sandbox.AutoPersonas;
using Attention.Sandbox.Solana;
using Attentium.Solana;
using Attention.Sandbox.Factory;
using AttentionFactory;
using AutoPersonas;
using Attentium;
using Attention.Sdk.Polling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Attention.Sandbox;

/// <summary>
/// An in-process, stateful emulator of the Attention Factory, Attentium and AutoPersonas APIs on Kestrel, bound to
/// 127.0.0.1 on a free port. Start it with <see cref="StartAsync"/>, point the clients at the addresses it hands back,
/// and dispose it when done. Meant for demos and for your own integration tests (like stripe-mock, but in-process).
/// </summary>
public sealed class AttentionSandbox : IAsyncDisposable
{
    /// <summary>An Attention Factory test key the sandbox accepts (any <c>af_test_sk_</c>/<c>af_live_sk_</c> key works; each key is its own account).</summary>
    public const string FactoryApiKey = "af_test_sk_sandbox";

    /// <summary>An AutoPersonas key with every scope (any <c>ap_live_</c> key works; see <see cref="CreateAutoPersonasKey"/> for scoped keys).</summary>
    public const string AutoPersonasApiKey = "ap_live_sandbox";

    private readonly WebApplication _app;
    private readonly FactoryEmulator _factory;
    private readonly AutoPersonasEmulator _autoPersonas;
    private readonly AttentiumEmulator _attentium;
    private readonly SandboxLedger _ledger;
    private readonly HttpClient _webhookHttp;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _ticker;

    private AttentionSandbox(WebApplication app, Uri baseAddress, FactoryEmulator factory, AutoPersonasEmulator autoPersonas, AttentiumEmulator attentium, SandboxLedger ledger, HttpClient webhookHttp, AttentionSandboxOptions options)
    {
        _app = app;
        BaseAddress = baseAddress;
        _factory = factory;
        _autoPersonas = autoPersonas;
        _attentium = attentium;
        _ledger = ledger;
        _webhookHttp = webhookHttp;
        Options = options;
        _ticker = TickAsync(_stopping.Token);
    }

    /// <summary>The sandbox's root address, for example <c>http://127.0.0.1:53817/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The settings the sandbox runs with.</summary>
    public AttentionSandboxOptions Options { get; }

    /// <summary>The Attention Factory base address (use it as the client's <c>BaseAddress</c>).</summary>
    public Uri AttentionFactoryBaseAddress => new(BaseAddress, "factory/v1/");

    /// <summary>
    /// Ready Attention Factory client options pointing at the sandbox, with polling intervals suited to its timings.
    /// Each call returns a new options object; a different <paramref name="apiKey"/> is a separate account with its own balance.
    /// </summary>
    public AttentionFactoryClientOptions CreateAttentionFactoryOptions(string apiKey = FactoryApiKey)
    {
        var polling = FastPolling();
        return new AttentionFactoryClientOptions
        {
            BaseAddress = AttentionFactoryBaseAddress,
            ApiKey = apiKey,
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
            RentalActivationPolling = polling,
            ActionCompletionPolling = polling,
            PostAnalyticsPolling = polling,
            TimeProvider = Options.TimeProvider,
        };
    }

    /// <summary>The Attentium base address (use it as the client's <c>BaseAddress</c>).</summary>
    public Uri AttentiumBaseAddress => new(BaseAddress, "attentium/v1/");

    /// <summary>The sandbox's Solana JSON-RPC endpoint (standard methods; see <see cref="FundSolanaWallet"/> to fund a wallet).</summary>
    public Uri SolanaRpcAddress => new(BaseAddress, "solana");

    /// <summary>The sandbox's USDC-like mint (SPL Token, 6 decimals).</summary>
    public PublicKey UsdcMint => _ledger.Mint;

    /// <summary>The Attentium treasury (memo-flow payments go to its USDC account; claims are paid from it).</summary>
    public PublicKey AttentiumTreasury => _attentium.Treasury.PublicKey;

    /// <summary>
    /// The emulated Attentium escrow program. An agent's escrow is the PDA <c>["escrow", agent]</c> of this program and its vault
    /// that PDA's USDC associated token account; invoices deposit into it with <c>deposit_escrow</c>, refunds withdraw with
    /// <c>withdraw_escrow</c>. <see cref="CreateAttentiumOptions"/> sets it as <c>EscrowProgramId</c>.
    /// </summary>
    public static PublicKey AttentiumEscrowProgramId => SandboxEscrowProgram.ProgramId;

    /// <summary>An agent's escrow vault: the USDC account of its escrow PDA, where its campaign deposits go.</summary>
    public PublicKey GetAttentiumEscrowVault(PublicKey agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return SandboxEscrowProgram.VaultAddress(agent, _ledger.Mint);
    }

    /// <summary>The USDC balance of a token account (for example an escrow vault) on the sandbox ledger; 0 when it does not exist.</summary>
    public decimal GetUsdcAccountBalance(PublicKey tokenAccount)
    {
        ArgumentNullException.ThrowIfNull(tokenAccount);
        return _ledger.GetTokenAccount(tokenAccount) is { } account ? Usdc.FromBaseUnits(account.Amount) : 0m;
    }

    /// <summary>
    /// The sandbox's Solana PubSub WebSocket (<c>signatureSubscribe</c>, <c>accountSubscribe</c>, <c>slotSubscribe</c>); pass it as
    /// <c>wsEndpoint</c> to @solana/web3.js, whose default (the RPC port + 1) does not apply here.
    /// </summary>
    public Uri SolanaWebSocketAddress => new UriBuilder(SolanaRpcAddress) { Scheme = "ws" }.Uri;

    /// <summary>
    /// When true, <c>/verify</c> answers with a memo-flow invoice (pay the treasury with a memo of the campaign id) instead of
    /// attaching a deposit transaction. Default: false.
    /// </summary>
    public bool AttentiumMemoMode
    {
        get => _attentium.MemoMode;
        set => _attentium.MemoMode = value;
    }

    /// <summary>
    /// Ready Attentium client options pointing at the sandbox: its API, its Solana JSON-RPC endpoint, its USDC mint and treasury,
    /// with inspection on (as in production) and polling suited to its timings.
    /// </summary>
    public AttentiumClientOptions CreateAttentiumOptions() => new()
    {
        BaseAddress = AttentiumBaseAddress,
        Cluster = SolanaCluster.Custom,
        RpcEndpoint = SolanaRpcAddress,
        UsdcMint = UsdcMint,
        EscrowProgramId = AttentiumEscrowProgramId,
        Treasury = AttentiumTreasury,
        ConfirmationPollInterval = TimeSpan.FromMilliseconds(100),
        ConfirmationTimeout = TimeSpan.FromSeconds(30),
        ResultsPolling = FastPolling(),
        Inspection = new TransactionInspectionOptions { UsdcMint = UsdcMint, EscrowProgramId = AttentiumEscrowProgramId },
        RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        TimeProvider = Options.TimeProvider,
    };

    /// <summary>Gives a wallet SOL (for fees and rent) and USDC (in its associated token account) on the sandbox ledger.</summary>
    public void FundSolanaWallet(PublicKey owner, decimal sol, decimal usdc)
    {
        ArgumentNullException.ThrowIfNull(owner);
        _ledger.Airdrop(owner, (ulong)(sol * 1_000_000_000m));
        _ledger.MintTo(owner, Usdc.ToBaseUnits(usdc));
    }

    /// <summary>A wallet's USDC balance on the sandbox ledger (0 when it has no token account).</summary>
    public decimal GetUsdcBalance(PublicKey owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return _ledger.GetTokenAccount(PublicKey.GetAssociatedTokenAddress(owner, _ledger.Mint)) is { } account ? Usdc.FromBaseUnits(account.Amount) : 0m;
    }

    /// <summary>The memo texts of a transaction the sandbox ledger executed (empty when unknown).</summary>
    public IReadOnlyList<string> GetTransactionMemos(string signature) => _ledger.GetProcessed(signature)?.Memos ?? [];

    /// <summary>How many transactions the sandbox ledger has executed that carry the given memo (proves a payment happened once).</summary>
    public int CountTransactionsWithMemo(string memo) => _ledger.CountWithMemo(memo);

    /// <summary>The AutoPersonas base address (use it as the client's <c>BaseAddress</c>).</summary>
    public Uri AutoPersonasBaseAddress => new(BaseAddress, "autopersonas/api/v1/");

    /// <summary>Starts the sandbox on 127.0.0.1 and a free port.</summary>
    /// <param name="options">Timings and balances; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<AttentionSandbox> StartAsync(AttentionSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AttentionSandboxOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();

        var webhookHttp = new HttpClient();
        var factory = new FactoryEmulator(options, new FactoryWebhookDispatcher(webhookHttp));
        factory.Map(app);
        var autoPersonas = new AutoPersonasEmulator(options);
        autoPersonas.Map(app);
        var ledger = new SandboxLedger();
        app.UseWebSockets();
        new SandboxRpcEndpoint(new SandboxRpcMethods(ledger)).Map(app);
        var attentium = new AttentiumEmulator(ledger, options);
        attentium.Map(app);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AttentionSandbox(app, new Uri(address.TrimEnd('/') + "/"), factory, autoPersonas, attentium, ledger, webhookHttp, options);
    }

    /// <summary>Turns a warming Attention Factory rental active now instead of after <see cref="AttentionSandboxOptions.RentalActivationDelay"/>.</summary>
    /// <returns>False when no warming rental has that id.</returns>
    public bool ActivateRental(string rentalId) => _factory.ActivateNow(rentalId);

    /// <summary>
    /// Ready AutoPersonas client options pointing at the sandbox, with polling intervals suited to its timings.
    /// The default key has every scope; pass one from <see cref="CreateAutoPersonasKey"/> to try scope errors.
    /// </summary>
    public AutoPersonasClientOptions CreateAutoPersonasOptions(string apiKey = AutoPersonasApiKey)
    {
        var polling = FastPolling();
        return new AutoPersonasClientOptions
        {
            BaseAddress = AutoPersonasBaseAddress,
            ApiKey = apiKey,
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
            BatchPolling = polling,
            PublishPolling = polling,
            ImportPolling = polling,
            TimeProvider = Options.TimeProvider,
        };
    }

    /// <summary>Creates an AutoPersonas key that holds only the given scopes (for example <c>content:read</c>), to try scope errors.</summary>
    public string CreateAutoPersonasKey(params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var key = "ap_live_sandbox_" + Guid.NewGuid().ToString("N")[..12];
        _autoPersonas.AddKey(key, scopes.Length == 0 ? ["none"] : scopes);
        return key;
    }

    private static PollingOptions FastPolling() =>
        new() { Interval = TimeSpan.FromMilliseconds(100), MaxInterval = TimeSpan.FromMilliseconds(500), Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>Stops the server and its background work.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _ticker.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _webhookHttp.Dispose();
        _stopping.Dispose();
    }

    // Time-driven transitions (activation, action progress) fire webhooks even when nobody polls.
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100), Options.TimeProvider);
        var ticks = 0;
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            _factory.AdvanceAll();

            // A block every 400 ms, as on Solana, so blockhashes age and expire.
            if (++ticks % 4 == 0)
            {
                _ledger.Tick();
            }
        }
    }
}
