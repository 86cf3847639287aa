using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Attention.Sandbox.Hosting;
using Attention.Sandbox.Solana;
using Attentium;
using Attentium.Solana;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ApiEndpoint = Attention.Sdk.Http.ApiEndpoint;

namespace Attention.Sandbox.Attentium;

/// <summary>
/// The emulated Attentium API under <c>/attentium/v1</c>, paid on the sandbox's Solana ledger. <c>/verify</c> answers
/// 402 with a deposit transaction built for the <c>X-Agent-Key</c> (the escrow program's <c>deposit_escrow</c> into the
/// agent's escrow vault plus a memo of the campaign id, see <see cref="SandboxEscrowProgram"/>), or, without an agent key or
/// in memo mode, an invoice to pay the treasury with a memo. The second <c>/verify</c> is checked against the ledger: the
/// transaction must have landed, carry the campaign id as its memo and pay at least the invoice into this agent's vault (or
/// the treasury). Results complete after a delay; unspent escrow is refundable through a <c>withdraw_escrow</c> transaction
/// only the agent signs; claims pay users from the treasury.
/// Locking: <see cref="_gate"/> guards the campaigns and is never held while calling the ledger; what the ledger consults
/// before committing (<see cref="ILedgerGuard"/>: refund and claim bookkeeping) is lock-free, so the two never wait on each other.
/// </summary>
internal sealed partial class AttentiumEmulator : ILedgerGuard
{
    public const string BasePath = "/attentium/v1";

    private readonly object _gate = new();
    private readonly SandboxLedger _ledger;
    private readonly AttentionSandboxOptions _options;
    private readonly Dictionary<string, CampaignRecord> _campaigns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ClaimRecord> _claims = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<PublicKey, byte> _claimed = new();
    private readonly ConcurrentDictionary<string, RefundTicket> _refunds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _paidOut = new(StringComparer.Ordinal);

    public AttentiumEmulator(SandboxLedger ledger, AttentionSandboxOptions options)
    {
        _ledger = ledger;
        _options = options;
        Treasury = Keypair.Generate();
        _ledger.MintTo(Treasury.PublicKey, Usdc.ToBaseUnits(1_000_000m));
        _ledger.Guard = this;
    }

    /// <summary>The treasury: receives memo-flow payments and pays claims.</summary>
    public Keypair Treasury { get; }

    /// <summary>Whether <c>/verify</c> invoices ask for a memo-bound transfer to the treasury instead of attaching a deposit transaction.</summary>
    public bool MemoMode { get; set; }

    private TimeProvider Time => _options.TimeProvider;

    /// <summary>
    /// Maps every endpoint of <see cref="AttentiumEndpoints.All"/> under <see cref="BasePath"/> to its handler, so the sandbox serves
    /// exactly the catalogued routes.
    /// </summary>
    /// <exception cref="InvalidOperationException">A catalogued endpoint has no handler (found at startup, not by a caller).</exception>
    public void Map(IEndpointRouteBuilder routes)
    {
        var handlers = new Dictionary<ApiEndpoint, RequestDelegate>
        {
            [AttentiumEndpoints.GetQuote] = Quote,
            [AttentiumEndpoints.GetOrderBook] = OrderBook,
            [AttentiumEndpoints.Verify] = VerifyAsync,
            [AttentiumEndpoints.GetCampaignResults] = Results,
            [AttentiumEndpoints.GetCampaign] = Campaign,
            [AttentiumEndpoints.GetClaimBalance] = ClaimBalance,
            [AttentiumEndpoints.RequestClaimWithdrawal] = WithdrawClaimAsync,
            [AttentiumEndpoints.SubmitClaim] = SubmitClaimAsync,
        };
        CatalogRoutes.Map(routes, "Attentium", BasePath, AttentiumEndpoints.All, handlers, (_, handler) => handler);
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

    /// <summary>
    /// The escrow program's and treasury's bookkeeping: every <c>withdraw_escrow</c> must be the refund issued for a campaign
    /// (memo <c>refund:&lt;campaign id&gt;</c>, this agent's vault, the unspent amount) and each refund and claim pays out once.
    /// Runs inside the ledger's lock: reads and writes only the concurrent collections, never <see cref="_gate"/>.
    /// </summary>
    public (LedgerError? Error, Action? OnCommit) Check(ExecutionOutcome outcome)
    {
        var paying = new List<string>();
        var refundIds = outcome.Memos.Where(m => m.StartsWith(RefundMemoPrefix, StringComparison.Ordinal)).Select(m => m[RefundMemoPrefix.Length..]).Distinct().ToList();
        foreach (var withdrawal in outcome.TokenMoves.Where(m => m.FromEscrow))
        {
            var owed = refundIds.FirstOrDefault(id => _refunds.TryGetValue(id, out var ticket)
                && ticket.Vault == withdrawal.Source && ticket.Units == withdrawal.Amount
                && !_paidOut.ContainsKey(RefundMemoPrefix + id) && !paying.Contains(RefundMemoPrefix + id));
            if (owed is null)
            {
                return (Refused(withdrawal.Instruction, EscrowWithdrawalNotOwed), null);
            }

            paying.Add(RefundMemoPrefix + owed);
        }

        var users = new List<PublicKey>();
        foreach (var memo in outcome.Memos.Where(m => m.StartsWith(ClaimMemoPrefix, StringComparison.Ordinal)))
        {
            if (_claims.TryGetValue(memo[ClaimMemoPrefix.Length..], out var claim))
            {
                if (_paidOut.ContainsKey(memo) || _claimed.ContainsKey(claim.User) || users.Contains(claim.User))
                {
                    return (Refused(outcome.TokenMoves.FirstOrDefault(m => m.Source == PublicKey.GetAssociatedTokenAddress(Treasury.PublicKey, _ledger.Mint))?.Instruction ?? 0, AlreadyPaidOut), null);
                }

                paying.Add(memo);
                users.Add(claim.User);
            }
        }

        return (null, paying.Count == 0 ? null : () =>
        {
            foreach (var key in paying)
            {
                _paidOut.TryAdd(key, 0);
            }

            foreach (var user in users)
            {
                _claimed.TryAdd(user, 0);
            }
        });
    }

    private const string RefundMemoPrefix = "refund:";
    private const string ClaimMemoPrefix = "claim:";

    /// <summary>The escrow program's error for a withdrawal it does not owe (Anchor-style custom codes start at 6000).</summary>
    private const uint EscrowWithdrawalNotOwed = 6000;

    /// <summary>A refund or claim already paid out (the SPL Token code for insufficient funds, as an emptied source would fail).</summary>
    private const uint AlreadyPaidOut = 1;

    private static LedgerError Refused(int instruction, uint code) => LedgerError.InInstruction(instruction, InstructionFailure.Custom(code));

    private bool IsRefunded(CampaignRecord campaign) => _paidOut.ContainsKey(RefundMemoPrefix + campaign.CampaignId);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static IEnumerable<TransactionInstruction> Memo(string text) => [MemoInstructions.Memo(text)];
}
