namespace Attentium.Solana;

public partial class SolanaRpcClient
{
    /// <summary>
    /// Waits until <paramref name="signature"/> reaches <paramref name="commitment"/> (default: the client's). Polls
    /// <c>getSignatureStatuses</c> and <c>getBlockHeight</c> every <see cref="SolanaRpcClientOptions.ConfirmationPollInterval"/>;
    /// when <paramref name="resendTransaction"/> is given, re-sends those identical bytes every
    /// <see cref="SolanaRpcClientOptions.ResendInterval"/> (skipping preflight; send errors are ignored, the status decides).
    /// </summary>
    /// <returns>The status that reached the commitment.</returns>
    /// <exception cref="TransactionFailedException">The transaction landed with an error.</exception>
    /// <exception cref="TransactionExpiredException">The block height passed <paramref name="lastValidBlockHeight"/> and the transaction was never seen: it cannot land any more.</exception>
    public virtual async Task<SignatureStatus> ConfirmTransactionAsync(
        string signature,
        ulong lastValidBlockHeight,
        Commitment? commitment = null,
        ReadOnlyMemory<byte>? resendTransaction = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(signature);
        var wanted = commitment ?? Options.Commitment;
        var clock = Options.TimeProvider;
        var lastSent = clock.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var status = await GetStatusAsync(signature, wanted, cancellationToken).ConfigureAwait(false);
            if (status is not null)
            {
                return status;
            }

            var height = await GetBlockHeightAsync(wanted == Commitment.Processed ? Commitment.Processed : Commitment.Confirmed, cancellationToken).ConfigureAwait(false);
            if (height > lastValidBlockHeight)
            {
                // The transaction may have landed between the two calls: look once more before giving up.
                status = await GetStatusAsync(signature, wanted, cancellationToken).ConfigureAwait(false);
                if (status is not null)
                {
                    return status;
                }

                if (!await HasLandedAsync(signature, cancellationToken).ConfigureAwait(false))
                {
                    throw new TransactionExpiredException(signature, lastValidBlockHeight, height);
                }
            }

            if (resendTransaction is { } bytes && clock.GetElapsedTime(lastSent) >= Options.ResendInterval)
            {
                lastSent = clock.GetTimestamp();
                try
                {
                    await SendTransactionAsync(bytes, new SendTransactionOptions { SkipPreflight = true }, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is SolanaException or SolanaRpcTransportException)
                {
                    // Already processed, blockhash gone, node busy: the status and block height decide.
                }
            }

            await Task.Delay(Options.ConfirmationPollInterval, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The status once it reached <paramref name="wanted"/>; throws when it landed with an error; otherwise null.</summary>
    private async Task<SignatureStatus?> GetStatusAsync(string signature, Commitment wanted, CancellationToken cancellationToken)
    {
        var statuses = await GetSignatureStatusesAsync([signature], cancellationToken).ConfigureAwait(false);
        var status = statuses[0];
        if (status?.Error is { } error)
        {
            throw new TransactionFailedException(signature, error);
        }

        return status is not null && status.HasReached(wanted) ? status : null;
    }

    private async Task<bool> HasLandedAsync(string signature, CancellationToken cancellationToken) =>
        (await GetSignatureStatusesAsync([signature], cancellationToken).ConfigureAwait(false))[0] is not null;
}
