using Attention.Sdk;

namespace Attentium.Payments;

/// <summary>
/// A campaign's payment did not land before its blockhash expired: it can never land now. The SDK does not re-sign a server-built
/// deposit on its own; request a new invoice (or, for the memo flow, pay again) knowing this one cannot be charged.
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
/// It may still land: resume with <see cref="Campaigns.CampaignsClient.ResumeCampaignAsync"/> and the <see cref="Signature"/> rather than paying again.
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
