using Attentium.Solana;
using Microsoft.Extensions.Logging;

namespace Attentium.Payments;

/// <summary>Start-up log events of the Attentium client (category <c>Attentium.Client</c>).</summary>
internal static partial class PaymentLog
{
    public const string Category = "Attentium.Client";

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Attentium payments use Solana cluster {Cluster} through {RpcHost} (USDC mint {UsdcMint}, commitment {Commitment})")]
    public static partial void ClusterInUse(ILogger logger, SolanaCluster cluster, string rpcHost, string usdcMint, Commitment commitment);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Attentium payments are recorded in an in-memory ledger, which does not survive a restart: a payment in flight when the process stops cannot be resumed and could be paid again. Set AttentiumClientOptions.PaymentLedger to a durable ledger (for example FilePaymentLedger).")]
    public static partial void InMemoryLedger(ILogger logger);
}
