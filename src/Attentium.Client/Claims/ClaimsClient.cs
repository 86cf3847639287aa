using System.Globalization;
using System.Text;
using Attention.Sdk;
using Attention.Sdk.Http;
using Attentium.Payments;
using Attentium.Solana;

namespace Attentium.Claims;

/// <summary>
/// Worker claims: balance, and withdrawal in two calls (<c>claims/withdraw</c> with a signed request, then <c>claims/submit</c>
/// with the signed transaction). <see cref="WithdrawAsync"/> does both, inspecting the server's transaction before signing.
/// </summary>
public class ClaimsClient
{
    private readonly ApiConnection _connection = null!;
    private readonly SolanaPayments _payments = null!;
    private readonly AttentiumClientOptions _options = null!;

    internal ClaimsClient(ApiConnection connection, SolanaPayments payments, AttentiumClientOptions options)
    {
        _connection = connection;
        _payments = payments;
        _options = options;
    }

    /// <summary>For mocking.</summary>
    protected ClaimsClient()
    {
    }

    /// <summary>The UTF-8 message a claim request signs: <c>Claim request for {userPubkey} at {timestamp}</c>.</summary>
    /// <param name="userPubkey">The worker's wallet.</param>
    /// <param name="timestampMilliseconds">Milliseconds since the Unix epoch.</param>
    public static string FormatClaimMessage(PublicKey userPubkey, long timestampMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(userPubkey);
        return string.Create(CultureInfo.InvariantCulture, $"Claim request for {userPubkey.ToBase58()} at {timestampMilliseconds}");
    }

    /// <summary><c>GET /v1/claims/balance?userPubkey=</c>.</summary>
    /// <param name="userPubkey">The worker's wallet.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<ClaimBalance> GetBalanceAsync(PublicKey userPubkey, CancellationToken cancellationToken = default) =>
        GetBalanceAsync(userPubkey, null, cancellationToken);

