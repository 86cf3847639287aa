using System.Text.Json;
using System.Text.Json.Serialization;
using Attentium.Campaigns;

namespace Attentium.Results;

/// <summary>A campaign's results (<c>GET /v1/campaigns/{tx_hash}/results?key=</c>). Unknown fields are kept.</summary>
public sealed record CampaignResults
{
    /// <summary>The campaign's transaction hash.</summary>
    [JsonPropertyName("tx_hash")]
    public string? TxHash { get; init; }

    /// <summary>The campaign status (<c>pending</c>, <c>completed</c>, ...).</summary>
    [JsonPropertyName("status")]
    public CampaignStatus? Status { get; init; }

    /// <summary>How many verifiers were asked for.</summary>
    [JsonPropertyName("quantity")]
    public int? Quantity { get; init; }

    /// <summary>How many have answered.</summary>
    [JsonPropertyName("completed")]
    public int? Completed { get; init; }

    /// <summary>The question asked.</summary>
    [JsonPropertyName("validation_question")]
    public string? ValidationQuestion { get; init; }

    /// <summary>The verifiers' answers so far.</summary>
    [JsonPropertyName("responses")]
    public IReadOnlyList<VerifierResponse> Responses { get; init; } = [];

    /// <summary>The server's summary (for example counts per answer), as sent.</summary>
    [JsonPropertyName("summary")]
    public JsonElement? Summary { get; init; }

    /// <summary>Whether every verifier answered (status <c>completed</c>, or completed ≥ quantity).</summary>
    [JsonIgnore]
    public bool IsComplete => Status == CampaignStatus.Completed || (Quantity is > 0 && Completed >= Quantity);

    /// <summary>Fields the SDK does not know yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>One verifier's answer.</summary>
public sealed record VerifierResponse
{
    /// <summary>The verifier's anonymous id.</summary>
    [JsonPropertyName("verifier_id")]
    public string? VerifierId { get; init; }

    /// <summary>The answer.</summary>
    [JsonPropertyName("answer")]
    public string? Answer { get; init; }

    /// <summary>Seconds of attention given.</summary>
    [JsonPropertyName("attention_seconds")]
    public int? AttentionSeconds { get; init; }

    /// <summary>Fields the SDK does not know yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
