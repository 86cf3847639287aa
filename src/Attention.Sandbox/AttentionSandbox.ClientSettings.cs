using System.Globalization;
using Attention.Sdk;
using Attention.Sdk.Polling;
using AttentionFactory;
using Attentium;
using Attentium.Solana;
using AutoPersonas;

namespace Attention.Sandbox;

/// <summary>
/// The settings the three clients need to use the sandbox, three ways: ready options objects, options applied onto your own
/// (what the <c>AddAttentionSandboxClients</c> container helper does), and configuration key/values for the clients' own
/// configuration binding (<c>AddInMemoryCollection</c>).
/// </summary>
public sealed partial class AttentionSandbox
{
    /// <summary>
    /// Ready Attention Factory client options pointing at the sandbox, with polling intervals suited to its timings.
    /// Each call returns a new options object; use a key from <see cref="CreateAttentionFactoryKey"/> for a separate account.
    /// </summary>
    public AttentionFactoryClientOptions CreateAttentionFactoryOptions(string apiKey = FactoryApiKey)
    {
        var options = new AttentionFactoryClientOptions();
        ApplyAttentionFactoryOptions(options, apiKey);
        return options;
    }

    /// <summary>Sets every sandbox-dependent setting on existing Attention Factory options (address, key, retry delay, polling, clock); others stay.</summary>
    public void ApplyAttentionFactoryOptions(AttentionFactoryClientOptions options, string apiKey = FactoryApiKey)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(apiKey);
        ApplyShared(options, AttentionFactoryBaseAddress, apiKey);
        options.RentalActivationPolling = FastPolling();
        options.ActionCompletionPolling = FastPolling();
        options.PostAnalyticsPolling = FastPolling();
    }

    /// <summary>
    /// Ready Attentium client options pointing at the sandbox: its API, its Solana JSON-RPC endpoint, its USDC mint and treasury,
    /// with inspection on (as in production) and polling suited to its timings.
    /// </summary>
    public AttentiumClientOptions CreateAttentiumOptions()
    {
        var options = new AttentiumClientOptions();
        ApplyAttentiumOptions(options);
        return options;
    }

    /// <summary>
    /// Sets every sandbox-dependent setting on existing Attentium options: address, cluster and RPC endpoint, mint, treasury,
    /// escrow program, confirmation timing, results polling, inspection's mint and escrow program, retry delay and clock; others (a payment ledger, the commitment) stay.
    /// </summary>
    public void ApplyAttentiumOptions(AttentiumClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ApplyShared(options, AttentiumBaseAddress, apiKey: null);
        options.Cluster = SolanaCluster.Custom;
        options.RpcEndpoint = SolanaRpcAddress;
        options.UsdcMint = UsdcMint;
        options.Treasury = AttentiumTreasury;
        options.EscrowProgramId = AttentiumEscrowProgramId;
        options.ConfirmationPollInterval = TimeSpan.FromMilliseconds(100);
        options.ConfirmationTimeout = TimeSpan.FromSeconds(30);
        options.ResultsPolling = FastPolling();
        options.Inspection = new TransactionInspectionOptions { UsdcMint = UsdcMint, EscrowProgramId = AttentiumEscrowProgramId };
    }

    /// <summary>
    /// Ready AutoPersonas client options pointing at the sandbox, with polling intervals suited to its timings.
    /// The default key has every scope; pass one from <see cref="CreateAutoPersonasKey"/> to try scope errors.
    /// </summary>
    public AutoPersonasClientOptions CreateAutoPersonasOptions(string apiKey = AutoPersonasApiKey)
    {
        var options = new AutoPersonasClientOptions();
        ApplyAutoPersonasOptions(options, apiKey);
        return options;
    }

    /// <summary>Sets every sandbox-dependent setting on existing AutoPersonas options (address, key, retry delay, polling, clock); others stay.</summary>
    public void ApplyAutoPersonasOptions(AutoPersonasClientOptions options, string apiKey = AutoPersonasApiKey)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(apiKey);
        ApplyShared(options, AutoPersonasBaseAddress, apiKey);
        options.BatchPolling = FastPolling();
        options.PublishPolling = FastPolling();
        options.ImportPolling = FastPolling();
    }

    /// <summary>
    /// The sandbox's settings as configuration key/values under the clients' own keys, for
    /// <c>configurationBuilder.AddInMemoryCollection(sandbox.GetConfiguration())</c> in front of an app that binds its clients
    /// from configuration (<c>AddAttentionFactoryClient(configuration.GetSection("AttentionFactory"))</c> and the like).
    /// Configuration cannot carry a clock: <c>services.AddAttentionSandboxClients(sandbox)</c> sets that (and everything else) on
    /// the options directly.
    /// </summary>
    /// <param name="attentionFactoryApiKey">The Attention Factory key to configure (default <see cref="FactoryApiKey"/>).</param>
    /// <param name="autoPersonasApiKey">The AutoPersonas key to configure (default <see cref="AutoPersonasApiKey"/>).</param>
    /// <param name="sections">The section names, when your app binds from other ones than <c>AttentionFactory</c>, <c>AutoPersonas</c> and <c>Attentium</c>.</param>
    public IEnumerable<KeyValuePair<string, string?>> GetConfiguration(string attentionFactoryApiKey = FactoryApiKey, string autoPersonasApiKey = AutoPersonasApiKey, SandboxConfigurationSections? sections = null)
    {
        sections ??= new SandboxConfigurationSections();
        var factory = CreateAttentionFactoryOptions(attentionFactoryApiKey);
        var autoPersonas = CreateAutoPersonasOptions(autoPersonasApiKey);
        var attentium = CreateAttentiumOptions();
        var values = new List<KeyValuePair<string, string?>>();
        void Add(string section, string key, string? value) => values.Add(new($"{section}:{key}", value));

        AddShared(values, sections.AttentionFactory, factory);
        AddPolling(values, sections.AttentionFactory, "RentalActivationPolling", factory.RentalActivationPolling);
        AddPolling(values, sections.AttentionFactory, "ActionCompletionPolling", factory.ActionCompletionPolling);
        AddPolling(values, sections.AttentionFactory, "PostAnalyticsPolling", factory.PostAnalyticsPolling);

        AddShared(values, sections.AutoPersonas, autoPersonas);
        AddPolling(values, sections.AutoPersonas, "BatchPolling", autoPersonas.BatchPolling);
        AddPolling(values, sections.AutoPersonas, "PublishPolling", autoPersonas.PublishPolling);
        AddPolling(values, sections.AutoPersonas, "ImportPolling", autoPersonas.ImportPolling);

        AddShared(values, sections.Attentium, attentium);
        Add(sections.Attentium, "Cluster", attentium.Cluster.ToString());
        Add(sections.Attentium, "RpcEndpoint", attentium.RpcEndpoint!.ToString());
        Add(sections.Attentium, "UsdcMint", attentium.UsdcMint!.ToString());
        Add(sections.Attentium, "Treasury", attentium.Treasury!.ToString());
        Add(sections.Attentium, "EscrowProgramId", attentium.EscrowProgramId!.ToString());
        Add(sections.Attentium, "ConfirmationTimeout", Seconds(attentium.ConfirmationTimeout));
        Add(sections.Attentium, "ConfirmationPollInterval", Seconds(attentium.ConfirmationPollInterval));
        AddPolling(values, sections.Attentium, "ResultsPolling", attentium.ResultsPolling);
        return values;
    }

    private void ApplyShared(AttentionClientOptions options, Uri baseAddress, string? apiKey)
    {
        options.BaseAddress = baseAddress;
        if (apiKey is not null)
        {
            options.ApiKey = apiKey;
        }

        options.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
        options.TimeProvider = Options.TimeProvider;
    }

    private static void AddShared(List<KeyValuePair<string, string?>> values, string section, AttentionClientOptions options)
    {
        values.Add(new($"{section}:BaseAddress", options.BaseAddress!.ToString()));
        if (options.ApiKey is { } key)
        {
            values.Add(new($"{section}:ApiKey", key));
        }

        values.Add(new($"{section}:RetryBaseDelay", Seconds(options.RetryBaseDelay)));
    }

    private static void AddPolling(List<KeyValuePair<string, string?>> values, string section, string name, PollingOptions polling)
    {
        values.Add(new($"{section}:{name}:Interval", Seconds(polling.Interval)));
        values.Add(new($"{section}:{name}:MaxInterval", Seconds(polling.MaxInterval)));
        values.Add(new($"{section}:{name}:Timeout", Seconds(polling.Timeout)));
    }

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("R", CultureInfo.InvariantCulture);

    private static PollingOptions FastPolling() =>
        new() { Interval = TimeSpan.FromMilliseconds(100), MaxInterval = TimeSpan.FromMilliseconds(500), Timeout = TimeSpan.FromMinutes(2) };
}
