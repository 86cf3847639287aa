using System.Diagnostics;
using Attention.Sdk.Telemetry;
using Attentium.Solana;

namespace Attentium.Payments;

/// <summary>
/// The Solana side of every flow: inspect and sign server-built transactions, build the memo-flow payment, send, confirm within
/// the configured timeout, and translate the outcomes (expired, failed, not confirmed) into exceptions that carry the signature.
/// </summary>
/// <remarks>
/// Each step is one internal span (<c>attentium inspect_sign</c>, <c>attentium build_memo_payment</c>, <c>attentium send</c>,
/// <c>attentium confirm</c>) with its JSON-RPC calls beneath it; a flow's caller runs the steps inside <see cref="InFlowAsync"/>.
/// </remarks>
internal sealed class SolanaPayments
{
    private const string Api = "attentium";
    private const string CampaignIdTag = "attentium.campaign_id";
    private const string SignatureTag = "solana.signature";
    private readonly AttentiumClientOptions _options;

    public SolanaPayments(SolanaRpcClient rpc, TransactionInspector inspector, IPaymentLedger ledger, AttentiumClientOptions options)
    {
        Rpc = rpc;
        Inspector = inspector;
        Ledger = ledger;
        _options = options;
    }

    public SolanaRpcClient Rpc { get; }

    public TransactionInspector Inspector { get; }

    public IPaymentLedger Ledger { get; }

    public PublicKey UsdcMint => _options.ResolveUsdcMint();

    /// <summary>Decodes a server-built transaction, inspects it under <paramref name="policy"/> and signs the signer's slot.</summary>
    public async Task<Transaction> InspectAndSignAsync(string base64, ISolanaSigner signer, InspectionPolicy policy, string what, CancellationToken cancellationToken)
    {
        using var step = AttentionDiagnostics.StartOperation("attentium inspect_sign", Api);
        step?.SetTag("attentium.transaction", what);
        try
        {
            var transaction = await DecodeInspectAndSignAsync(base64, signer, policy, what, cancellationToken).ConfigureAwait(false);
            step?.SetTag(SignatureTag, transaction.Signature);
            return transaction;
        }
        catch (Exception ex) when (AttentionDiagnostics.RecordFailure(step, ex))
        {
            throw;
        }
    }

    /// <summary>
    /// Runs a whole flow (for example <c>attentium pay_invoice</c>) under one span, its steps and API calls beneath it, marked failed
    /// with <c>error.type</c> when the flow throws. The campaign id is public (it is the payment's memo), so it may be an attribute.
    /// </summary>
    public static Task<T> InFlowAsync<T>(string name, string? campaignId, Func<Task<T>> run) =>
        AttentionDiagnostics.RunOperationAsync(name, Api, flow =>
        {
            flow?.SetTag(CampaignIdTag, campaignId);
            return run();
        });

    private async Task<Transaction> DecodeInspectAndSignAsync(string base64, ISolanaSigner signer, InspectionPolicy policy, string what, CancellationToken cancellationToken)
    {
        Transaction transaction;
        try
        {
            transaction = Transaction.FromBase64(base64);
        }
        catch (Exception ex) when (ex is FormatException or TransactionFormatException or ArgumentException)
        {
            throw new Attention.Sdk.AttentionResponseException($"The server's {what} is not a valid Solana transaction: {ex.Message}", System.Net.HttpStatusCode.OK, null, ex);
        }

        await Inspector.InspectAndSignAsync(transaction, signer, policy, cancellationToken).ConfigureAwait(false);
        return transaction;
    }

    /// <summary>
    /// The least USDC (base units) a refund or claim must credit the agent, for the simulation to prove: the amount the server
    /// stated, rounded down, and at least one base unit (a refund or claim that credits nothing is no refund; an absent, zero or
    /// unreadable amount cannot lower that).
    /// </summary>
    public static ulong StatedUnits(decimal? amount) =>
        Math.Max(1UL, amount is { } value && value > 0 && value < ulong.MaxValue / 1_000_000m ? (ulong)decimal.Floor(value * 1_000_000m) : 0);

    /// <summary>Builds and signs the memo-flow payment: create the treasury's USDC account if needed, TransferChecked, memo.</summary>
    public async Task<(Transaction Transaction, ulong LastValidBlockHeight)> BuildMemoPaymentAsync(ISolanaSigner agent, PublicKey treasury, ulong amount, string campaignId, CancellationToken cancellationToken)
    {
        using var step = AttentionDiagnostics.StartOperation("attentium build_memo_payment", Api);
        step?.SetTag(CampaignIdTag, campaignId);
        try
        {
            var built = await BuildMemoPaymentCoreAsync(agent, treasury, amount, campaignId, cancellationToken).ConfigureAwait(false);
            step?.SetTag(SignatureTag, built.Transaction.Signature);
            return built;
        }
        catch (Exception ex) when (AttentionDiagnostics.RecordFailure(step, ex))
        {
            throw;
        }
    }

    private async Task<(Transaction Transaction, ulong LastValidBlockHeight)> BuildMemoPaymentCoreAsync(ISolanaSigner agent, PublicKey treasury, ulong amount, string campaignId, CancellationToken cancellationToken)
    {
        var mint = UsdcMint;
        var tokenProgram = _options.Inspection.UsdcTokenProgram;
        var blockhash = await Rpc.GetLatestBlockhashAsync(_options.Commitment, cancellationToken).ConfigureAwait(false);
        var message = MessageCompiler.CompileLegacy(
            agent.PublicKey,
            [
                AssociatedTokenInstructions.CreateIdempotent(agent.PublicKey, treasury, mint, tokenProgram),
                TokenInstructions.TransferChecked(
                    PublicKey.GetAssociatedTokenAddress(agent.PublicKey, mint, tokenProgram),
                    mint,
                    PublicKey.GetAssociatedTokenAddress(treasury, mint, tokenProgram),
                    agent.PublicKey,
                    amount,
                    Usdc.Decimals,
                    tokenProgram),
                MemoInstructions.Memo(campaignId),
            ],
            blockhash.Blockhash);
        var transaction = Transaction.FromMessage(message);
        await transaction.SignAsync(agent, cancellationToken).ConfigureAwait(false);
        return (transaction, blockhash.LastValidBlockHeight);
    }

