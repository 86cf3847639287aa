using Attentium.Solana;

namespace Attentium.Payments;

/// <summary>
/// The Solana side of every flow: inspect and sign server-built transactions, build the memo-flow payment, send, confirm within
/// the configured timeout, and translate the outcomes (expired, failed, not confirmed) into exceptions that carry the signature.
/// </summary>
internal sealed class SolanaPayments
{
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

    /// <summary>Builds and signs the memo-flow payment: create the treasury's USDC account if needed, TransferChecked, memo.</summary>
    public async Task<(Transaction Transaction, ulong LastValidBlockHeight)> BuildMemoPaymentAsync(ISolanaSigner agent, PublicKey treasury, ulong amount, string campaignId, CancellationToken cancellationToken)
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
    /// blockhash is at most that new), so the confirmation loop never gives up too early.
    /// </summary>
    public async Task<ulong> CurrentLastValidBlockHeightAsync(CancellationToken cancellationToken) =>
        (await Rpc.GetLatestBlockhashAsync(_options.Commitment, cancellationToken).ConfigureAwait(false)).LastValidBlockHeight;

    /// <summary>Sends the signed bytes (preflight on) and returns the signature.</summary>
    public Task<string> SendAsync(Transaction transaction, CancellationToken cancellationToken) =>
        Rpc.SendTransactionAsync(transaction.Serialize(), new SendTransactionOptions { PreflightCommitment = _options.Commitment }, cancellationToken);

    /// <summary>Waits for the configured commitment within <see cref="AttentiumClientOptions.ConfirmationTimeout"/>, re-sending the bytes when given.</summary>
    /// <exception cref="PaymentExpiredException">The blockhash expired before the transaction landed.</exception>
    /// <exception cref="PaymentNotConfirmedException">It failed on chain, or the timeout elapsed.</exception>
    public async Task ConfirmAsync(string campaignId, string signature, ulong lastValidBlockHeight, byte[]? resend, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.ConfirmationTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await Rpc.ConfirmTransactionAsync(signature, lastValidBlockHeight, _options.Commitment, resend, linked.Token).ConfigureAwait(false);
        }
        catch (TransactionExpiredException ex)
        {
            throw new PaymentExpiredException(campaignId, signature, ex);
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
}
