using System.Text.Json;
using System.Text.Json.Serialization;
using Attention.Sdk.Json;

namespace Attentium.Claims;

/// <summary>How the claim-request signature is encoded in <c>POST /v1/claims/withdraw</c>.</summary>
public enum ClaimSignatureEncoding
{
    /// <summary>Base58, as Solana wallets and HTTP APIs usually send signatures (the default).</summary>
    Base58,

    /// <summary>Base64.</summary>
    Base64,
}

/// <summary>A worker's claimable balance (<c>GET /v1/claims/balance</c>).</summary>
public sealed record ClaimBalance
{
    /// <summary>Claimable USDC.</summary>
    [JsonPropertyName("usdc_balance")]
    [JsonConverter(typeof(FlexibleDecimalConverter))]
    public decimal UsdcBalance { get; init; }

    /// <summary>Season points.</summary>
    [JsonPropertyName("season_points")]
    public long SeasonPoints { get; init; }

    /// <summary>Items not yet settled.</summary>
    [JsonPropertyName("pending_items")]
    public int PendingItems { get; init; }

    /// <summary>Fields the SDK does not know yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The body of <c>POST /v1/claims/withdraw</c>.</summary>
/// <param name="UserPubkey">The worker's wallet.</param>
/// <param name="Timestamp">Milliseconds since the Unix epoch (within 5 minutes of server time).</param>
/// <param name="Signature">The signature of <c>Claim request for {userPubkey} at {timestamp}</c>.</param>
public sealed record ClaimWithdrawRequest(
    [property: JsonPropertyName("userPubkey")] string UserPubkey,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("signature")] string Signature);

/// <summary>A claim intent (<c>POST /v1/claims/withdraw</c>): the unsigned transaction the worker signs.</summary>
public sealed record ClaimIntent
{
    /// <summary>The intent status (<c>pending_signature</c>).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The base64 unsigned transaction.</summary>
    [JsonPropertyName("transaction")]
    public required string Transaction { get; init; }

    /// <summary>The claim id to submit with.</summary>
    [JsonPropertyName("claimId")]
    public required string ClaimId { get; init; }

    /// <summary>The USDC amount claimed.</summary>
    [JsonPropertyName("amount")]
    [JsonConverter(typeof(NullableFlexibleDecimalConverter))]
    public decimal? Amount { get; init; }

    /// <summary>Fields the SDK does not know yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The body of <c>POST /v1/claims/submit</c>.</summary>
/// <param name="ClaimId">The claim id.</param>
/// <param name="SignedTransaction">The base64 signed transaction.</param>
public sealed record ClaimSubmitRequest(
    [property: JsonPropertyName("claimId")] string ClaimId,
    [property: JsonPropertyName("signedTransaction")] string SignedTransaction);

/// <summary>The answer of <c>POST /v1/claims/submit</c>.</summary>
public sealed record ClaimReceipt
{
    /// <summary>Whether the server broadcast the transaction.</summary>
    [JsonPropertyName("success")]
    public bool Success { get; init; }

    /// <summary>The claim transaction's signature.</summary>
    [JsonPropertyName("txHash")]
    public string? TxHash { get; init; }

    /// <summary>The USDC amount paid out.</summary>
    [JsonPropertyName("amount")]
    [JsonConverter(typeof(NullableFlexibleDecimalConverter))]
    public decimal? Amount { get; init; }

    /// <summary>Fields the SDK does not know yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
