using System.Text.Json;
using System.Text.Json.Serialization;
using Attention.Sdk.Http;
using Attention.Sdk.Json;

namespace AttentionFactory.Billing;

/// <summary>Your credit balance and transaction history. Rentals are charged upfront at the monthly rate per whole month.</summary>
public class BillingClient
{
    private readonly FactoryConnection _connection = null!;

    internal BillingClient(FactoryConnection connection) => _connection = connection;

    /// <summary>For mocking.</summary>
    protected BillingClient()
    {
    }

    /// <summary>Gets the current credit balance (<c>GET /v1/billing/balance</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<CreditBalance> GetBalanceAsync(CancellationToken cancellationToken = default) =>
        GetBalanceAsync(null, cancellationToken);

    /// <summary>Gets the current credit balance with per-call options; otherwise as <see cref="GetBalanceAsync(CancellationToken)"/>.</summary>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (this endpoint does not honour one): nothing was sent.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<CreditBalance> GetBalanceAsync(RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendWithRawAsync(new ApiRequest(AttentionFactoryEndpoints.GetBalance), FactoryJsonContext.Default.CreditBalance, requestOptions, cancellationToken);

    /// <summary>Lists the transaction history (<c>GET /v1/billing/transactions</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<ApiList<CreditTransaction>> ListTransactionsAsync(CancellationToken cancellationToken = default) =>
        ListTransactionsAsync(null, cancellationToken);

    /// <summary>Lists the transaction history with per-call options; otherwise as <see cref="ListTransactionsAsync(CancellationToken)"/>.</summary>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (this endpoint does not honour one): nothing was sent.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ApiList<CreditTransaction>> ListTransactionsAsync(RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendListAsync(
            new ApiRequest(AttentionFactoryEndpoints.ListTransactions),
            FactoryJsonContext.Default.CreditTransaction,
            "transactions",
            requestOptions,
            cancellationToken);
}

/// <summary>The credit balance. The docs do not show the shape: <c>balance</c> (or <c>credits</c>) and <c>currency</c> are read when present; everything else is kept.</summary>
public sealed class CreditBalance : IRawJson
{
    private decimal? _balance;

    /// <summary>The balance in credits (money as <see cref="decimal"/>, from a string such as <c>"250.00"</c> or a number).</summary>
    [JsonPropertyName("balance")]
    [JsonConverter(typeof(NullableFlexibleDecimalConverter))]
    public decimal? Balance { get => _balance ?? Credits; init => _balance = value; }

    /// <summary>The balance when the server names it <c>credits</c>.</summary>
    [JsonPropertyName("credits")]
    [JsonConverter(typeof(NullableFlexibleDecimalConverter))]
    public decimal? Credits { get; init; }

    /// <summary>The unit, when sent (for example <c>credits</c>).</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    /// <summary>Fields the SDK does not model, kept as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The whole response body as the server sent it (undefined when built in code).</summary>
    [JsonIgnore]
    public JsonElement RawJson { get; private set; }

    void IRawJson.AttachRawJson(JsonElement raw) => RawJson = raw;
}

/// <summary>One credit transaction (a rental charge, a refund...). The docs do not show the shape: common fields are read when present; everything else is kept.</summary>
public sealed class CreditTransaction
{
    /// <summary>The transaction id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The kind of transaction, as the server names it.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The amount in credits (negative for charges when the server signs it).</summary>
    [JsonPropertyName("amount")]
    [JsonConverter(typeof(NullableFlexibleDecimalConverter))]
    public decimal? Amount { get; init; }

    /// <summary>The balance after the transaction, when sent.</summary>
    [JsonPropertyName("balance_after")]
    [JsonConverter(typeof(NullableFlexibleDecimalConverter))]
    public decimal? BalanceAfter { get; init; }

    /// <summary>The rental concerned, when sent.</summary>
    [JsonPropertyName("rental_id")]
    public string? RentalId { get; init; }

    /// <summary>A description, when sent.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>When it happened, when sent.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Fields the SDK does not model, kept as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