    /// <summary>Gets a worker's claimable balance with per-call options; otherwise as <see cref="GetBalanceAsync(PublicKey, CancellationToken)"/>.</summary>
    /// <param name="userPubkey">The worker's wallet.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call. Attentium de-duplicates nothing by <c>Idempotency-Key</c>, so a key is refused.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (Attentium honours none): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ClaimBalance> GetBalanceAsync(PublicKey userPubkey, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userPubkey);
        return _connection.SendAsync(
            new ApiRequest(AttentiumEndpoints.GetClaimBalance).WithQuery("userPubkey", userPubkey.ToBase58()),
            AttentiumJsonContext.Default.ClaimBalance,
            requestOptions,
            cancellationToken);
    }

    /// <summary>
    /// Signs a claim request with the worker's signer: <c>timestamp</c> is now (ms) on <see cref="AttentionClientOptions.TimeProvider"/>,
    /// the signature is over the UTF-8 <see cref="FormatClaimMessage"/>, encoded as <see cref="AttentiumClientOptions.ClaimSignatureEncoding"/>.
    /// </summary>
    /// <param name="user">The worker's signer.</param>
    /// <param name="cancellationToken">Cancels signing.</param>
    public virtual async Task<ClaimWithdrawRequest> CreateWithdrawRequestAsync(ISolanaSigner user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var timestamp = _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var message = Encoding.UTF8.GetBytes(FormatClaimMessage(user.PublicKey, timestamp));
        var signature = await user.SignAsync(message, cancellationToken).ConfigureAwait(false);
        var encoded = _options.ClaimSignatureEncoding == ClaimSignatureEncoding.Base64 ? Convert.ToBase64String(signature) : Base58.Encode(signature);
        return new ClaimWithdrawRequest(user.PublicKey.ToBase58(), timestamp, encoded);
    }

    /// <summary><c>POST /v1/claims/withdraw</c> with a freshly signed request: returns the claim intent and its unsigned transaction.</summary>
    /// <param name="user">The worker's signer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<ClaimIntent> RequestWithdrawalAsync(ISolanaSigner user, CancellationToken cancellationToken = default) =>
        RequestWithdrawalAsync(user, null, cancellationToken);

    /// <summary>Requests a claim intent with per-call options; otherwise as <see cref="RequestWithdrawalAsync(ISolanaSigner, CancellationToken)"/>.</summary>
    /// <param name="user">The worker's signer (signs the claim message only; no transaction is signed here).</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call. Attentium de-duplicates nothing by <c>Idempotency-Key</c>, so a key is refused.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (Attentium honours none): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual async Task<ClaimIntent> RequestWithdrawalAsync(ISolanaSigner user, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        var request = await CreateWithdrawRequestAsync(user, cancellationToken).ConfigureAwait(false);
        return await _connection.SendAsync(
            new ApiRequest(AttentiumEndpoints.RequestClaimWithdrawal).WithJsonBody(request, AttentiumJsonContext.Default.ClaimWithdrawRequest),
            AttentiumJsonContext.Default.ClaimIntent,
            requestOptions,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Inspects the intent's transaction (the worker pays only fees and sends no funds; the simulation must show the worker's USDC
    /// account rising by at least the intent's <see cref="ClaimIntent.Amount"/>, and no authority over the worker's accounts
    /// changing) and signs the worker's slot; returns it as base64.
    /// </summary>
    /// <param name="intent">The intent from <see cref="RequestWithdrawalAsync(ISolanaSigner, CancellationToken)"/>.</param>
    /// <param name="user">The worker's signer.</param>
    /// <param name="cancellationToken">Cancels signing.</param>
    /// <exception cref="TransactionRejectedException">The transaction failed inspection (nothing was signed).</exception>
    public virtual async Task<string> SignIntentAsync(ClaimIntent intent, ISolanaSigner user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(user);
        var transaction = await _payments.InspectAndSignAsync(intent.Transaction, user, InspectionPolicy.RefundOrClaim(SolanaPayments.StatedUnits(intent.Amount)), "claim transaction", cancellationToken).ConfigureAwait(false);
        return transaction.ToBase64();
    }

    /// <summary><c>POST /v1/claims/submit</c>: hands the signed transaction to the server for broadcast.</summary>
    /// <param name="claimId">The intent's claim id.</param>
    /// <param name="signedTransaction">The base64 signed transaction.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An argument is empty or not base64 (nothing was sent).</exception>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<ClaimReceipt> SubmitAsync(string claimId, string signedTransaction, CancellationToken cancellationToken = default) =>
        SubmitAsync(claimId, signedTransaction, null, cancellationToken);

    /// <summary>Submits a signed claim transaction with per-call options; otherwise as <see cref="SubmitAsync(string, string, CancellationToken)"/>.</summary>
    /// <param name="claimId">The intent's claim id.</param>
    /// <param name="signedTransaction">The base64 signed transaction.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call. Attentium de-duplicates nothing by <c>Idempotency-Key</c>, so a key is refused.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An argument is empty or not base64, or an idempotency key was given (Attentium honours none): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ClaimReceipt> SubmitAsync(string claimId, string signedTransaction, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claimId);
        ArgumentException.ThrowIfNullOrWhiteSpace(signedTransaction);
        if (!Convert.TryFromBase64String(signedTransaction, new byte[signedTransaction.Length], out _))
        {
            throw new ArgumentException("The signed transaction must be base64.", nameof(signedTransaction));
        }

        return _connection.SendAsync(
            new ApiRequest(AttentiumEndpoints.SubmitClaim).WithJsonBody(new ClaimSubmitRequest(claimId, signedTransaction), AttentiumJsonContext.Default.ClaimSubmitRequest),
            AttentiumJsonContext.Default.ClaimReceipt,
            requestOptions,
            cancellationToken);
    }

    /// <summary>Withdraws the worker's balance: request the intent, inspect and sign its transaction, submit it.</summary>
    /// <param name="user">The worker's signer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="TransactionRejectedException">The transaction failed inspection (nothing was signed or submitted).</exception>
    /// <exception cref="AttentionException">A call failed.</exception>
    public virtual Task<ClaimReceipt> WithdrawAsync(ISolanaSigner user, CancellationToken cancellationToken = default) =>
        SolanaPayments.InFlowAsync("attentium claim_withdraw", null, () => WithdrawCoreAsync(user, cancellationToken));

    private async Task<ClaimReceipt> WithdrawCoreAsync(ISolanaSigner user, CancellationToken cancellationToken)
    {
        var intent = await RequestWithdrawalAsync(user, cancellationToken).ConfigureAwait(false);
        var signed = await SignIntentAsync(intent, user, cancellationToken).ConfigureAwait(false);
        return await SubmitAsync(intent.ClaimId, signed, cancellationToken).ConfigureAwait(false);
    }
}
