namespace Attentium.Solana;

/// <summary>What a transaction is allowed to do with the agent's funds, per flow.</summary>
public sealed class InspectionPolicy
{
    private InspectionPolicy(InspectionFlow flow, string? campaignId, ulong maxUsdcOutflow)
    {
        Flow = flow;
        CampaignId = campaignId;
        MaxUsdcOutflow = maxUsdcOutflow;
    }

    /// <summary>The flow this policy is for.</summary>
    public InspectionFlow Flow { get; }

    /// <summary>For a campaign payment: the campaign id every memo must equal.</summary>
    public string? CampaignId { get; }

    /// <summary>The most USDC base units the agent may send (the invoiced amount; 0 for refunds and claims).</summary>
    public ulong MaxUsdcOutflow { get; }

    /// <summary>
    /// A campaign payment: a memo equal to <paramref name="campaignId"/> is required (and every memo must equal it), and the
    /// agent sends at most <paramref name="invoicedUsdcBaseUnits"/> of USDC (6 decimals; see <see cref="Usdc.ToBaseUnits"/>).
    /// </summary>
    public static InspectionPolicy CampaignPayment(string campaignId, ulong invoicedUsdcBaseUnits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(campaignId);
        return new InspectionPolicy(InspectionFlow.CampaignPayment, campaignId, invoicedUsdcBaseUnits);
    }

    /// <summary>A refund or a claim: the agent signs but sends nothing beyond network fees (and rent for its own token account).</summary>
    public static InspectionPolicy RefundOrClaim() => new(InspectionFlow.RefundOrClaim, null, 0);
}

/// <summary>The flows the inspector knows.</summary>
public enum InspectionFlow
{
    /// <summary>Paying an invoice for a campaign.</summary>
    CampaignPayment,

    /// <summary>Receiving a refund or claiming a reward.</summary>
    RefundOrClaim,
}
