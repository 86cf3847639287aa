using System.Globalization;
using Attention.Sdk;
using Attention.Sdk.Http;
using Attentium.Payments;
using Attentium.Solana;

namespace Attentium.Campaigns;

/// <summary>
/// Paid campaigns (<c>POST /v1/verify</c>). <see cref="CreateAsync"/> does everything: ask for the invoice (402), pay it
/// (a server-built escrow deposit is inspected and signed; the memo flow is built by the SDK), confirm on Solana, and submit the
/// payment with <c>X-Solana-Tx-Signature</c>, <c>X-Agent-Key</c> and <c>X-Campaign-Id</c> for the campaign keys. The steps are
/// public for callers with their own wallets: <see cref="RequestInvoiceAsync(CreateCampaignRequest, PublicKey, CancellationToken)"/>, <see cref="PayInvoiceAsync(PaymentInvoice, ISolanaSigner, decimal, CancellationToken)"/>,
/// <see cref="SubmitPaymentAsync(CreateCampaignRequest, CampaignPayment, CancellationToken)"/>. Every payment is written to the
/// <see cref="IPaymentLedger"/> before it is sent, and a campaign id already in the ledger is never paid again: its payment is
/// resumed instead. After a crash, <see cref="ResumeAsync"/> finishes a campaign whose payment landed.
/// </summary>
public class CampaignsClient
{
    private readonly ApiConnection _connection = null!;
    private readonly SolanaPayments _payments = null!;
    private readonly AttentiumClientOptions _options = null!;

    internal CampaignsClient(ApiConnection connection, SolanaPayments payments, AttentiumClientOptions options)
    {
        _connection = connection;
        _payments = payments;
        _options = options;
    }

    /// <summary>For mocking.</summary>
    protected CampaignsClient()
    {
    }

    /// <summary>
    /// Creates a paid campaign in one call: invoice → cap → inspect/build → sign → send → confirm → submit → keys. The invoice may
    /// cost at most the request's <see cref="CreateCampaignRequest.MaximumCost"/> (and <see cref="AttentiumClientOptions.MaximumPaymentUsdc"/>
    /// when set); above that nothing is signed.
    /// </summary>
    /// <param name="request">The campaign (validated before anything is sent).</param>
    /// <param name="agent">The agent's wallet: pays, signs, and is sent as <c>X-Agent-Key</c>.</param>
    /// <param name="cancellationToken">Cancels the call (a payment already sent stays in the ledger; resume it).</param>
    /// <exception cref="ArgumentException">The request is invalid (nothing was sent).</exception>
    /// <exception cref="PaymentCapExceededException">The invoice costs more than the request's maximum cost or the client-wide cap (nothing was signed).</exception>
    /// <exception cref="TransactionRejectedException">The server's transaction failed inspection (nothing was signed).</exception>
    /// <exception cref="PaymentExpiredException">The payment expired before landing (nothing was charged).</exception>
    /// <exception cref="PaymentNotConfirmedException">The payment was not confirmed in time; resume with its signature.</exception>
    /// <exception cref="AttentiumPaymentRejectedException">The server refused the payment proof (missing or mismatched memo, ...).</exception>
    /// <exception cref="AttentionException">Another API failure.</exception>
    public virtual Task<CampaignKeys> CreateAsync(CreateCampaignRequest request, ISolanaSigner agent, CancellationToken cancellationToken = default) =>
        SolanaPayments.InFlowAsync("attentium create_campaign", null, () => CreateCoreAsync(request, agent, cancellationToken));

