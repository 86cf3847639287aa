using Attention.Sdk.Http;

namespace AttentionFactory;

/// <summary>
/// Every documented Attention Factory endpoint, stated once: method, route relative to <c>/v1</c> (ids as <c>{name}</c>, named as
/// the API document names them) and whether the server de-duplicates it by <c>Idempotency-Key</c>. The API has no scopes. The typed
/// clients build their requests from these, the sandbox maps its routes from them, and a docs test holds the endpoint table of
/// <c>docs/attention-factory.md</c> to them: adding an endpoint is one entry here plus its method.
/// </summary>
public static class AttentionFactoryEndpoints
{
    /// <summary><c>GET /v1/platforms</c>: the supported platforms.</summary>
    public static ApiEndpoint ListPlatforms { get; } = new(HttpMethod.Get, "platforms");

    /// <summary><c>GET /v1/platforms/{platform}/capabilities</c>: a platform's action types and per-rental rate caps.</summary>
    public static ApiEndpoint GetPlatformCapabilities { get; } = new(HttpMethod.Get, "platforms/{platform}/capabilities");

    /// <summary><c>GET /v1/platforms/{platform}/niches</c>: the valid <c>warming_niche</c> values of a platform.</summary>
    public static ApiEndpoint GetPlatformNiches { get; } = new(HttpMethod.Get, "platforms/{platform}/niches");

    /// <summary><c>POST /v1/rentals</c> (202): creates a rental; the server de-duplicates it by <c>Idempotency-Key</c>.</summary>
    public static ApiEndpoint CreateRental { get; } = new(HttpMethod.Post, "rentals", honoursIdempotencyKey: true);

    /// <summary><c>GET /v1/rentals</c> (optionally <c>?status=</c>): lists your rentals.</summary>
    public static ApiEndpoint ListRentals { get; } = new(HttpMethod.Get, "rentals");

    /// <summary><c>GET /v1/rentals/{id}</c>: a rental, with its live profile when active.</summary>
    public static ApiEndpoint GetRental { get; } = new(HttpMethod.Get, "rentals/{id}");

    /// <summary><c>PATCH /v1/rentals/{id}</c>: updates mutable rental fields (<c>auto_renew</c>).</summary>
    public static ApiEndpoint UpdateRental { get; } = new(HttpMethod.Patch, "rentals/{id}");

    /// <summary><c>DELETE /v1/rentals/{id}</c>: releases an active rental early or cancels a warming one.</summary>
    public static ApiEndpoint DeleteRental { get; } = new(HttpMethod.Delete, "rentals/{id}");

    /// <summary><c>POST /v1/rentals/{id}/extend</c>: extends an active rental by whole months (not de-duplicated).</summary>
    public static ApiEndpoint ExtendRental { get; } = new(HttpMethod.Post, "rentals/{id}/extend");

    /// <summary><c>POST /v1/rentals/{id}/renew</c>: renews an active or recently expired rental (not de-duplicated).</summary>
    public static ApiEndpoint RenewRental { get; } = new(HttpMethod.Post, "rentals/{id}/renew");

    /// <summary><c>POST /v1/rentals/{id}/branding</c>: applies (or, while warming, stores) a branding batch.</summary>
    public static ApiEndpoint ApplyBranding { get; } = new(HttpMethod.Post, "rentals/{id}/branding");

    /// <summary><c>POST /v1/rentals/{id}/warming</c>: enrols the rental in a warming schedule.</summary>
    public static ApiEndpoint EnrollWarming { get; } = new(HttpMethod.Post, "rentals/{id}/warming");

    /// <summary><c>DELETE /v1/rentals/{id}/warming</c>: cancels the most recent still-queued warming enrolment.</summary>
    public static ApiEndpoint CancelWarming { get; } = new(HttpMethod.Delete, "rentals/{id}/warming");

    /// <summary><c>POST /v1/rentals/{rental_id}/{platform}/actions</c> (202): submits an action; de-duplicated by <c>Idempotency-Key</c>.</summary>
    public static ApiEndpoint SubmitAction { get; } = new(HttpMethod.Post, "rentals/{rental_id}/{platform}/actions", honoursIdempotencyKey: true);

