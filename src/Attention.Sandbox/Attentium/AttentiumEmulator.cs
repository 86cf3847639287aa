using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Attention.Sandbox.Hosting;
using Attention.Sandbox.Solana;
using Attentium.Solana;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Attention.Sandbox.Attentium;

/// <summary>
/// The emulated Attentium API under <c>/attentium/v1</c>, paid on the sandbox's Solana ledger. <c>/verify</c> answers
/// 402 with a deposit transaction built for the <c>X-Agent-Key</c> (USDC <c>TransferChecked</c> into the escrow's token
/// account plus a memo of the campaign id), or, without an agent key or in memo mode, an invoice to pay the treasury
/// with a memo. The second <c>/verify</c> is checked against the ledger: the transaction must have landed, carry the
/// campaign id as its memo and pay at least the invoice. Results complete after a delay; unspent escrow is refundable
/// through a withdraw transaction the sandbox co-signs; claims pay users from the treasury.
/// </summary>
internal sealed partial class AttentiumEmulator
{
    public const string BasePath = "/attentium/v1";

    private readonly object _gate = new();
    private readonly SandboxLedger _ledger;
    private readonly AttentionSandboxOptions _options;
    private readonly Dictionary<string, CampaignRecord> _campaigns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClaimRecord> _claims = new(StringComparer.Ordinal);
    private readonly HashSet<PublicKey> _claimed = [];

    public AttentiumEmulator(SandboxLedger ledger, AttentionSandboxOptions options)
    {
        _ledger = ledger;
        _options = options;
        EscrowAuthority = Keypair.Generate();
        Treasury = Keypair.Generate();
        _ledger.MintTo(EscrowAuthority.PublicKey, 0);
        _ledger.MintTo(Treasury.PublicKey, Usdc.ToBaseUnits(1_000_000m));
        _ledger.BeforeCommit = GuardRefundsAndClaims;
    }

    /// <summary>The key that owns the escrow token account and co-signs refunds.</summary>
    public Keypair EscrowAuthority { get; }

    /// <summary>The treasury: receives memo-flow payments and pays claims.</summary>
    public Keypair Treasury { get; }

    /// <summary>Whether <c>/verify</c> invoices ask for a memo-bound transfer to the treasury instead of attaching a deposit transaction.</summary>
    public bool MemoMode { get; set; }

    private TimeProvider Time => _options.TimeProvider;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet(BasePath + "/oracle/quote", Quote);
        routes.MapGet(BasePath + "/orderbook", OrderBook);
        routes.MapPost(BasePath + "/verify", VerifyAsync);
        routes.MapGet(BasePath + "/campaigns/{txHash}/results", Results);
        routes.MapGet(BasePath + "/campaigns/{txHash}", Campaign);
        routes.MapGet(BasePath + "/claims/balance", ClaimBalance);
        routes.MapPost(BasePath + "/claims/withdraw", WithdrawClaimAsync);
        routes.MapPost(BasePath + "/claims/submit", SubmitClaimAsync);
    }

    private Task Quote(HttpContext context)
    {
        var duration = context.Request.Query["duration"].ToString();
        if (duration is not ("10" or "30" or "60"))
        {
            return Error(context, 400, "invalid_duration", "duration must be 10, 30 or 60 seconds");
        }

        int depth;
        lock (_gate)
        {
            depth = _campaigns.Values.Count(c => c.TxHash is not null);
        }

        return SandboxHttp.WriteJsonAsync(context, 200, new JsonObject
        {
            ["duration"] = int.Parse(duration, CultureInfo.InvariantCulture),
            ["gross_bid_cents"] = 2,
            ["market_depth"] = 15 + depth,
            ["timestamp"] = SandboxHttp.Timestamp(Time.GetUtcNow()),
        });
    }

    private Task OrderBook(HttpContext context)
    {
        JsonArray orders;
        lock (_gate)
        {
            orders = new JsonArray(_campaigns.Values.Where(c => c.TxHash is not null && !IsComplete(c)).Select(c => (JsonNode?)new JsonObject
            {
                ["tx_hash"] = c.TxHash,
                ["bid_per_second"] = c.BidPerSecond,
                ["duration"] = c.Duration,
                ["quantity"] = c.Quantity,
            }).ToArray());
        }

        return SandboxHttp.WriteJsonAsync(context, 200, new JsonObject { ["count"] = orders.Count, ["orders"] = orders });
    }

    private bool IsComplete(CampaignRecord campaign) =>
        campaign.PaidAt is { } paid && Time.GetUtcNow() >= paid + _options.CampaignCompletionDelay;

    private static Task Error(HttpContext context, int status, string code, string message) =>
        SandboxHttp.WriteJsonAsync(context, status, new JsonObject { ["error"] = code, ["message"] = message });

    private static string NewReadKey() => "rk_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    private Transaction PartiallySigned(PublicKey feePayer, IEnumerable<TransactionInstruction> instructions, Keypair coSigner)
    {
        var message = MessageCompiler.CompileLegacy(feePayer, instructions, _ledger.LatestBlockhash().Blockhash);
        var transaction = Transaction.FromMessage(message);
        transaction.AddSignature(coSigner.PublicKey, coSigner.Sign(transaction.MessageBytes.Span));
        return transaction;
    }

    /// <summary>Refund and claim transactions carry a memo naming what they pay out; each pays out once.</summary>
    private string? GuardRefundsAndClaims(Transaction transaction, ExecutionOutcome outcome)
    {
        lock (_gate)
        {
            foreach (var memo in outcome.Memos)
            {
                if (memo.StartsWith("refund:", StringComparison.Ordinal) && _campaigns.TryGetValue(memo["refund:".Length..], out var campaign))
                {
                    if (campaign.Refunded)
                    {
                        return "Custom(1)";
                    }

                    campaign.Refunded = true;
                }

                if (memo.StartsWith("claim:", StringComparison.Ordinal) && _claims.TryGetValue(memo["claim:".Length..], out var claim))
                {
                    if (claim.Submitted)
                    {
                        return "Custom(1)";
                    }

                    claim.Submitted = true;
                    _claimed.Add(claim.User);
                }
            }
        }

        return null;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static IEnumerable<TransactionInstruction> Memo(string text) => [MemoInstructions.Memo(text)];
}
