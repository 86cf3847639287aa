using System.Text.Json.Nodes;
using Attention.Sandbox.Hosting;
using Attention.Sandbox.Solana;
using Attentium.Solana;
using Microsoft.AspNetCore.Http;

namespace Attention.Sandbox.Attentium;

internal sealed partial class AttentiumEmulator
{
    private async Task VerifyAsync(HttpContext context)
    {
        var body = await SandboxHttp.ReadObjectAsync(context).ConfigureAwait(false);
        if (Validate(body) is { } problem)
        {
            await Error(context, 400, "invalid_request", problem).ConfigureAwait(false);
            return;
        }

        var signature = context.Request.Headers["X-Solana-Tx-Signature"].ToString();
        var agentHeader = context.Request.Headers["X-Agent-Key"].ToString();
        PublicKey? agent = null;
        if (agentHeader.Length > 0 && !PublicKey.TryParse(agentHeader, out agent))
        {
            await Error(context, 400, "invalid_agent_key", "X-Agent-Key is not a Solana public key").ConfigureAwait(false);
            return;
        }

        if (signature.Length == 0)
        {
            await InvoiceAsync(context, body!, agent).ConfigureAwait(false);
            return;
        }

        var campaignId = context.Request.Headers["X-Campaign-Id"].ToString();
        if (campaignId.Length == 0)
        {
            await Error(context, 400, "missing_campaign_id", "X-Campaign-Id header not provided").ConfigureAwait(false);
            return;
        }

        var (status, answer) = CheckPayment(campaignId, signature);
        await SandboxHttp.WriteJsonAsync(context, status, answer).ConfigureAwait(false);
    }

    private static string? Validate(JsonObject? body)
    {
        if (!SandboxHttp.TryGetInt(body, "duration", out var duration) || duration is not (10 or 30 or 60))
        {
            return "duration must be 10, 30 or 60";
        }

        if (!SandboxHttp.TryGetInt(body, "quantity", out var quantity) || quantity < 1)
        {
            return "quantity must be at least 1";
        }

        if (!SandboxHttp.TryGetDecimal(body, "bid_per_second", out var bid) || bid < 0.003m)
        {
            return "bid_per_second must be at least 0.003";
        }

        foreach (var optional in (ReadOnlySpan<string>)["content_url", "callback_url"])
        {
            // Documented as strings: a number or object there is refused, never stored as a missing URL.
            if (body!.TryGetPropertyValue(optional, out var node) && node is not null && SandboxHttp.GetString(body, optional) is null)
            {
                return $"{optional} must be a string";
            }
        }

        return string.IsNullOrWhiteSpace(SandboxHttp.GetString(body, "validation_question")) ? "validation_question is required" : null;
    }

    private Task InvoiceAsync(HttpContext context, JsonObject body, PublicKey? agent)
    {
        SandboxHttp.TryGetInt(body, "duration", out var duration);
        SandboxHttp.TryGetInt(body, "quantity", out var quantity);
        SandboxHttp.TryGetDecimal(body, "bid_per_second", out var bid);
        var campaign = new CampaignRecord
        {
            CampaignId = Guid.NewGuid().ToString(),
            Duration = duration,
            Quantity = quantity,
            BidPerSecond = bid,
            ValidationQuestion = SandboxHttp.GetString(body, "validation_question")!,
            ContentUrl = SandboxHttp.GetString(body, "content_url"),
            Amount = Math.Round(bid * duration * quantity, 6),
            Agent = agent,
        };
        lock (_gate)
        {
            _campaigns[campaign.CampaignId] = campaign;
        }

        var invoice = new JsonObject
        {
            ["error"] = "payment_required",
            ["amount"] = campaign.Amount,
            ["campaign_id"] = campaign.CampaignId,
        };
        if (agent is null || MemoMode)
        {
            invoice["message"] = "Send the amount in USDC to the treasury with a memo of the campaign id, then call /verify again with the payment headers.";
            invoice["treasury"] = Treasury.PublicKey.ToBase58();
            invoice["mint"] = _ledger.Mint.ToBase58();
        }
        else
        {
            // The escrow program opened the agent's vault earlier (deposit_escrow creates nothing).
            _ledger.MintTo(SandboxEscrowProgram.EscrowAddress(agent), 0);
            var message = MessageCompiler.CompileLegacy(
                agent,
                [SandboxEscrowProgram.Deposit(agent, _ledger.Mint, campaign.AmountUnits), MemoInstructions.Memo(campaign.CampaignId)],
                _ledger.LatestBlockhash().Blockhash);
            invoice["message"] = "Sign the attached transaction to fund escrow.";
            invoice["transaction"] = Transaction.FromMessage(message).ToBase64();
        }

        return SandboxHttp.WriteJsonAsync(context, 402, invoice);
    }

    private (int Status, JsonObject Answer) CheckPayment(string campaignId, string signature)
    {
        // Read the ledger before taking the emulator's lock: the lock is never held while calling the ledger.
        var landed = _ledger.GetProcessed(signature) is { Error: null } processed ? processed : null;
        lock (_gate)
        {
            if (!_campaigns.TryGetValue(campaignId, out var campaign))
            {
                return (404, new JsonObject { ["error"] = "campaign_not_found", ["message"] = $"No invoice was issued for campaign {campaignId}" });
            }

            if (campaign.TxHash is { } paid)
            {
                return paid == signature
                    ? (200, Keys(campaign))
                    : (409, new JsonObject { ["error"] = "already_paid", ["message"] = $"Campaign {campaignId} was already paid by another transaction" });
            }

            if (landed is null)
            {
                return (402, new JsonObject { ["error"] = "payment_required", ["message"] = "The transaction was not found on chain; wait for confirmation and retry", ["campaign_id"] = campaignId });
            }

            if (landed.Memos.Count == 0)
            {
                return (400, new JsonObject { ["error"] = "missing_memo", ["message"] = "Transaction has no memo instruction" });
            }

            if (!landed.Memos.Contains(campaignId, StringComparer.Ordinal))
            {
                return (400, new JsonObject { ["error"] = "memo_mismatch", ["message"] = "Memo content doesn't match header" });
            }

            var received = landed.TokenMoves.Where(m => IsPaymentDestination(campaign, m.Destination)).Aggregate(0UL, (sum, m) => sum + m.Amount);
            if (received < campaign.AmountUnits)
            {
                return (402, new JsonObject { ["error"] = "payment_required", ["message"] = $"The transaction paid {Usdc.FromBaseUnits(received)} USDC; the invoice is {campaign.Amount}", ["campaign_id"] = campaignId });
            }

            campaign.TxHash = signature;
            campaign.ReadKey = NewReadKey();
            campaign.PaidAt = Time.GetUtcNow();
            return (200, Keys(campaign));
        }
    }

    /// <summary>A payment counts when it lands in the invoicing agent's escrow vault, or (memo flow) in the treasury's USDC account.</summary>
    private bool IsPaymentDestination(CampaignRecord campaign, PublicKey destination) =>
        destination == PublicKey.GetAssociatedTokenAddress(Treasury.PublicKey, _ledger.Mint)
        || (campaign.Agent is { } agent && destination == SandboxEscrowProgram.VaultAddress(agent, _ledger.Mint));

    private static JsonObject Keys(CampaignRecord campaign) => new()
    {
        ["status"] = "active",
        ["tx_hash"] = campaign.TxHash,
        ["campaign_id"] = campaign.CampaignId,
        ["read_key"] = campaign.ReadKey,
        ["amount"] = campaign.Amount,
    };
}
