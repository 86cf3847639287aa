using System.Text.Json;
using System.Text.Json.Serialization;
using Attentium.Campaigns;
using Attentium.Claims;
using Attentium.Market;
using Attentium.Refunds;
using Attentium.Results;

namespace Attentium;

/// <summary>Source-generated JSON contracts for every Attentium model (no reflection; trimming and AOT safe). Only set fields are written.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(OracleQuote))]
[JsonSerializable(typeof(OrderBook))]
[JsonSerializable(typeof(CreateCampaignRequest))]
[JsonSerializable(typeof(PaymentInvoice))]
[JsonSerializable(typeof(CampaignKeys))]
[JsonSerializable(typeof(CampaignResults))]
[JsonSerializable(typeof(CampaignState))]
[JsonSerializable(typeof(ClaimBalance))]
[JsonSerializable(typeof(ClaimWithdrawRequest))]
[JsonSerializable(typeof(ClaimIntent))]
[JsonSerializable(typeof(ClaimSubmitRequest))]
[JsonSerializable(typeof(ClaimReceipt))]
internal sealed partial class AttentiumJsonContext : JsonSerializerContext;
