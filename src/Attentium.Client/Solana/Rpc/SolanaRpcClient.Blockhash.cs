using System.Text.Json;

namespace Attentium.Solana;

public partial class SolanaRpcClient
{
    /// <summary>
    /// <c>isBlockhashValid</c>: whether a transaction with <paramref name="blockhash"/> can still be processed. Once it is
    /// <see langword="false"/> at <see cref="Commitment.Processed"/>, a transaction using it (without a durable nonce) can never land.
    /// </summary>
    /// <param name="blockhash">The blockhash (base58).</param>
    /// <param name="commitment">The commitment of the bank asked (default: the client's).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<bool> IsBlockhashValidAsync(string blockhash, Commitment? commitment = null, CancellationToken cancellationToken = default)
    {
        const string method = "isBlockhashValid";
        ArgumentException.ThrowIfNullOrEmpty(blockhash);
        var result = await CallAsync(
            method,
            w =>
            {
                w.WriteStringValue(blockhash);
                WriteCommitment(w, commitment);
            },
            cancellationToken).ConfigureAwait(false);
        var (_, value) = Unwrap(method, result);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new SolanaRpcResponseException(method, "expected a boolean", value.GetRawText()),
        };
    }
}
