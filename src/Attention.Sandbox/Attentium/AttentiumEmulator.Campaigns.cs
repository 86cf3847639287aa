using System.Text.Json.Nodes;
using Attention.Sandbox.Hosting;
using Attention.Sandbox.Solana;
using Attentium.Solana;
using Microsoft.AspNetCore.Http;

namespace Attention.Sandbox.Attentium;

internal sealed partial class AttentiumEmulator
{
    private Task Results(HttpContext context)
    {
        var txHash = SandboxHttp.Route(context, "tx_hash");
        var key = context.Request.Query["key"].ToString();
        CampaignRecord? campaign;
        lock (_gate)
        {
            campaign = _campaigns.Values.FirstOrDefault(c => c.TxHash == txHash);
        }

        if (campaign is null)
        {
            return Error(context, 404, "campaign_not_found", $"No campaign with transaction {txHash}");
        }

        if (key.Length == 0 || key != campaign.ReadKey)
        {
            return Error(context, 403, "invalid_key", "The read key does not match this campaign");
        }

        var elapsed = Time.GetUtcNow() - campaign.PaidAt!.Value;
        var fraction = Math.Clamp(elapsed / _options.CampaignCompletionDelay, 0, 1);
        var completed = (int)Math.Floor(campaign.Quantity * fraction);
        var responses = new JsonArray();
        for (var i = 0; i < completed; i++)
        {
            responses.Add((JsonNode)new JsonObject
            {
                ["verifier_id"] = $"human_{i + 1:000}",
                ["answer"] = i % 5 == 4 ? "no" : "yes",
                ["attention_seconds"] = campaign.Duration,
            });
        }

        var yes = responses.Count(r => (string?)r!["answer"] == "yes");
        return SandboxHttp.WriteJsonAsync(context, 200, new JsonObject
        {
            ["tx_hash"] = txHash,
            ["status"] = completed == campaign.Quantity ? "completed" : "pending",
            ["quantity"] = campaign.Quantity,
            ["completed"] = completed,
            ["validation_question"] = campaign.ValidationQuestion,
            ["responses"] = responses,
            ["summary"] = new JsonObject { ["yes"] = yes, ["no"] = responses.Count - yes },
        });
    }

    private Task Campaign(HttpContext context)
    {
        var txHash = SandboxHttp.Route(context, "tx_hash");
        CampaignRecord? campaign;
        lock (_gate)
        {
            campaign = _campaigns.Values.FirstOrDefault(c => c.TxHash == txHash);
        }

        if (campaign is null)
        {
            return Error(context, 404, "campaign_not_found", $"No campaign with transaction {txHash}");
        }

        var complete = IsComplete(campaign);
        var refunded = IsRefunded(campaign);
        var refundable = complete && !refunded && campaign.Agent is not null;
        var answer = new JsonObject
        {
            ["tx_hash"] = txHash,
            ["campaign_id"] = campaign.CampaignId,
            ["status"] = complete ? "expired" : "active",
            ["escrow_balance"] = complete && !refunded ? campaign.Unspent : complete ? 0m : campaign.Amount,
            ["refundable"] = refundable,
        };
        if (refundable)
        {
            // withdraw_escrow from the agent's vault; the program signs for its PDA, so only the agent signs (fee payer).
            var agent = campaign.Agent!;
            var units = Usdc.ToBaseUnits(campaign.Unspent);
            _refunds.TryAdd(campaign.CampaignId, new RefundTicket(SandboxEscrowProgram.VaultAddress(agent, _ledger.Mint), units));
            var message = MessageCompiler.CompileLegacy(
                agent,
                [SandboxEscrowProgram.Withdraw(agent, _ledger.Mint, units), MemoInstructions.Memo(RefundMemoPrefix + campaign.CampaignId)],
                _ledger.LatestBlockhash().Blockhash);
            answer["withdraw_escrow_tx"] = Transaction.FromMessage(message).ToBase64();
        }

        return SandboxHttp.WriteJsonAsync(context, 200, answer);
    }

    private Task ClaimBalance(HttpContext context)
    {
        if (!PublicKey.TryParse(context.Request.Query["userPubkey"].ToString(), out var user))
        {
            return Error(context, 400, "invalid_user", "userPubkey must be a Solana public key");
        }

        var claimed = _claimed.ContainsKey(user);

        return SandboxHttp.WriteJsonAsync(context, 200, new JsonObject
        {
            ["usdc_balance"] = claimed ? 0m : ClaimableAmount,
            ["season_points"] = 150,
            ["pending_items"] = claimed ? 0 : 3,
        });
    }

    /// <summary>What every sandbox user has earned until they claim it.</summary>
    private const decimal ClaimableAmount = 5.25m;

