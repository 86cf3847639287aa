using System.Text.Json.Nodes;
using Attention.Sdk.Testing.Localnet;
using Attention.Sdk.Testing.Tools;
using Attention.Sdk.Testing.WireMock;
using Attentium.Campaigns;
using Attentium.Solana;

namespace Attentium.Client.Tests.Support;

/// <summary>A WireMock scope playing Attentium, the LiteSVM localnet playing Solana, and clients wired to both.</summary>
public abstract class AttentiumTestBase(WireMockServer wiremock, LocalnetServer localnet) : IAsyncDisposable
{
    protected const ulong Sol = 1_000_000_000;
    private readonly List<IDisposable> _disposables = [];

    protected WireMockScope Scope { get; } = wiremock.NewScope();

    protected LocalnetServer Localnet { get; } = localnet;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static CreateCampaignRequest Request(decimal bid = 0.05m, int duration = 30, int quantity = 5) => new()
    {
        Duration = duration,
        Quantity = quantity,
        BidPerSecond = bid,
        ValidationQuestion = "Is this a cat?",
        ContentUrl = "https://example.com/image.png",
    };

    protected AttentiumClient CreateClient(Action<AttentiumClientOptions>? configure = null, PublicKey? mint = null)
    {
        var options = new AttentiumClientOptions
        {
            BaseAddress = new Uri(Scope.BaseUri, "v1/"),
            Cluster = SolanaCluster.Custom,
            RpcEndpoint = Localnet.RpcUri,
            UsdcMint = mint ?? Usdc.DevnetMint,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            ConfirmationPollInterval = TimeSpan.FromMilliseconds(50),
            ConfirmationTimeout = TimeSpan.FromSeconds(20),
        };
        configure?.Invoke(options);
        var client = new AttentiumClient(options);
        _disposables.Add(client);
        return client;
    }

    protected Task StubAsync(StubDefinition stub) => Scope.StubAsync(stub, Ct);

    protected async Task<IReadOnlyList<RecordedRequest>> RequestsAsync() => await Scope.GetRequestsAsync(Ct);

    /// <summary>A fresh agent with 2 SOL and <paramref name="usdcUnits"/> of a fresh 6-decimal mint.</summary>
    protected async Task<(Keypair Agent, PublicKey Mint)> FundedAgentAsync(ulong usdcUnits = 100_000_000)
    {
        var agent = Keypair.Generate();
        await Localnet.AirdropAsync(agent.PublicKey.ToBase58(), 2 * Sol, Ct);
        var mint = PublicKey.Parse(await Localnet.CreateMintAsync(cancellationToken: Ct));
        await Localnet.MintToAsync(agent.PublicKey.ToBase58(), mint.ToBase58(), usdcUnits, Ct);
        return (agent, mint);
    }

    protected async Task<ulong> TokenBalanceAsync(PublicKey owner, PublicKey mint)
    {
        var result = await Localnet.CallAsync("getTokenAccountBalance", [PublicKey.GetAssociatedTokenAddress(owner, mint).ToBase58()], Ct);
        return ulong.Parse(result!["value"]!["amount"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a Node helper from tests/tools with a JSON input and parses its JSON output.</summary>
    protected static async Task<JsonNode> NodeAsync(string script, JsonObject input) =>
        JsonNode.Parse(await NodeScript.RunFileAsync(Path.Combine(TestEnvironment.ToolsDirectory, script), [], input.ToJsonString(), Ct))!;

    public ValueTask DisposeAsync()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        GC.SuppressFinalize(this);
        return Scope.DisposeAsync();
    }
}
