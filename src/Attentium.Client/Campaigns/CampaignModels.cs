using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Attention.Sdk.Json;

namespace Attentium.Campaigns;

/// <summary>The body of <c>POST /v1/verify</c>: what to verify, by how many humans, for how long and at what price.</summary>
public sealed record CreateCampaignRequest
{
    /// <summary>The smallest bid the API accepts, in USDC per second.</summary>
    public const decimal MinimumBidPerSecond = 0.003m;

    /// <summary>Length of attention needed, in seconds: 10, 30 or 60.</summary>
    [JsonPropertyName("duration")]
    public required int Duration { get; init; }

    /// <summary>Number of human verifiers needed (at least 1).</summary>
    [JsonPropertyName("quantity")]
    public required int Quantity { get; init; }

    /// <summary>USDC offered per second of attention (at least 0.003).</summary>
    [JsonPropertyName("bid_per_second")]
    public required decimal BidPerSecond { get; init; }

    /// <summary>The question verifiers answer (for example "Is this a cat?").</summary>
    [JsonPropertyName("validation_question")]
    public required string ValidationQuestion { get; init; }

    /// <summary>URL of the content to verify.</summary>
    [JsonPropertyName("content_url")]
    public string? ContentUrl { get; init; }

    /// <summary>Webhook URL that receives the results.</summary>
    [JsonPropertyName("callback_url")]
    public string? CallbackUrl { get; init; }

    /// <summary>The most this campaign can cost: bid × duration × quantity, in USDC.</summary>
    [JsonIgnore]
    public decimal MaximumCost => BidPerSecond * Duration * Quantity;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field; called before anything is sent.</summary>
    public void Validate()
    {
        ValidateDuration(Duration, nameof(Duration));
        if (Quantity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Quantity), Quantity, "quantity must be at least 1.");
        }

        if (BidPerSecond < MinimumBidPerSecond)
        {
            throw new ArgumentOutOfRangeException(nameof(BidPerSecond), BidPerSecond, string.Create(CultureInfo.InvariantCulture, $"bid_per_second must be at least {MinimumBidPerSecond} USDC."));
        }

        if (string.IsNullOrWhiteSpace(ValidationQuestion))
        {
            throw new ArgumentException("validation_question is required.", nameof(ValidationQuestion));
        }

        ValidateUrl(ContentUrl, nameof(ContentUrl));
        ValidateUrl(CallbackUrl, nameof(CallbackUrl));
    }

    internal static void ValidateDuration(int duration, string name)
    {
        if (duration is not (10 or 30 or 60))
        {
            throw new ArgumentOutOfRangeException(name, duration, "duration must be 10, 30 or 60 seconds.");
        }
    }

    private static void ValidateUrl(string? url, string name)
    {
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            throw new ArgumentException($"{name} must be an absolute http(s) URL.", name);
        }
    }
}

/// <summary>
/// The 402 answer of the first <c>POST /v1/verify</c>: the invoice to pay. With <see cref="Transaction"/> the server built the
/// escrow deposit (inspect, sign, send); without it, pay <see cref="Amount"/> USDC to the treasury with a memo of <see cref="CampaignId"/>.
/// </summary>
public sealed record PaymentInvoice
{
    /// <summary>The error code, <c>payment_required</c>.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>The server's explanation.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The base64 serialized deposit transaction the agent signs, when the server built one.</summary>
    [JsonPropertyName("transaction")]
    public string? Transaction { get; init; }

    /// <summary>The amount due, in USDC.</summary>
    [JsonPropertyName("amount")]
    [JsonConverter(typeof(FlexibleDecimalConverter))]
    public required decimal Amount { get; init; }

    /// <summary>The campaign id: the memo of the payment and the <c>X-Campaign-Id</c> header of the second call.</summary>
    [JsonPropertyName("campaign_id")]
    public required string CampaignId { get; init; }

    /// <summary>The treasury the server names for the memo flow, when it names one (the SDK pays the configured treasury and refuses a different one).</summary>
    [JsonPropertyName("treasury")]
    public string? Treasury { get; init; }

    /// <summary>The mint the server names for the memo flow, when it names one.</summary>
    [JsonPropertyName("mint")]
    public string? Mint { get; init; }

    /// <summary>Whether the server built the transaction (escrow flow) or the payer builds it (memo flow).</summary>
    [JsonIgnore]
    public bool HasTransaction => !string.IsNullOrEmpty(Transaction);

    /// <summary>Fields the SDK does not know yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>
/// The 200 answer of <c>POST /v1/verify</c>: the campaign's keys. <see cref="ReadKey"/> is a secret (it reads the results):
/// it is redacted from <see cref="ToString"/>.
/// </summary>
public sealed record CampaignKeys
{
    /// <summary>The campaign status (for example <c>active</c>).</summary>
    [JsonPropertyName("status")]
    public CampaignStatus? Status { get; init; }

    /// <summary>The transaction hash that identifies the campaign in the results and refund endpoints.</summary>
    [JsonPropertyName("tx_hash")]
    public string? TxHash { get; init; }

    /// <summary>The campaign id.</summary>
    [JsonPropertyName("campaign_id")]
    public string? CampaignId { get; init; }

    /// <summary>The secret key that reads the results (<c>?key=</c>).</summary>
    [JsonPropertyName("read_key")]
    public string? ReadKey { get; init; }

    /// <summary>The amount paid, in USDC, when the server says.</summary>
    [JsonPropertyName("amount")]
    [JsonConverter(typeof(NullableFlexibleDecimalConverter))]
    public decimal? Amount { get; init; }

    /// <summary>Fields the SDK does not know yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The keys with <see cref="ReadKey"/> redacted.</summary>
    public override string ToString() =>
        $"CampaignKeys {{ Status = {Status}, TxHash = {TxHash}, CampaignId = {CampaignId}, ReadKey = {(ReadKey is null ? "(none)" : "***")}, Amount = {Amount?.ToString(CultureInfo.InvariantCulture)} }}";
}

/// <summary>What the first <c>POST /v1/verify</c> returned: the keys (no payment needed) or the invoice to pay.</summary>
/// <param name="Keys">The campaign keys when the server answered 200.</param>
/// <param name="Invoice">The invoice when the server answered 402.</param>
public sealed record CampaignInvoiceResult(CampaignKeys? Keys, PaymentInvoice? Invoice)
{
    /// <summary>Whether a payment is due.</summary>
    public bool PaymentRequired => Invoice is not null;
}

/// <summary>A payment that landed (or was found in the ledger): what the second <c>POST /v1/verify</c> carries.</summary>
/// <param name="CampaignId">The campaign id (<c>X-Campaign-Id</c>).</param>
/// <param name="Signature">The transaction signature (<c>X-Solana-Tx-Signature</c>).</param>
/// <param name="Agent">The paying wallet (<c>X-Agent-Key</c>).</param>
/// <param name="Amount">The invoiced amount in USDC.</param>
/// <param name="Resumed">Whether the payment was made earlier (found in the ledger) rather than by this call.</param>
public sealed record CampaignPayment(string CampaignId, string Signature, string Agent, decimal Amount, bool Resumed);
