using System.Text.Json;
using System.Text.Json.Serialization;
using Attention.Sdk.Json;
using Attentium.Campaigns;

namespace Attentium.Refunds;

/// <summary>A campaign's status and escrow (<c>GET /v1/campaigns/{tx_hash}</c>), with the refund transaction when refundable.</summary>
public sealed record CampaignState
{
    /// <summary>The campaign's transaction hash.</summary>
    [JsonPropertyName("tx_hash")]
    public string? TxHash { get; init; }

    /// <summary>The campaign id.</summary>
    [JsonPropertyName("campaign_id")]
    public string? CampaignId { get; init; }

    /// <summary>The status (<c>active</c>, <c>expired</c>, ...).</summary>
    [JsonPropertyName("status")]
    public CampaignStatus? Status { get; init; }

    /// <summary>USDC left in the escrow.</summary>
    [JsonPropertyName("escrow_balance")]
    [JsonConverter(typeof(NullableFlexibleDecimalConverter))]
    public decimal? EscrowBalance { get; init; }

    /// <summary>Whether the unspent escrow can be withdrawn now.</summary>
    [JsonPropertyName("refundable")]
    public bool Refundable { get; init; }

    /// <summary>The base64 withdraw transaction to sign, when refundable.</summary>
    [JsonPropertyName("withdraw_escrow_tx")]
    public string? WithdrawEscrowTransaction { get; init; }

    /// <summary>Fields the SDK does not know yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>A refund that landed.</summary>
/// <param name="TxHash">The campaign.</param>
/// <param name="Signature">The withdraw transaction's signature.</param>
/// <param name="Amount">The escrow balance the server reported before the withdrawal, in USDC.</param>
public sealed record RefundResult(string TxHash, string Signature, decimal? Amount);