    private async Task WithdrawClaimAsync(HttpContext context)
    {
        var body = await SandboxHttp.ReadObjectAsync(context).ConfigureAwait(false);
        if (!PublicKey.TryParse(SandboxHttp.GetString(body, "userPubkey"), out var user))
        {
            await Error(context, 400, "invalid_user", "userPubkey must be a Solana public key").ConfigureAwait(false);
            return;
        }

        if (body!["timestamp"] is not JsonValue stampNode || !stampNode.TryGetValue<long>(out var timestamp))
        {
            await Error(context, 400, "invalid_timestamp", "timestamp must be milliseconds since the epoch").ConfigureAwait(false);
            return;
        }

        var now = Time.GetUtcNow().ToUnixTimeMilliseconds();
        if (Math.Abs(now - timestamp) > 5 * 60 * 1000)
        {
            await Error(context, 400, "stale_timestamp", "timestamp must be within 5 minutes of server time").ConfigureAwait(false);
            return;
        }

        var message = Utf8($"Claim request for {user.ToBase58()} at {timestamp}");
        if (!SignatureMatches(user, message, SandboxHttp.GetString(body, "signature")))
        {
            await Error(context, 401, "invalid_signature", "The signature does not verify for this user and message").ConfigureAwait(false);
            return;
        }

        if (_claimed.ContainsKey(user))
        {
            await Error(context, 400, "nothing_to_claim", "This user has no claimable balance").ConfigureAwait(false);
            return;
        }

        var claim = new ClaimRecord { ClaimId = "claim_" + Guid.NewGuid().ToString("N")[..16], User = user, Amount = ClaimableAmount, MessageBytes = [] };
        var treasuryAccount = PublicKey.GetAssociatedTokenAddress(Treasury.PublicKey, _ledger.Mint);
        var transaction = PartiallySigned(
            user,
            [
                AssociatedTokenInstructions.CreateIdempotent(user, user, _ledger.Mint),
                TokenInstructions.TransferChecked(treasuryAccount, _ledger.Mint, PublicKey.GetAssociatedTokenAddress(user, _ledger.Mint), Treasury.PublicKey, Usdc.ToBaseUnits(claim.Amount), 6),
                .. Memo(ClaimMemoPrefix + claim.ClaimId),
            ],
            Treasury);
        var issued = new ClaimRecord { ClaimId = claim.ClaimId, User = user, Amount = claim.Amount, MessageBytes = transaction.MessageBytes.ToArray() };
        _claims[issued.ClaimId] = issued;

        await SandboxHttp.WriteJsonAsync(context, 200, new JsonObject
        {
            ["status"] = "pending_signature",
            ["transaction"] = transaction.ToBase64(),
            ["claimId"] = issued.ClaimId,
            ["amount"] = issued.Amount,
        }).ConfigureAwait(false);
    }

    private async Task SubmitClaimAsync(HttpContext context)
    {
        var body = await SandboxHttp.ReadObjectAsync(context).ConfigureAwait(false);
        var claimId = SandboxHttp.GetString(body, "claimId");
        var claim = claimId is null ? null : _claims.GetValueOrDefault(claimId);

        if (claim is null)
        {
            await Error(context, 404, "claim_not_found", "Unknown claimId").ConfigureAwait(false);
            return;
        }

        Transaction transaction;
        try
        {
            transaction = Transaction.FromBase64(SandboxHttp.GetString(body, "signedTransaction") ?? string.Empty);
        }
        catch (Exception ex) when (ex is FormatException or TransactionFormatException)
        {
            await Error(context, 400, "invalid_transaction", "signedTransaction is not a base64 Solana transaction").ConfigureAwait(false);
            return;
        }

        if (!transaction.MessageBytes.Span.SequenceEqual(claim.MessageBytes))
        {
            await Error(context, 400, "transaction_mismatch", "The signed transaction is not the one issued for this claim").ConfigureAwait(false);
            return;
        }

        try
        {
            var signature = _ledger.Submit(transaction);
            await SandboxHttp.WriteJsonAsync(context, 200, new JsonObject { ["success"] = true, ["txHash"] = signature, ["amount"] = claim.Amount }).ConfigureAwait(false);
        }
        catch (LedgerException ex) when (ex.Error?.Name == "AlreadyProcessed")
        {
            // A repeated submit of the claim that already landed: the same answer again.
            await SandboxHttp.WriteJsonAsync(context, 200, new JsonObject { ["success"] = true, ["txHash"] = transaction.Signature, ["amount"] = claim.Amount }).ConfigureAwait(false);
        }
        catch (LedgerException ex)
        {
            await Error(context, 400, "broadcast_failed", ex.Message).ConfigureAwait(false);
        }
    }

    private static bool SignatureMatches(PublicKey user, byte[] message, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        foreach (var decode in new Func<string, byte[]>[] { Base58.Decode, Convert.FromBase64String })
        {
            try
            {
                var bytes = decode(signature);
                if (bytes.Length == 64 && SignatureVerifier.Verify(user, message, bytes))
                {
                    return true;
                }
            }
            catch (FormatException)
            {
            }
        }

        return false;
    }
}
