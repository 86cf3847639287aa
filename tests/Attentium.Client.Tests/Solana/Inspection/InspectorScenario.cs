using Attention.Sdk.Testing.Localnet;
using Attentium.Solana;

namespace Attentium.Client.Tests.Solana.Inspection;

/// <summary>
/// One paying agent on the shared localnet: funded with SOL and 100 USDC of a fresh 6-decimal mint, a server key that builds
/// transactions for it (as the Attentium API does), and an escrow-like treasury.
/// </summary>
internal sealed class InspectorScenario : IDisposable
{
    public const ulong Invoice = 25_000_000; // 25 USDC
    public const string CampaignId = "cmp_8f14e45f";

    private InspectorScenario(LocalnetServer localnet, SolanaRpcClient rpc, Keypair agent, PublicKey mint)
    {
        Localnet = localnet;
        Rpc = rpc;
        Agent = agent;
        Mint = mint;
        AgentUsdc = PublicKey.GetAssociatedTokenAddress(agent.PublicKey, mint);
        TreasuryUsdc = PublicKey.GetAssociatedTokenAddress(Treasury, mint);
    }

    public LocalnetServer Localnet { get; }

    public SolanaRpcClient Rpc { get; }

    public Keypair Agent { get; }

    public Keypair Server { get; } = Keypair.Generate();

    public PublicKey Treasury { get; } = Keypair.Generate().PublicKey;

    public PublicKey Mint { get; }

    public PublicKey AgentUsdc { get; }

    public PublicKey TreasuryUsdc { get; }

    public static async Task<InspectorScenario> CreateAsync(LocalnetServer localnet, CancellationToken cancellationToken)
    {
        var rpc = new SolanaRpcClient(new SolanaRpcClientOptions { Endpoint = localnet.RpcUri, ConfirmationPollInterval = TimeSpan.FromMilliseconds(50) });
        var agent = Keypair.Generate();
        await rpc.RequestAirdropAsync(agent.PublicKey, 1_000_000_000, cancellationToken);
        var mint = PublicKey.Parse(await localnet.CreateMintAsync(cancellationToken: cancellationToken));
        await localnet.MintToAsync(agent.PublicKey.ToBase58(), mint.ToBase58(), 100_000_000, cancellationToken);
        return new InspectorScenario(localnet, rpc, agent, mint);
    }

    public TransactionInspectionOptions Options(Action<TransactionInspectionOptions>? configure = null)
    {
        var options = new TransactionInspectionOptions { UsdcMint = Mint, Treasury = Treasury };
        configure?.Invoke(options);
        return options;
    }

    public TransactionInspector Inspector(Action<TransactionInspectionOptions>? configure = null, bool withRpc = true) =>
        new(Options(configure), withRpc ? Rpc : null);

    /// <summary>The honest payment: create the treasury's token account, pay the invoice, memo the campaign id.</summary>
    public List<TransactionInstruction> HonestPayment(ulong amount = Invoice, string memo = CampaignId) =>
    [
        ComputeBudgetInstructions.SetComputeUnitLimit(80_000),
        ComputeBudgetInstructions.SetComputeUnitPrice(5_000),
        AssociatedTokenInstructions.CreateIdempotent(Agent.PublicKey, Treasury, Mint),
        TokenInstructions.TransferChecked(AgentUsdc, Mint, TreasuryUsdc, Agent.PublicKey, amount, Usdc.Decimals),
        MemoInstructions.Memo(memo),
    ];

    /// <summary>What the SDK receives from a server: wire bytes it decodes, with the server's own signature when it co-signs.</summary>
    public async Task<Transaction> ServerBuiltAsync(IEnumerable<TransactionInstruction> instructions, PublicKey? feePayer = null, bool v0 = false, IReadOnlyList<AddressLookupTableAccount>? tables = null, IReadOnlyList<Keypair>? extraSigners = null)
    {
        var blockhash = await Rpc.GetLatestBlockhashAsync(null, TestContext.Current.CancellationToken);
        var payer = feePayer ?? Agent.PublicKey;
        var message = v0
            ? MessageCompiler.CompileV0(payer, instructions, blockhash.Blockhash, tables)
            : MessageCompiler.CompileLegacy(payer, instructions, blockhash.Blockhash);
        var tx = Transaction.FromMessage(message);
        if (message.GetSignerIndex(Server.PublicKey) >= 0)
        {
            tx.Sign(Server);
        }

        foreach (var signer in extraSigners ?? [])
        {
            tx.Sign(signer);
        }

        return Transaction.FromBase64(tx.ToBase64());
    }

    public void Dispose() => Rpc.Dispose();
}
