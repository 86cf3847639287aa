using Attention.Sdk;
using Attention.Sdk.Http;
using Attentium.Payments;
using Attentium.Solana;

namespace Attentium.Refunds;

/// <summary>Agent refunds: read a campaign's escrow and withdraw what is unspent once it is refundable.</summary>
public class RefundsClient
{
    private readonly ApiConnection _connection = null!;
    private readonly SolanaPayments _payments = null!;

    internal RefundsClient(ApiConnection connection, SolanaPayments payments)
    {
        _connection = connection;
        _payments = payments;
    }

    /// <summary>For mocking.</summary>
    protected RefundsClient()
    {
    }

    /// <summary><c>GET /v1/campaigns/{tx_hash}</c>: status, escrow balance, and the withdraw transaction when refundable.</summary>
    /// <param name="txHash">The campaign's transaction hash.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The hash is empty (nothing was sent).</exception>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<CampaignState> GetCampaignAsync(string txHash, CancellationToken cancellationToken = default) =>
        GetCampaignAsync(txHash, null, cancellationToken);

    /// <summary>Reads a campaign's escrow with per-call options; otherwise as <see cref="GetCampaignAsync(string, CancellationToken)"/>.</summary>
    /// <param name="txHash">The campaign's transaction hash.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call. Attentium de-duplicates nothing by <c>Idempotency-Key</c>, so a key is refused.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The hash is empty, or an idempotency key was given (Attentium honours none): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<CampaignState> GetCampaignAsync(string txHash, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(txHash);
        return _connection.SendAsync(
            new ApiRequest(AttentiumEndpoints.GetCampaign).WithPath("tx_hash", txHash),
            AttentiumJsonContext.Default.CampaignState,
            requestOptions,
            cancellationToken);
    }

    /// <summary>
    /// Withdraws a refundable campaign's escrow: reads the campaign, inspects <c>withdraw_escrow_tx</c> (the agent must pay only
    /// network fees and receive, not send, funds; the simulation must show the agent's USDC account rising by at least the stated
    /// <see cref="CampaignState.EscrowBalance"/>, and no authority over the agent's accounts changing), signs the agent's slot (other signatures kept), sends and confirms it.
    /// </summary>
    /// <param name="txHash">The campaign's transaction hash.</param>
    /// <param name="agent">The agent's wallet.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="CampaignNotRefundableException">The campaign is not refundable (yet) or has no withdraw transaction.</exception>
    /// <exception cref="TransactionRejectedException">The withdraw transaction failed inspection (nothing was signed).</exception>
    /// <exception cref="PaymentExpiredException">It expired before landing.</exception>
    /// <exception cref="PaymentNotConfirmedException">Not confirmed in time, or failed on chain.</exception>
    public virtual Task<RefundResult> WithdrawAsync(string txHash, ISolanaSigner agent, CancellationToken cancellationToken = default) =>
        SolanaPayments.InFlowAsync("attentium refund_withdraw", null, () => WithdrawCoreAsync(txHash, agent, cancellationToken));

    private async Task<RefundResult> WithdrawCoreAsync(string txHash, ISolanaSigner agent, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(txHash);
        ArgumentNullException.ThrowIfNull(agent);
        var state = await GetCampaignAsync(txHash, cancellationToken).ConfigureAwait(false);
        if (!state.Refundable || string.IsNullOrEmpty(state.WithdrawEscrowTransaction))
        {
            throw new CampaignNotRefundableException(txHash, state);
        }

        var transaction = await _payments.InspectAndSignAsync(state.WithdrawEscrowTransaction, agent, InspectionPolicy.RefundOrClaim(SolanaPayments.StatedUnits(state.EscrowBalance)), "withdraw_escrow_tx", cancellationToken).ConfigureAwait(false);
        var lastValid = await _payments.CurrentLastValidBlockHeightAsync(cancellationToken).ConfigureAwait(false);
        var signature = await _payments.SendAsync(transaction, cancellationToken).ConfigureAwait(false);
        await _payments.ConfirmAsync(state.CampaignId ?? txHash, signature, lastValid, transaction.Serialize(), cancellationToken).ConfigureAwait(false);
        return new RefundResult(txHash, signature, state.EscrowBalance);
    }
}

/// <summary>The campaign is not refundable (yet), or the server sent no withdraw transaction.</summary>
public sealed class CampaignNotRefundableException : AttentionException
{
    /// <summary>Creates the exception.</summary>
    public CampaignNotRefundableException(string txHash, CampaignState state)
        : base($"Campaign {txHash} is not refundable (status {state?.Status?.ToString() ?? "unknown"}, refundable {state?.Refundable}, withdraw transaction {(string.IsNullOrEmpty(state?.WithdrawEscrowTransaction) ? "absent" : "present")}).")
    {
        TxHash = txHash;
        State = state!;
    }

    /// <summary>The campaign.</summary>
    public string TxHash { get; }

    /// <summary>What the server said.</summary>
    public CampaignState State { get; }
}
