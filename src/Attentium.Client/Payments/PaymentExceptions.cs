using Attention.Sdk;

namespace Attentium.Payments;

/// <summary>
/// A campaign's payment did not land and provably never can: the block height passed the transaction's last valid block height,
/// the node reports the transaction's own blockhash as no longer valid (<c>isBlockhashValid</c>), and the signature was never
/// seen. Server-built transactions with a durable nonce are refused before signing, so the blockhash is what bounds them. The SDK
/// does not re-sign a server-built deposit on its own; request a new invoice (or, for the memo flow, pay again) knowing this one
/// cannot be charged.
/// </summary>
public sealed class PaymentExpiredException : AttentionException
{
    /// <summary>Creates the exception.</summary>
    public PaymentExpiredException(string campaignId, string signature, Exception? innerException)
        : base($"The payment {signature} for campaign {campaignId} expired before it landed (its blockhash is no longer valid); nothing was charged. Request a new invoice to pay again.", innerException)
    {
        CampaignId = campaignId;
        Signature = signature;
    }

    /// <summary>The campaign.</summary>
    public string CampaignId { get; }

    /// <summary>The expired transaction's signature.</summary>
    public string Signature { get; }
}

/// <summary>
/// A payment was sent but not confirmed within <see cref="AttentiumClientOptions.ConfirmationTimeout"/>, or it landed with an error.
/// It may still land: resume with <see cref="Campaigns.CampaignsClient.ResumeAsync"/> and the <see cref="Signature"/> rather than paying again.
/// </summary>
public sealed class PaymentNotConfirmedException : AttentionException
{
    /// <summary>Creates the exception.</summary>
    public PaymentNotConfirmedException(string campaignId, string signature, string reason, Exception? innerException)
        : base($"The payment {signature} for campaign {campaignId} was not confirmed: {reason}", innerException)
    {
        CampaignId = campaignId;
        Signature = signature;
    }

    /// <summary>The campaign.</summary>
    public string CampaignId { get; }

    /// <summary>The transaction's signature.</summary>
    public string Signature { get; }
}

/// <summary>
/// The invoice asks for more than the caller agreed to pay (the per-call cap, the request's
/// <see cref="Campaigns.CreateCampaignRequest.MaximumCost"/>, or <see cref="AttentiumClientOptions.MaximumPaymentUsdc"/>):
/// nothing was signed, sent or recorded.
/// </summary>
public sealed class PaymentCapExceededException : AttentionException
{
    /// <summary>Creates the exception.</summary>
    public PaymentCapExceededException(string campaignId, decimal invoicedAmount, decimal maximumAmount)
        : base(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The invoice for campaign {campaignId} asks for {invoicedAmount} USDC, above the caller's cap of {maximumAmount} USDC; nothing was signed."))
    {
        CampaignId = campaignId;
        InvoicedAmount = invoicedAmount;
        MaximumAmount = maximumAmount;
    }

    /// <summary>The campaign.</summary>
    public string CampaignId { get; }

    /// <summary>What the server invoiced, in USDC.</summary>
    public decimal InvoicedAmount { get; }

    /// <summary>The most the caller agreed to pay, in USDC.</summary>
    public decimal MaximumAmount { get; }
}
