using System.Text.Json;
using System.Text.Json.Serialization;
using Attention.Sdk.Json;

namespace Attentium.Market;

/// <summary>The oracle clearing price (<c>GET /v1/oracle/quote</c>): the recommended gross bid to be sure of fulfilment.</summary>
public sealed record OracleQuote
{
    /// <summary>The attention length the quote is for, in seconds.</summary>
    [JsonPropertyName("duration")]
    public int Duration { get; init; }

    /// <summary>The recommended gross bid, in US cents.</summary>
    [JsonPropertyName("gross_bid_cents")]
    [JsonConverter(typeof(FlexibleDecimalConverter))]
    public decimal GrossBidCents { get; init; }

    /// <summary>How many campaigns are in the market.</summary>
    [JsonPropertyName("market_depth")]
    public int MarketDepth { get; init; }

    /// <summary>When the quote was made.</summary>
    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Fields the SDK does not know yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The live order book (<c>GET /v1/orderbook</c>).</summary>
public sealed record OrderBook
{
    /// <summary>How many orders the server counts.</summary>
    [JsonPropertyName("count")]
    public int Count { get; init; }

    /// <summary>The active campaigns.</summary>
    [JsonPropertyName("orders")]
    public IReadOnlyList<OrderBookEntry> Orders { get; init; } = [];

    /// <summary>Fields the SDK does not know yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>One active campaign in the order book.</summary>
public sealed record OrderBookEntry
{
    /// <summary>The campaign's transaction hash (its id in the results and refund endpoints).</summary>
    [JsonPropertyName("tx_hash")]
    public string? TxHash { get; init; }

    /// <summary>The bid in USDC per second of attention.</summary>
    [JsonPropertyName("bid_per_second")]
    [JsonConverter(typeof(FlexibleDecimalConverter))]
    public decimal BidPerSecond { get; init; }

    /// <summary>The attention length in seconds.</summary>
    [JsonPropertyName("duration")]
    public int Duration { get; init; }

    /// <summary>How many verifiers the campaign asks for.</summary>
    [JsonPropertyName("quantity")]
    public int Quantity { get; init; }

    /// <summary>Fields the SDK does not know yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
