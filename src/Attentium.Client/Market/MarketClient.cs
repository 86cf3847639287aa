using Attention.Sdk.Http;

namespace Attentium.Market;

/// <summary>Public market data: the oracle quote and the order book.</summary>
public class MarketClient
{
    private readonly ApiConnection _connection = null!;

    internal MarketClient(ApiConnection connection) => _connection = connection;

    /// <summary>For mocking.</summary>
    protected MarketClient()
    {
    }

    /// <summary><c>GET /v1/oracle/quote?duration=</c>: the recommended gross bid for an attention length.</summary>
    /// <param name="durationSeconds">10, 30 or 60.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentOutOfRangeException">The duration is not 10, 30 or 60 (nothing was sent).</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<OracleQuote> GetQuoteAsync(int durationSeconds, CancellationToken cancellationToken = default) =>
        GetQuoteAsync(durationSeconds, null, cancellationToken);

    /// <summary>Gets the oracle quote with per-call options; otherwise as <see cref="GetQuoteAsync(int, CancellationToken)"/>.</summary>
    /// <param name="durationSeconds">10, 30 or 60.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call. Attentium de-duplicates nothing by <c>Idempotency-Key</c>, so a key is refused.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentOutOfRangeException">The duration is not 10, 30 or 60 (nothing was sent).</exception>
    /// <exception cref="ArgumentException">An idempotency key was given (Attentium honours none): nothing was sent.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<OracleQuote> GetQuoteAsync(int durationSeconds, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        Campaigns.CreateCampaignRequest.ValidateDuration(durationSeconds, nameof(durationSeconds));
        return _connection.SendAsync(
            new ApiRequest(AttentiumEndpoints.GetQuote).WithQuery("duration", durationSeconds),
            AttentiumJsonContext.Default.OracleQuote,
            requestOptions,
            cancellationToken);
    }

    /// <summary><c>GET /v1/orderbook</c>: the active campaigns.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<OrderBook> GetOrderBookAsync(CancellationToken cancellationToken = default) =>
        GetOrderBookAsync(null, cancellationToken);

    /// <summary>Gets the order book with per-call options; otherwise as <see cref="GetOrderBookAsync(CancellationToken)"/>.</summary>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call. Attentium de-duplicates nothing by <c>Idempotency-Key</c>, so a key is refused.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (Attentium honours none): nothing was sent.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<OrderBook> GetOrderBookAsync(RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(new ApiRequest(AttentiumEndpoints.GetOrderBook), AttentiumJsonContext.Default.OrderBook, requestOptions, cancellationToken);
}