    private async Task<CampaignKeys> CreateCoreAsync(CreateCampaignRequest request, ISolanaSigner agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(agent);
        request.Validate();
        var first = await RequestInvoiceAsync(request, agent.PublicKey, cancellationToken).ConfigureAwait(false);
        if (first.Invoice is not { } invoice)
        {
            return first.Keys!;
        }

        var cap = _options.MaximumPaymentUsdc is { } clientCap ? Math.Min(clientCap, request.MaximumCost) : request.MaximumCost;
        var payment = await PayInvoiceAsync(invoice, agent, cap, cancellationToken).ConfigureAwait(false);
        return await SubmitPaymentAsync(request, payment, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Step 1: <c>POST /v1/verify</c> without payment headers (with <c>X-Agent-Key</c>, so the server can build the deposit for
    /// this agent). Returns the invoice of the 402 answer, or the keys if the server needs no payment.
    /// </summary>
    /// <param name="request">The campaign (validated before anything is sent).</param>
    /// <param name="agent">The paying wallet's public key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The request is invalid (nothing was sent).</exception>
    /// <exception cref="AttentionException">The call failed (a 402 without amount or campaign id is an <see cref="AttentiumPaymentRequiredException"/>).</exception>
    public virtual Task<CampaignInvoiceResult> RequestInvoiceAsync(CreateCampaignRequest request, PublicKey agent, CancellationToken cancellationToken = default) =>
        RequestInvoiceAsync(request, agent, null, cancellationToken);

    /// <summary>Step 1 with per-call options; otherwise as <see cref="RequestInvoiceAsync(CreateCampaignRequest, PublicKey, CancellationToken)"/>.</summary>
    /// <param name="request">The campaign (validated before anything is sent).</param>
    /// <param name="agent">The paying wallet's public key.</param>
    /// <param name="requestOptions">
    /// Per-call options (extra headers). After a 2xx answer (keys without payment), <see cref="RequestOptions.Response"/>; after the usual
    /// 402 answer it stays null (the invoice is read from that answer). Null: the plain call. Attentium de-duplicates nothing by
    /// <c>Idempotency-Key</c>, so a key is refused.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The request is invalid, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual async Task<CampaignInvoiceResult> RequestInvoiceAsync(CreateCampaignRequest request, PublicKey agent, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(agent);
        request.Validate();
        try
        {
            var keys = await _connection.SendAsync(
                new ApiRequest(AttentiumEndpoints.Verify).WithJsonBody(request, AttentiumJsonContext.Default.CreateCampaignRequest).WithHeader("X-Agent-Key", agent.ToBase58()),
                AttentiumJsonContext.Default.CampaignKeys,
                requestOptions,
                cancellationToken).ConfigureAwait(false);
            return new CampaignInvoiceResult(keys, null);
        }
        catch (AttentiumPaymentRequiredException ex) when (ex.Invoice is { } invoice)
        {
            return new CampaignInvoiceResult(null, invoice);
        }
    }

    /// <summary>
    /// Step 2 with the client-wide cap: <see cref="PayInvoiceAsync(PaymentInvoice, ISolanaSigner, decimal, CancellationToken)"/> with
    /// <see cref="AttentiumClientOptions.MaximumPaymentUsdc"/> as the most the invoice may cost.
    /// </summary>
    /// <param name="invoice">The invoice from <see cref="RequestInvoiceAsync(CreateCampaignRequest, PublicKey, CancellationToken)"/>.</param>
    /// <param name="agent">The paying wallet.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidOperationException"><see cref="AttentiumClientOptions.MaximumPaymentUsdc"/> is not set (nothing was signed): pass a cap.</exception>
    /// <exception cref="PaymentCapExceededException">The invoice costs more than the cap (nothing was signed).</exception>
    /// <exception cref="TransactionRejectedException">The server's transaction failed inspection (nothing was signed).</exception>
    /// <exception cref="PaymentExpiredException">The payment expired before landing.</exception>
    /// <exception cref="PaymentNotConfirmedException">Not confirmed in time, or failed on chain.</exception>
    public virtual Task<CampaignPayment> PayInvoiceAsync(PaymentInvoice invoice, ISolanaSigner agent, CancellationToken cancellationToken = default)
    {
        var cap = _options.MaximumPaymentUsdc
            ?? throw new InvalidOperationException($"Paying an invoice needs a cap the caller agreed to: pass maximumAmount, or set {nameof(AttentiumClientOptions)}.{nameof(AttentiumClientOptions.MaximumPaymentUsdc)}. The server's own amount is not a cap.");
        return PayInvoiceAsync(invoice, agent, cap, cancellationToken);
    }

    /// <summary>
    /// Step 2: pays an invoice that costs at most <paramref name="maximumAmount"/> USDC (and at most
    /// <see cref="AttentiumClientOptions.MaximumPaymentUsdc"/> when set) and waits for confirmation. With a server-built transaction:
    /// inspect (fee payer, programs, memo = campaign id, USDC out ≤ invoice and only to the treasury's account or this agent's
    /// escrow vault, simulation), sign the agent's slot, send. Without one (memo flow): a USDC TransferChecked of the amount to
    /// <see cref="AttentiumClientOptions.Treasury"/> (its token account created idempotently) plus a memo of the campaign id. The
    /// payment is recorded in the ledger before it is sent; if the campaign id is already there, nothing is signed and the recorded
    /// payment is confirmed and returned (<see cref="CampaignPayment.Resumed"/>).
    /// </summary>
    /// <param name="invoice">The invoice from <see cref="RequestInvoiceAsync(CreateCampaignRequest, PublicKey, CancellationToken)"/>.</param>
    /// <param name="agent">The paying wallet.</param>
    /// <param name="maximumAmount">The most the caller agrees to pay, in USDC (for a campaign, its <see cref="CreateCampaignRequest.MaximumCost"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentOutOfRangeException">The cap is not positive, or the invoice amount is not positive.</exception>
    /// <exception cref="PaymentCapExceededException">The invoice costs more than the cap (nothing was signed).</exception>
    /// <exception cref="TransactionRejectedException">The server's transaction failed inspection (nothing was signed).</exception>
    /// <exception cref="InvalidOperationException">Memo flow without a configured treasury, or the invoice names another treasury or mint.</exception>
    /// <exception cref="PaymentExpiredException">The payment expired before landing.</exception>
    /// <exception cref="PaymentNotConfirmedException">Not confirmed in time, or failed on chain.</exception>
    public virtual Task<CampaignPayment> PayInvoiceAsync(PaymentInvoice invoice, ISolanaSigner agent, decimal maximumAmount, CancellationToken cancellationToken = default) =>
        SolanaPayments.InFlowAsync("attentium pay_invoice", invoice?.CampaignId, // null is checked inside, before anything happens
            () => PayInvoiceCoreAsync(invoice!, agent, maximumAmount, cancellationToken));

    private async Task<CampaignPayment> PayInvoiceCoreAsync(PaymentInvoice invoice, ISolanaSigner agent, decimal maximumAmount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentException.ThrowIfNullOrWhiteSpace(invoice.CampaignId, nameof(invoice));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximumAmount);
        if (invoice.Amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(invoice), invoice.Amount, "The invoice amount must be positive.");
        }

        if (await _payments.Ledger.FindAsync(invoice.CampaignId, cancellationToken).ConfigureAwait(false) is { } paid)
        {
            return await ResumeRecordedAsync(paid, cancellationToken).ConfigureAwait(false);
        }

        var cap = _options.MaximumPaymentUsdc is { } clientCap ? Math.Min(clientCap, maximumAmount) : maximumAmount;
        if (invoice.Amount > cap)
        {
            throw new PaymentCapExceededException(invoice.CampaignId, invoice.Amount, cap);
        }

        // Only the holder of the ledger's reservation signs: others wait for its record and confirm that payment.
        var owner = Guid.NewGuid().ToString("N");
        if (await PaymentReservations.ReserveOrAwaitRecordAsync(_payments.Ledger, invoice.CampaignId, owner, cancellationToken).ConfigureAwait(false) is { } recordedByOther)
        {
            return await ResumeRecordedAsync(recordedByOther, cancellationToken).ConfigureAwait(false);
        }

        PaymentRecord record;
        Transaction transaction;
        ulong lastValid;
        bool won;
        try
        {
            (record, won, transaction, lastValid) = await SignAndRecordAsync(invoice, agent, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await PaymentReservations.ReleaseAsync(_payments.Ledger, invoice.CampaignId, owner).ConfigureAwait(false);
            throw;
        }

        if (!won)
        {
            // Another call recorded a payment for this campaign first (a lease that ran out): never send a second one.
            return await ResumeRecordedAsync(record, cancellationToken).ConfigureAwait(false);
        }

        await _payments.SendAsync(transaction, cancellationToken).ConfigureAwait(false);
        await _payments.ConfirmAsync(invoice.CampaignId, record.Signature, lastValid, Convert.FromBase64String(record.SignedTransaction!), cancellationToken).ConfigureAwait(false);
        return new CampaignPayment(invoice.CampaignId, record.Signature, record.Agent, invoice.Amount, Resumed: false);
    }

    /// <summary>
    /// Builds (or inspects) and signs the payment, then records it; returns the record that won (the caller's own, or, with
    /// <c>Won</c> false, one another call recorded first).
    /// </summary>
    private async Task<(PaymentRecord Record, bool Won, Transaction Transaction, ulong LastValid)> SignAndRecordAsync(PaymentInvoice invoice, ISolanaSigner agent, CancellationToken cancellationToken)
    {
        var units = Usdc.ToBaseUnits(invoice.Amount);
        Transaction transaction;
        ulong lastValid;
        if (invoice.HasTransaction)
        {
            transaction = await _payments.InspectAndSignAsync(
                invoice.Transaction!, agent, InspectionPolicy.CampaignPayment(invoice.CampaignId, units), "deposit transaction", cancellationToken).ConfigureAwait(false);
            lastValid = await _payments.CurrentLastValidBlockHeightAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var treasury = RequireTreasury(invoice);
            (transaction, lastValid) = await _payments.BuildMemoPaymentAsync(agent, treasury, units, invoice.CampaignId, cancellationToken).ConfigureAwait(false);
        }

        var signature = transaction.Signature ?? throw new InvalidOperationException("The payment transaction has no fee-payer signature.");
        var bytes = transaction.Serialize();
        var record = new PaymentRecord(invoice.CampaignId, signature, agent.PublicKey.ToBase58(), invoice.Amount, Convert.ToBase64String(bytes), lastValid, _options.TimeProvider.GetUtcNow());
        if (!await _payments.Ledger.TryRecordAsync(record, cancellationToken).ConfigureAwait(false))
        {
            var first = await _payments.Ledger.FindAsync(invoice.CampaignId, cancellationToken).ConfigureAwait(false);
            return (first ?? throw new InvalidOperationException($"The ledger refused the record of campaign {invoice.CampaignId} but holds none."), false, transaction, lastValid);
        }

        return (record, true, transaction, lastValid);
    }

    /// <summary>Step 3: <c>POST /v1/verify</c> again with the payment headers; returns the campaign keys.</summary>
    /// <param name="request">The same campaign as step 1.</param>
    /// <param name="payment">The confirmed payment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The request is invalid (nothing was sent).</exception>
    /// <exception cref="AttentiumPaymentRejectedException">The server refused the proof (<see cref="MissingCampaignIdException"/>, <see cref="MissingMemoException"/>, <see cref="MemoMismatchException"/>).</exception>
    /// <exception cref="AttentiumPaymentRequiredException">The server did not find (enough of) the payment.</exception>
    /// <exception cref="AttentionException">Another API failure.</exception>
    public virtual Task<CampaignKeys> SubmitPaymentAsync(CreateCampaignRequest request, CampaignPayment payment, CancellationToken cancellationToken = default) =>
        SubmitPaymentAsync(request, payment, null, cancellationToken);

    /// <summary>Step 3 with per-call options; otherwise as <see cref="SubmitPaymentAsync(CreateCampaignRequest, CampaignPayment, CancellationToken)"/>.</summary>
    /// <param name="request">The same campaign as step 1.</param>
    /// <param name="payment">The confirmed payment.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call. Attentium de-duplicates nothing by <c>Idempotency-Key</c>, so a key is refused.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The request is invalid, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="AttentionException">As the plain overload.</exception>
    public virtual Task<CampaignKeys> SubmitPaymentAsync(CreateCampaignRequest request, CampaignPayment payment, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return SubmitPaymentAsync(request, payment.CampaignId, payment.Signature, PublicKey.Parse(payment.Agent), requestOptions, cancellationToken);
    }

    /// <summary>Step 3 with the values given one by one (a payment made by your own wallet).</summary>
    /// <param name="request">The same campaign as step 1.</param>
    /// <param name="campaignId">The invoice's campaign id (<c>X-Campaign-Id</c>).</param>
    /// <param name="signature">The payment's signature (<c>X-Solana-Tx-Signature</c>).</param>
    /// <param name="agent">The paying wallet (<c>X-Agent-Key</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An argument is invalid (nothing was sent).</exception>
    /// <exception cref="AttentionException">As <see cref="SubmitPaymentAsync(CreateCampaignRequest, CampaignPayment, CancellationToken)"/>.</exception>
    public virtual Task<CampaignKeys> SubmitPaymentAsync(CreateCampaignRequest request, string campaignId, string signature, PublicKey agent, CancellationToken cancellationToken = default) =>
        SubmitPaymentAsync(request, campaignId, signature, agent, null, cancellationToken);

    /// <summary>
    /// Step 3 with the values given one by one and per-call options; otherwise as
    /// <see cref="SubmitPaymentAsync(CreateCampaignRequest, string, string, PublicKey, CancellationToken)"/>. The extra headers cannot
    /// replace the payment headers the SDK sets.
    /// </summary>
    /// <param name="request">The same campaign as step 1.</param>
    /// <param name="campaignId">The invoice's campaign id (<c>X-Campaign-Id</c>).</param>
    /// <param name="signature">The payment's signature (<c>X-Solana-Tx-Signature</c>).</param>
    /// <param name="agent">The paying wallet (<c>X-Agent-Key</c>).</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call. Attentium de-duplicates nothing by <c>Idempotency-Key</c>, so a key is refused.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An argument is invalid, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="AttentionException">As the plain overload.</exception>
    public virtual async Task<CampaignKeys> SubmitPaymentAsync(CreateCampaignRequest request, string campaignId, string signature, PublicKey agent, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(campaignId);
        ValidateSignature(signature);
        ArgumentNullException.ThrowIfNull(agent);
        request.Validate();
        var keys = await _connection.SendAsync(
            new ApiRequest(AttentiumEndpoints.Verify)
                .WithJsonBody(request, AttentiumJsonContext.Default.CreateCampaignRequest)
                .WithHeader("X-Solana-Tx-Signature", signature)
                .WithHeader("X-Agent-Key", agent.ToBase58())
                .WithHeader("X-Campaign-Id", campaignId),
            AttentiumJsonContext.Default.CampaignKeys,
            requestOptions,
            cancellationToken).ConfigureAwait(false);
        await _payments.Ledger.MarkSubmittedAsync(campaignId, cancellationToken).ConfigureAwait(false);
        return keys;
    }

    /// <summary>
    /// Finishes a campaign whose payment was already sent (for example before a crash): confirms <paramref name="signature"/> on
    /// Solana (re-sending the recorded bytes when the ledger has them), then submits it. Never signs or sends a new payment.
    /// </summary>
    /// <param name="campaignId">The invoice's campaign id.</param>
    /// <param name="signature">The payment's signature.</param>
    /// <param name="request">The same campaign as the first call.</param>
    /// <param name="agent">The paying wallet.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An argument is invalid (nothing was sent).</exception>
    /// <exception cref="PaymentExpiredException">The payment can no longer land.</exception>
    /// <exception cref="PaymentNotConfirmedException">Not confirmed within the timeout, or failed on chain.</exception>
    /// <exception cref="AttentionException">The submission failed.</exception>
    public virtual async Task<CampaignKeys> ResumeAsync(string campaignId, string signature, CreateCampaignRequest request, PublicKey agent, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(campaignId);
        ValidateSignature(signature);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(agent);
        request.Validate();
        var recorded = await _payments.Ledger.FindAsync(campaignId, cancellationToken).ConfigureAwait(false);
        if (recorded is not null && !string.Equals(recorded.Signature, signature, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Campaign {campaignId} was paid by {recorded.Signature}, not {signature}; resume with the recorded signature.", nameof(signature));
        }

        var record = recorded ?? new PaymentRecord(campaignId, signature, agent.ToBase58(), 0, null, null, _options.TimeProvider.GetUtcNow());
        if (!record.Submitted)
        {
            await ConfirmRecordedAsync(record, cancellationToken).ConfigureAwait(false);
        }

        return await SubmitPaymentAsync(request, campaignId, signature, agent, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CampaignPayment> ResumeRecordedAsync(PaymentRecord record, CancellationToken cancellationToken)
    {
        if (!record.Submitted)
        {
            await ConfirmRecordedAsync(record, cancellationToken).ConfigureAwait(false);
        }

        return new CampaignPayment(record.CampaignId, record.Signature, record.Agent, record.Amount, Resumed: true);
    }

    private Task ConfirmRecordedAsync(PaymentRecord record, CancellationToken cancellationToken) =>
        _payments.ConfirmAsync(
            record.CampaignId,
            record.Signature,
            record.LastValidBlockHeight ?? ulong.MaxValue, // unknown: wait for the status until the confirmation timeout
            record.SignedTransaction is null ? null : Convert.FromBase64String(record.SignedTransaction),
            cancellationToken);

    private PublicKey RequireTreasury(PaymentInvoice invoice)
    {
        var treasury = _options.Treasury
            ?? throw new InvalidOperationException($"The invoice for campaign {invoice.CampaignId} has no transaction (memo flow) and {nameof(AttentiumClientOptions)}.{nameof(AttentiumClientOptions.Treasury)} is not set: the SDK pays only a treasury you configured.");
        if (invoice.Treasury is { Length: > 0 } named && named != treasury.ToBase58())
        {
            throw new InvalidOperationException($"The invoice names treasury {named}, not the configured {treasury}; refusing to pay it.");
        }

        if (invoice.Mint is { Length: > 0 } mint && mint != _payments.UsdcMint.ToBase58())
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The invoice asks for mint {mint}, not the configured USDC mint {_payments.UsdcMint}; refusing to pay it."));
        }

        return treasury;
    }

    private static void ValidateSignature(string signature)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signature);
        if (!Base58.TryDecode(signature, out var bytes) || bytes.Length != 64)
        {
            throw new ArgumentException("The signature must be a base58 Solana transaction signature (64 bytes).", nameof(signature));
        }
    }
}
