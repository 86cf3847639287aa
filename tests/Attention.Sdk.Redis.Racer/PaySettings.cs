using System.Globalization;
using Attentium;
using Attentium.Campaigns;
using Attentium.Payments;
using Attentium.Solana;

namespace Attention.Sdk.Redis.Racer;

/// <summary>What a paying racer needs, one "name=value" line each: the sandbox's addresses, the agent's secret, the invoice.</summary>
public sealed class PaySettings
{
    private readonly Dictionary<string, string> _values;

    private PaySettings(Dictionary<string, string> values) => _values = values;

    public string AgentSecret => _values["agent"];

    public PaymentInvoice Invoice => AttentiumModelFactory.PaymentInvoice(_values["campaign"], decimal.Parse(_values["amount"], CultureInfo.InvariantCulture), _values["transaction"]);

    public static PaySettings Read(string path) =>
        new(File.ReadAllLines(path).Where(l => l.Contains('=')).ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]));

    public static void Write(string path, AttentiumClientOptions sandbox, Keypair agent, PaymentInvoice invoice) =>
        File.WriteAllLines(path,
        [
            $"base={sandbox.BaseAddress}",
            $"rpc={sandbox.RpcEndpoint}",
            $"mint={sandbox.UsdcMint}",
            $"treasury={sandbox.Treasury}",
            $"escrow={sandbox.EscrowProgramId}",
            $"agent={Convert.ToBase64String(agent.ExportSecretKey())}",
            $"campaign={invoice.CampaignId}",
            $"amount={invoice.Amount.ToString(CultureInfo.InvariantCulture)}",
            $"transaction={invoice.Transaction}",
        ]);

    public AttentiumClientOptions Options(IPaymentLedger ledger)
    {
        var mint = PublicKey.Parse(_values["mint"]);
        var escrow = PublicKey.Parse(_values["escrow"]);
        return new AttentiumClientOptions
        {
            BaseAddress = new Uri(_values["base"]),
            Cluster = SolanaCluster.Custom,
            RpcEndpoint = new Uri(_values["rpc"]),
            UsdcMint = mint,
            Treasury = PublicKey.Parse(_values["treasury"]),
            EscrowProgramId = escrow,
            Inspection = new TransactionInspectionOptions { UsdcMint = mint, EscrowProgramId = escrow },
            ConfirmationPollInterval = TimeSpan.FromMilliseconds(100),
            ConfirmationTimeout = TimeSpan.FromSeconds(60),
            PaymentLedger = ledger,
        };
    }
}

/// <summary>Counts the agent's signatures: the proof of who signed.</summary>
public sealed class CountingSigner(ISolanaSigner inner) : ISolanaSigner
{
    private int _signatures;

    public int Signatures => Volatile.Read(ref _signatures);

    public PublicKey PublicKey => inner.PublicKey;

    public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _signatures);
        return inner.SignAsync(message, cancellationToken);
    }
}

/// <summary>A ledger that stops for good right after its record is written: the window a crash between recording and sending leaves.</summary>
public sealed class HangAfterRecordLedger(IPaymentLedger inner) : IPaymentLedger
{
    public ValueTask<PaymentRecord?> FindAsync(string campaignId, CancellationToken cancellationToken = default) => inner.FindAsync(campaignId, cancellationToken);

    public async ValueTask<bool> TryRecordAsync(PaymentRecord record, CancellationToken cancellationToken = default)
    {
        if (await inner.TryRecordAsync(record, cancellationToken))
        {
            Console.WriteLine("recorded");
            Console.Out.Flush();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return false;
    }

    public ValueTask MarkSubmittedAsync(string campaignId, CancellationToken cancellationToken = default) => inner.MarkSubmittedAsync(campaignId, cancellationToken);

    public ValueTask<PaymentReservation> TryReserveAsync(string campaignId, string owner, TimeSpan lease, CancellationToken cancellationToken = default) =>
        inner.TryReserveAsync(campaignId, owner, lease, cancellationToken);

    public ValueTask ReleaseReservationAsync(string campaignId, string owner, CancellationToken cancellationToken = default) =>
        inner.ReleaseReservationAsync(campaignId, owner, cancellationToken);
}