    /// <summary>
    /// An upper bound of a server-built transaction's last valid block height: the newest blockhash's (the transaction's own
    /// blockhash is at most that new), so the confirmation loop never gives up too early; expiry is then proven with
    /// <c>isBlockhashValid</c> on the transaction's own blockhash (see <see cref="ConfirmAsync"/>).
    /// </summary>
    public async Task<ulong> CurrentLastValidBlockHeightAsync(CancellationToken cancellationToken) =>
        (await Rpc.GetLatestBlockhashAsync(_options.Commitment, cancellationToken).ConfigureAwait(false)).LastValidBlockHeight;

    /// <summary>Sends the signed bytes (preflight on) and returns the signature.</summary>
    public async Task<string> SendAsync(Transaction transaction, CancellationToken cancellationToken)
    {
        using var step = AttentionDiagnostics.StartOperation("attentium send", Api);
        step?.SetTag(SignatureTag, transaction.Signature);
        try
        {
            return await Rpc.SendTransactionAsync(transaction.Serialize(), new SendTransactionOptions { PreflightCommitment = _options.Commitment }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (AttentionDiagnostics.RecordFailure(step, ex))
        {
            throw;
        }
    }

    /// <summary>
    /// Waits for the configured commitment within <see cref="AttentiumClientOptions.ConfirmationTimeout"/>, re-sending the bytes when
    /// given. Expiry is declared only when it is provable: past <paramref name="lastValidBlockHeight"/> (an upper bound for a
    /// server-built transaction), never seen, and the transaction's own blockhash (read from <paramref name="signedTransaction"/>)
    /// reported invalid by <c>isBlockhashValid</c>; while the node still calls it valid, the wait goes on.
    /// </summary>
    /// <exception cref="PaymentExpiredException">The transaction can never land.</exception>
    /// <exception cref="PaymentNotConfirmedException">It failed on chain, or the timeout elapsed, or expiry could not be proven.</exception>
    public async Task ConfirmAsync(string campaignId, string signature, ulong lastValidBlockHeight, byte[]? signedTransaction, CancellationToken cancellationToken)
    {
        using var step = AttentionDiagnostics.StartOperation("attentium confirm", Api);
        step?.SetTag(CampaignIdTag, campaignId);
        step?.SetTag(SignatureTag, signature);
        try
        {
            await ConfirmCoreAsync(campaignId, signature, lastValidBlockHeight, signedTransaction, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (AttentionDiagnostics.RecordFailure(step, ex))
        {
            throw;
        }
    }

    private async Task ConfirmCoreAsync(string campaignId, string signature, ulong lastValidBlockHeight, byte[]? signedTransaction, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.ConfirmationTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var blockhash = ReadBlockhash(signedTransaction);
        var bound = lastValidBlockHeight;
        try
        {
            while (true)
            {
                try
                {
                    await Rpc.ConfirmTransactionAsync(signature, bound, _options.Commitment, signedTransaction, linked.Token).ConfigureAwait(false);
                    return;
                }
                catch (TransactionExpiredException ex)
                {
                    if (blockhash is null || await BlockhashStillValidAsync(campaignId, signature, blockhash, ex, linked.Token).ConfigureAwait(false))
                    {
                        if (blockhash is null)
                        {
                            throw new PaymentNotConfirmedException(campaignId, signature, "its blockhash is unknown, so its expiry cannot be proven; it may still land, resume with this signature instead of paying again.", ex);
                        }

                        bound = ex.BlockHeight; // the node still accepts the blockhash: wait for the next block and ask again
                        continue;
                    }

                    throw new PaymentExpiredException(campaignId, signature, ex);
                }
            }
        }
        catch (TransactionFailedException ex)
        {
            throw new PaymentNotConfirmedException(campaignId, signature, $"it landed with an error ({ex.Error}).", ex);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new PaymentNotConfirmedException(campaignId, signature, $"it did not reach {_options.Commitment} within {_options.ConfirmationTimeout.TotalSeconds:0.###} s; it may still land, resume with this signature instead of paying again.", ex);
        }
    }

    private async Task<bool> BlockhashStillValidAsync(string campaignId, string signature, string blockhash, TransactionExpiredException expired, CancellationToken cancellationToken)
    {
        try
        {
            return await Rpc.IsBlockhashValidAsync(blockhash, Commitment.Processed, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SolanaRpcTransportException or (SolanaException and not TransactionFailedException))
        {
            throw new PaymentNotConfirmedException(campaignId, signature, $"expiry could not be proven: isBlockhashValid failed ({ex.Message}); it may still land, resume with this signature instead of paying again.", new AggregateException(expired, ex));
        }
    }

    private static string? ReadBlockhash(byte[]? signedTransaction)
    {
        if (signedTransaction is null)
        {
            return null;
        }

        try
        {
            return Transaction.Deserialize(signedTransaction).Message.RecentBlockhash;
        }
        catch (Exception ex) when (ex is TransactionFormatException or ArgumentException or FormatException)
        {
            return null;
        }
    }
}
