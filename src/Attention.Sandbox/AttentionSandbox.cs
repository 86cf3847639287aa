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
public sealed class AttentionSandbox : IAsyncDisposable
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
        // The ticker must not carry the starting caller's execution context (its Activity.Current), or webhook sends would
        // join the caller's trace.
        using (ExecutionContext.SuppressFlow())
        {
            _ticker = Task.Run(() => TickAsync(_stopping.Token));
        }
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

    /// <summary>The owner of the Attentium escrow token account; it co-signs refund transactions.</summary>
    public PublicKey AttentiumEscrowAuthority => _attentium.EscrowAuthority.PublicKey;

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
        Treasury = AttentiumTreasury,
        ConfirmationPollInterval = TimeSpan.FromMilliseconds(100),
        ConfirmationTimeout = TimeSpan.FromSeconds(30),
        ResultsPolling = FastPolling(),
        Inspection = new TransactionInspectionOptions { UsdcMint = UsdcMint },
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
        SandboxHost.ConfigureServices(builder.Services);
        var app = builder.Build();
        SandboxHost.UseMiddleware(app);

        var webhookHttp = new HttpClient();
        var factory = new FactoryEmulator(options, new FactoryWebhookDispatcher(webhookHttp));
        factory.Map(app);
        factory.AddAccount(FactoryApiKey, options.StartingCredits);
        var autoPersonas = new AutoPersonasEmulator(options);
        autoPersonas.Map(app);
        autoPersonas.AddKey(AutoPersonasApiKey, []);
        var ledger = new SandboxLedger();
        new SandboxRpcEndpoint(ledger).Map(app);
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

    /// <summary>
    /// Creates an AutoPersonas account and returns its key, holding only the given scopes (for example <c>content:read</c>)
    /// or, with none given, every scope. The account's influencers, content and jobs are seen by its own keys only.
    /// </summary>
    public string CreateAutoPersonasKey(params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var key = NewKey("ap_live_sandbox_");
        _autoPersonas.AddKey(key, scopes);
        return key;
    }

    /// <summary>
    /// Creates another key of the account that <paramref name="accountKey"/> belongs to, holding only the given scopes (every
    /// scope when none are given): it sees and changes the same influencers and content, within its scopes.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="accountKey"/> is not a registered AutoPersonas key.</exception>
    public string AddAutoPersonasKey(string accountKey, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(accountKey);
        ArgumentNullException.ThrowIfNull(scopes);
        var key = NewKey("ap_live_sandbox_");
        return _autoPersonas.AddKey(key, scopes, accountKey) ? key : throw new ArgumentException("That is not a registered AutoPersonas key.", nameof(accountKey));
    }

    /// <summary>
    /// Creates an Attention Factory account holding <paramref name="credits"/> (default <see cref="AttentionSandboxOptions.StartingCredits"/>)
    /// and returns its key: <paramref name="apiKey"/> when given (it must start with <c>af_test_sk_</c> or <c>af_live_sk_</c>,
    /// for example the key your app reads from configuration), otherwise a new <c>af_test_sk_</c> key.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> has the wrong prefix or is already registered.</exception>
    public string CreateAttentionFactoryKey(decimal? credits = null, string? apiKey = null)
    {
        var key = apiKey ?? NewKey("af_test_sk_");
        if (!key.StartsWith("af_test_sk_", StringComparison.Ordinal) && !key.StartsWith("af_live_sk_", StringComparison.Ordinal))
        {
            throw new ArgumentException("An Attention Factory key starts with af_test_sk_ or af_live_sk_.", nameof(apiKey));
        }

        return _factory.AddAccount(key, credits ?? Options.StartingCredits) ? key : throw new ArgumentException("That key is already registered.", nameof(apiKey));
    }

    /// <summary>Adds credits to the Attention Factory account of <paramref name="apiKey"/> (recorded as a <c>top_up</c> transaction).</summary>
    /// <returns>False when the key is not registered.</returns>
    public bool AddAttentionFactoryCredits(string apiKey, decimal credits)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return _factory.AddCredits(apiKey, credits);
    }

    /// <summary>Revokes an Attention Factory or AutoPersonas key: from now on it gets 401, like a key revoked on the dashboard.</summary>
    /// <returns>False when the key was not registered.</returns>
    public bool RevokeApiKey(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return _factory.RevokeKey(apiKey) | _autoPersonas.RevokeKey(apiKey);
    }

    private static string NewKey(string prefix) => prefix + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

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
