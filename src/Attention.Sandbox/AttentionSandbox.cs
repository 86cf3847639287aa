using System.Net;
using Attention.Sandbox.Attentium;
using Attention.Sandbox.AutoPersonas;
using Attention.Sandbox.Solana;
using Attentium.Solana;
using Attention.Sandbox.Factory;
using Attention.Sandbox.Hosting;
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
public sealed partial class AttentionSandbox : IAsyncDisposable
{
    /// <summary>
    /// The Attention Factory test key registered when the sandbox starts (an account holding
    /// <see cref="AttentionSandboxOptions.StartingCredits"/>). Other keys get 401 until registered with <see cref="CreateAttentionFactoryKey"/>.
    /// </summary>
    public const string FactoryApiKey = "af_test_sk_sandbox";

    /// <summary>
    /// The AutoPersonas key with every scope registered when the sandbox starts. Other keys get 401 until registered with
    /// <see cref="CreateAutoPersonasKey"/> (a new account) or <see cref="AddAutoPersonasKey"/> (another key of an account).
    /// </summary>
    public const string AutoPersonasApiKey = "ap_live_sandbox";

    private readonly WebApplication _app;
    private readonly FactoryEmulator _factory;
    private readonly AutoPersonasEmulator _autoPersonas;
    private readonly AttentiumEmulator _attentium;
    private readonly SandboxLedger _ledger;
    private readonly HttpClient _webhookHttp;
    private readonly FactoryWebhookDispatcher _webhooks;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _ticker;

    private AttentionSandbox(WebApplication app, Uri baseAddress, FactoryEmulator factory, AutoPersonasEmulator autoPersonas, AttentiumEmulator attentium, SandboxLedger ledger, HttpClient webhookHttp, FactoryWebhookDispatcher webhooks, AttentionSandboxOptions options)
    {
        _webhooks = webhooks;
        _app = app;
        BaseAddress = baseAddress;
        _factory = factory;
        _autoPersonas = autoPersonas;
        _attentium = attentium;
        _ledger = ledger;
        _webhookHttp = webhookHttp;
        Options = options;
        // The ticker must not carry the starting caller's execution context (its Activity.Current), or webhook sends would
        // join the caller's trace.
        using (ExecutionContext.SuppressFlow())
        {
            _ticker = Task.Run(() => TickAsync(_stopping.Token));
        }
    }

    /// <summary>The sandbox's root address, for example <c>http://127.0.0.1:53817/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The sandbox host's services (for tests of how it is hosted).</summary>
    internal IServiceProvider Services => _app.Services;

    /// <summary>The settings the sandbox runs with.</summary>
    public AttentionSandboxOptions Options { get; }

    /// <summary>The Attention Factory base address (use it as the client's <c>BaseAddress</c>).</summary>
    public Uri AttentionFactoryBaseAddress => new(BaseAddress, "factory/v1/");

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
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddRoutingCore();
        SandboxHost.ConfigureServices(builder.Services);
        var app = builder.Build();
        SandboxHost.UseMiddleware(app);

        // No trace headers on webhook sends: the receiver's spans must not join whatever trace happened to be current.
        var webhookHttp = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null, PooledConnectionLifetime = TimeSpan.FromMinutes(1) });
        var webhooks = new FactoryWebhookDispatcher(webhookHttp, options);
        var factory = new FactoryEmulator(options, webhooks);
        factory.Map(app);
        factory.AddAccount(FactoryApiKey, options.StartingCredits);
        var autoPersonas = new AutoPersonasEmulator(options);
        autoPersonas.Map(app);
        autoPersonas.AddKey(AutoPersonasApiKey, []);
        var ledger = new SandboxLedger();
        app.UseWebSockets();
        new SandboxRpcEndpoint(new SandboxRpcMethods(ledger)).Map(app);
        var attentium = new AttentiumEmulator(ledger, options);
        attentium.Map(app);
        AttentionSandbox? started = null;
        if (options.EnableControlEndpoints)
        {
            SandboxControlEndpoints.Map(app, () => started ?? throw new InvalidOperationException("The sandbox is still starting."));
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        started = new AttentionSandbox(app, new Uri(address.TrimEnd('/') + "/"), factory, autoPersonas, attentium, ledger, webhookHttp, webhooks, options);
        return started;
    }

    /// <summary>Turns a warming Attention Factory rental active now instead of after <see cref="AttentionSandboxOptions.RentalActivationDelay"/>.</summary>
    /// <returns>False when no warming rental has that id.</returns>
    public bool ActivateRental(string rentalId) => _factory.ActivateNow(rentalId);

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
        _webhooks.Dispose();
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
