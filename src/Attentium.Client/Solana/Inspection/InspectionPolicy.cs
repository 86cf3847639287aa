namespace Attentium.Solana;

/// <summary>What a transaction is allowed to do with the agent's funds, per flow.</summary>
public sealed class InspectionPolicy
{
    private InspectionPolicy(InspectionFlow flow, string? campaignId, ulong maxUsdcOutflow, ulong minUsdcGain)
    {
        Flow = flow;
        CampaignId = campaignId;
        MaxUsdcOutflow = maxUsdcOutflow;
        MinUsdcGain = minUsdcGain;
    }

    /// <summary>The flow this policy is for.</summary>
    public InspectionFlow Flow { get; }

    /// <summary>For a campaign payment: the campaign id every memo must equal.</summary>
    public string? CampaignId { get; }

    /// <summary>The most USDC base units the agent may send (the invoiced amount; 0 for refunds and claims).</summary>
    public ulong MaxUsdcOutflow { get; }

    /// <summary>
    /// For a refund or claim: the fewest USDC base units the simulation must show arriving in the agent's USDC account (the amount
    /// the server stated). 0 for payments.
    /// </summary>
    public ulong MinUsdcGain { get; }

    /// <summary>
    /// A campaign payment: a memo equal to <paramref name="campaignId"/> is required (and every memo must equal it), the agent sends
    /// at most <paramref name="invoicedUsdcBaseUnits"/> of USDC (6 decimals; see <see cref="Usdc.ToBaseUnits"/>), and every token it
    /// sends must reach the treasury's USDC account or this agent's escrow vault (see <see cref="TransactionInspectionOptions"/>).
    /// </summary>
    public static InspectionPolicy CampaignPayment(string campaignId, ulong invoicedUsdcBaseUnits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(campaignId);
        return new InspectionPolicy(InspectionFlow.CampaignPayment, campaignId, invoicedUsdcBaseUnits, 0);
    }

    /// <summary>
    /// A refund or a claim: the agent signs but sends nothing beyond network fees (and rent for its own token account), no
    /// authority over its accounts changes, and, when <paramref name="minimumUsdcGainBaseUnits"/> is positive, the simulation must
    /// show the agent's USDC account rising by at least that much (which needs simulation).
    /// </summary>
    /// <param name="minimumUsdcGainBaseUnits">The amount the server says the agent receives, in USDC base units.</param>
    public static InspectionPolicy RefundOrClaim(ulong minimumUsdcGainBaseUnits) => new(InspectionFlow.RefundOrClaim, null, 0, minimumUsdcGainBaseUnits);

    /// <summary>A refund or a claim with no stated amount: see <see cref="RefundOrClaim(ulong)"/>.</summary>
    public static InspectionPolicy RefundOrClaim() => RefundOrClaim(0);
}

/// <summary>The flows the inspector knows.</summary>
public enum InspectionFlow
{
    /// <summary>Paying an invoice for a campaign.</summary>
    CampaignPayment,

    /// <summary>Receiving a refund or claiming a reward.</summary>
    RefundOrClaim,
}
