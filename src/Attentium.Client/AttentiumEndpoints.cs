using Attention.Sdk.Http;

namespace Attentium;

/// <summary>
/// Every documented Attentium endpoint, stated once: method and route relative to <c>/v1</c> (ids as <c>{name}</c>, named as the API
/// document names them). The API has no scopes and documents no <c>Idempotency-Key</c>, so only the GETs are retried after an
/// ambiguous failure. The typed clients build their requests from these, the sandbox maps its routes from them, and a docs test holds
/// the reference table of <c>docs/attentium.md</c> to them: adding an endpoint is one entry here plus its method.
/// </summary>
public static class AttentiumEndpoints
{
    /// <summary><c>GET /v1/oracle/quote</c> (<c>?duration=</c>): the oracle clearing price.</summary>
    public static ApiEndpoint GetQuote { get; } = new(HttpMethod.Get, "oracle/quote");

    /// <summary><c>GET /v1/orderbook</c>: the live order book of active campaigns.</summary>
    public static ApiEndpoint GetOrderBook { get; } = new(HttpMethod.Get, "orderbook");

    /// <summary>
    /// <c>POST /v1/verify</c>: creates a campaign; answers 402 with an invoice, or (with the payment headers) the campaign keys.
    /// Never repeated after an ambiguous failure: the server may have acted.
    /// </summary>
    public static ApiEndpoint Verify { get; } = new(HttpMethod.Post, "verify");

    /// <summary><c>GET /v1/campaigns/{tx_hash}/results</c> (<c>?key=</c>): a campaign's results, read with its read key.</summary>
    public static ApiEndpoint GetCampaignResults { get; } = new(HttpMethod.Get, "campaigns/{tx_hash}/results");

    /// <summary><c>GET /v1/campaigns/{tx_hash}</c>: a campaign's status, escrow balance and refund transaction.</summary>
    public static ApiEndpoint GetCampaign { get; } = new(HttpMethod.Get, "campaigns/{tx_hash}");

    /// <summary><c>GET /v1/claims/balance</c> (<c>?userPubkey=</c>): a user's claimable balance.</summary>
    public static ApiEndpoint GetClaimBalance { get; } = new(HttpMethod.Get, "claims/balance");

    /// <summary><c>POST /v1/claims/withdraw</c>: requests a signed claim intent (a transaction for the user to sign).</summary>
    public static ApiEndpoint RequestClaimWithdrawal { get; } = new(HttpMethod.Post, "claims/withdraw");

    /// <summary><c>POST /v1/claims/submit</c>: submits the user-signed claim transaction.</summary>
    public static ApiEndpoint SubmitClaim { get; } = new(HttpMethod.Post, "claims/submit");

    /// <summary>Every endpoint above, in the order of the API document.</summary>
    public static IReadOnlyList<ApiEndpoint> All { get; } =
    [
        GetQuote, GetOrderBook, Verify, GetCampaignResults, GetCampaign, GetClaimBalance, RequestClaimWithdrawal, SubmitClaim,
    ];
}
