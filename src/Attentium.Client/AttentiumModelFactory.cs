using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Attention.Sdk;
using Attentium.Campaigns;
using Attentium.Claims;
using Attentium.Market;
using Attentium.Refunds;
using Attentium.Results;

namespace Attentium;

/// <summary>
/// Builds Attentium response models for your unit tests (for example to return from a mocked <see cref="CampaignsClient"/>).
/// <see cref="FromJson{T}"/> reads any model from JSON exactly as the client does; <see cref="PaymentRequired"/> builds the 402
/// exception with its invoice.
/// </summary>
public static class AttentiumModelFactory
{
    /// <summary>Reads a model from JSON the way the client reads a response.</summary>
    /// <typeparam name="T">A model type of this package.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="AttentionResponseException">The JSON does not fit the model.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a model of this package.</exception>
    public static T FromJson<T>(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var type = AttentiumJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new NotSupportedException($"{typeof(T).Name} is not an Attentium model.");
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw new AttentionResponseException($"The JSON was null where {typeof(T).Name} was expected.", HttpStatusCode.OK, json, null);
        }
        catch (Exception ex) when (Attention.Sdk.Http.ApiConnection.IsDecodeFailure(ex))
        {
            throw new AttentionResponseException($"The JSON could not be read as {typeof(T).Name}: {ex.Message}", HttpStatusCode.OK, json, ex);
        }
    }

    /// <summary>An oracle quote.</summary>
    public static OracleQuote OracleQuote(int duration = 30, decimal grossBidCents = 2, int marketDepth = 15, DateTimeOffset? timestamp = null) =>
        new() { Duration = duration, GrossBidCents = grossBidCents, MarketDepth = marketDepth, Timestamp = timestamp };

    /// <summary>An order book.</summary>
    public static OrderBook OrderBook(params OrderBookEntry[] orders) => new() { Count = orders.Length, Orders = orders };

    /// <summary>An order book entry.</summary>
    public static OrderBookEntry OrderBookEntry(string txHash, decimal bidPerSecond = 0.003m, int duration = 30, int quantity = 100) =>
        new() { TxHash = txHash, BidPerSecond = bidPerSecond, Duration = duration, Quantity = quantity };

    /// <summary>Campaign keys.</summary>
    public static CampaignKeys CampaignKeys(string txHash, string campaignId, string readKey, CampaignStatus? status = null, decimal? amount = null) =>
        new() { TxHash = txHash, CampaignId = campaignId, ReadKey = readKey, Status = status ?? CampaignStatus.Active, Amount = amount };

    /// <summary>A payment invoice (escrow flow when <paramref name="transaction"/> is given, memo flow otherwise).</summary>
    public static PaymentInvoice PaymentInvoice(string campaignId, decimal amount, string? transaction = null, string? message = null) =>
        new() { Error = "payment_required", CampaignId = campaignId, Amount = amount, Transaction = transaction, Message = message };

    /// <summary>Campaign results.</summary>
    public static CampaignResults CampaignResults(string txHash, CampaignStatus status, int quantity, int completed, params VerifierResponse[] responses) =>
        new() { TxHash = txHash, Status = status, Quantity = quantity, Completed = completed, Responses = responses };

    /// <summary>A campaign's state.</summary>
    public static CampaignState CampaignState(string txHash, CampaignStatus status, decimal escrowBalance, bool refundable, string? withdrawEscrowTransaction = null) =>
        new() { TxHash = txHash, Status = status, EscrowBalance = escrowBalance, Refundable = refundable, WithdrawEscrowTransaction = withdrawEscrowTransaction };

    /// <summary>A claimable balance.</summary>
    public static ClaimBalance ClaimBalance(decimal usdcBalance, long seasonPoints = 0, int pendingItems = 0) =>
        new() { UsdcBalance = usdcBalance, SeasonPoints = seasonPoints, PendingItems = pendingItems };

    /// <summary>A claim intent.</summary>
    public static ClaimIntent ClaimIntent(string claimId, string transaction, decimal? amount = null) =>
        new() { Status = "pending_signature", ClaimId = claimId, Transaction = transaction, Amount = amount };

    /// <summary>A claim receipt.</summary>
    public static ClaimReceipt ClaimReceipt(string txHash, decimal? amount = null, bool success = true) =>
        new() { Success = success, TxHash = txHash, Amount = amount };

    /// <summary>The 402 exception the client throws for <c>payment_required</c>, with its invoice.</summary>
    public static AttentiumPaymentRequiredException PaymentRequired(PaymentInvoice invoice, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new AttentiumPaymentRequiredException(
            new ApiErrorDetails { StatusCode = HttpStatusCode.PaymentRequired, ErrorCode = "payment_required", ServerMessage = message ?? invoice.Message, Method = "POST", Route = "/v1/verify" },
            invoice);
    }
}