    /// <summary><c>GET /v1/rentals/{rental_id}/actions</c> (optionally <c>?status=</c>): lists the actions on a rental.</summary>
    public static ApiEndpoint ListActions { get; } = new(HttpMethod.Get, "rentals/{rental_id}/actions");

    /// <summary><c>GET /v1/rentals/{rental_id}/actions/{action_id}</c>: an action.</summary>
    public static ApiEndpoint GetAction { get; } = new(HttpMethod.Get, "rentals/{rental_id}/actions/{action_id}");

    /// <summary><c>DELETE /v1/rentals/{rental_id}/actions/{action_id}</c>: cancels a still-queued action.</summary>
    public static ApiEndpoint CancelAction { get; } = new(HttpMethod.Delete, "rentals/{rental_id}/actions/{action_id}");

    /// <summary><c>GET /v1/rentals/{rental_id}/actions/{action_id}/analytics</c>: post-level analytics of a post-type action.</summary>
    public static ApiEndpoint GetPostAnalytics { get; } = new(HttpMethod.Get, "rentals/{rental_id}/actions/{action_id}/analytics");

    /// <summary><c>GET /v1/rentals/{id}/analytics</c>: account-level analytics (active rentals only).</summary>
    public static ApiEndpoint GetAccountAnalytics { get; } = new(HttpMethod.Get, "rentals/{id}/analytics");

    /// <summary><c>GET /v1/rentals/{id}/capabilities</c>: the action types available for the rental's platform.</summary>
    public static ApiEndpoint GetRentalCapabilities { get; } = new(HttpMethod.Get, "rentals/{id}/capabilities");

    /// <summary><c>GET /v1/billing/balance</c>: the credit balance.</summary>
    public static ApiEndpoint GetBalance { get; } = new(HttpMethod.Get, "billing/balance");

    /// <summary><c>GET /v1/billing/transactions</c>: the credit transaction history.</summary>
    public static ApiEndpoint ListTransactions { get; } = new(HttpMethod.Get, "billing/transactions");

    /// <summary><c>POST /v1/webhooks</c>: registers a webhook endpoint.</summary>
    public static ApiEndpoint CreateWebhook { get; } = new(HttpMethod.Post, "webhooks");

    /// <summary><c>GET /v1/webhooks</c>: lists the registered webhooks.</summary>
    public static ApiEndpoint ListWebhooks { get; } = new(HttpMethod.Get, "webhooks");

    /// <summary><c>DELETE /v1/webhooks/{id}</c>: removes a webhook.</summary>
    public static ApiEndpoint DeleteWebhook { get; } = new(HttpMethod.Delete, "webhooks/{id}");

    /// <summary><c>POST /v1/webhooks/{id}/rotate-secret</c>: rotates a webhook's signing secret.</summary>
    public static ApiEndpoint RotateWebhookSecret { get; } = new(HttpMethod.Post, "webhooks/{id}/rotate-secret");

    /// <summary><c>GET /v1/webhooks/{id}/deliveries</c>: a webhook's delivery log.</summary>
    public static ApiEndpoint ListWebhookDeliveries { get; } = new(HttpMethod.Get, "webhooks/{id}/deliveries");

    /// <summary>Every endpoint above, in the order of the API document.</summary>
    public static IReadOnlyList<ApiEndpoint> All { get; } =
    [
        ListPlatforms, GetPlatformCapabilities, GetPlatformNiches,
        CreateRental, ListRentals, GetRental, UpdateRental, DeleteRental, ExtendRental, RenewRental,
        ApplyBranding, EnrollWarming, CancelWarming,
        SubmitAction, ListActions, GetAction, CancelAction, GetPostAnalytics,
        GetAccountAnalytics, GetRentalCapabilities,
        GetBalance, ListTransactions,
        CreateWebhook, ListWebhooks, DeleteWebhook, RotateWebhookSecret, ListWebhookDeliveries,
    ];
}
