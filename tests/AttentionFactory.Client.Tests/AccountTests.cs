using Attention.Sdk.Testing.WireMock;
using AttentionFactory.Client.Tests.Support;
using AttentionFactory.Platforms;
using AttentionFactory.Webhooks;

namespace AttentionFactory.Client.Tests;

/// <summary>Analytics, billing and webhook management endpoints.</summary>
public sealed class AccountTests(WireMockServer wiremock) : FactoryTestBase(wiremock)
{
    [Fact]
    public async Task Account_analytics_read_the_named_metrics_and_keep_the_rest()
    {
        await Scope.StubAsync("GET", $"v1/rentals/{DocsExamples.RentalId}/analytics", body: """
            {"rental_id": "4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3", "platform": "tiktok", "followers": 2340, "following": 180,
             "post_count": 48, "engagement_rate": 0.043, "avg_watch_time_s": 7.5}
            """);

        var analytics = await CreateClient().Analytics.GetAccountAnalyticsAsync(DocsExamples.RentalId, Ct);

        await SingleRequestAsync("GET", $"/v1/rentals/{DocsExamples.RentalId}/analytics");
        Assert.Equal(2340, analytics.Followers);
        Assert.Equal(180, analytics.Following);
        Assert.Equal(48, analytics.PostCount);
        Assert.Equal(0.043m, analytics.EngagementRate);
        Assert.Equal(Platform.TikTok, analytics.Platform);
        Assert.Equal(7.5, analytics.AdditionalProperties!["avg_watch_time_s"].GetDouble());
        Assert.Equal(7.5, analytics.RawJson.GetProperty("avg_watch_time_s").GetDouble());
    }

    [Fact]
    public async Task Rental_capabilities_have_the_platform_capabilities_shape()
    {
        await Scope.StubAsync("GET", $"v1/rentals/{DocsExamples.RentalId}/capabilities", body: DocsExamples.Capabilities);

        var capabilities = await CreateClient().Analytics.GetRentalCapabilitiesAsync(DocsExamples.RentalId, Ct);

        await SingleRequestAsync("GET", $"/v1/rentals/{DocsExamples.RentalId}/capabilities");
        Assert.Equal(2, capabilities.Actions.Count);
    }

    [Fact]
    public async Task Balance_reads_money_from_a_string()
    {
        await Scope.StubAsync("GET", "v1/billing/balance", body: """{"balance": "250.50", "currency": "credits", "reserved": "0.00"}""");

        var balance = await CreateClient().Billing.GetBalanceAsync(Ct);

        await SingleRequestAsync("GET", "/v1/billing/balance");
        Assert.Equal(250.50m, balance.Balance);
        Assert.Equal("credits", balance.Currency);
        Assert.Equal("0.00", balance.RawJson.GetProperty("reserved").GetString());
    }

    [Fact]
    public async Task Transactions_are_listed_with_decimal_amounts()
    {
        await Scope.StubAsync("GET", "v1/billing/transactions", body: """
            {"transactions": [{"id": "t1", "type": "rental_charge", "amount": "-99.00", "balance_after": "151.50",
              "rental_id": "4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3", "created_at": "2026-04-18T12:00:00Z"}], "has_more": false}
            """);

        var transactions = await CreateClient().Billing.ListTransactionsAsync(Ct);

        await SingleRequestAsync("GET", "/v1/billing/transactions");
        var transaction = Assert.Single(transactions);
        Assert.Equal(-99.00m, transaction.Amount);
        Assert.Equal(151.50m, transaction.BalanceAfter);
        Assert.Equal("rental_charge", transaction.Type);
        Assert.False(transactions.RawJson.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task Register_webhook_sends_the_documented_body_and_redacts_the_secret()
    {
        await Scope.StubAsync("POST", "v1/webhooks", status: 201, body: """
            {"id": "wh_1", "url": "https://acme.com/webhooks/af", "events": ["rental.active", "action.verified", "action.failed"],
             "secret": "whsec_your_signing_secret", "created_at": "2026-04-18T12:00:00Z"}
            """);

        var webhook = await CreateClient().Webhooks.CreateAsync(
            new CreateWebhookRequest
            {
                Url = "https://acme.com/webhooks/af",
                Events = [WebhookEventType.RentalActive, WebhookEventType.ActionVerified, WebhookEventType.ActionFailed],
                Secret = "whsec_your_signing_secret",
            },
            Ct);

        var request = await SingleRequestAsync("POST", "/v1/webhooks");
        Assert.Null(request.Header("Idempotency-Key"));
        AssertJsonBody("""
            {"url": "https://acme.com/webhooks/af", "events": ["rental.active", "action.verified", "action.failed"], "secret": "whsec_your_signing_secret"}
            """, request);
        Assert.Equal("wh_1", webhook.Id);
        Assert.Equal([WebhookEventType.RentalActive, WebhookEventType.ActionVerified, WebhookEventType.ActionFailed], webhook.Events);
        Assert.Equal("whsec_your_signing_secret", webhook.Secret);
        Assert.DoesNotContain("whsec_", webhook.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_webhooks()
    {
        await Scope.StubAsync("GET", "v1/webhooks", body: """{"webhooks": [{"id": "wh_1", "url": "https://acme.com/webhooks/af", "events": ["action.verified"]}]}""");

        var webhooks = await CreateClient().Webhooks.ListAsync(Ct);

        await SingleRequestAsync("GET", "/v1/webhooks");
        Assert.Equal("wh_1", Assert.Single(webhooks).Id);
    }

    [Fact]
    public async Task Delete_webhook()
    {
        await Scope.StubAsync("DELETE", "v1/webhooks/wh_1", status: 204);

        await CreateClient().Webhooks.DeleteAsync("wh_1", Ct);

        await SingleRequestAsync("DELETE", "/v1/webhooks/wh_1");
    }

    [Fact]
    public async Task Rotate_secret_returns_the_new_secret()
    {
        await Scope.StubAsync("POST", "v1/webhooks/wh_1/rotate-secret", body: """{"id": "wh_1", "url": "https://acme.com/webhooks/af", "events": ["action.verified"], "secret": "whsec_new"}""");

        var webhook = await CreateClient().Webhooks.RotateSecretAsync("wh_1", cancellationToken: Ct);

        var request = await SingleRequestAsync("POST", "/v1/webhooks/wh_1/rotate-secret");
        Assert.Null(request.Header("Idempotency-Key")); // the docs promise no de-duplication here: no key is minted
        Assert.Equal("whsec_new", webhook.Secret);
    }

    [Fact]
    public async Task Webhook_deliveries_are_listed()
    {
        await Scope.StubAsync("GET", "v1/webhooks/wh_1/deliveries", body: """
            {"deliveries": [{"id": "d1", "event": "action.verified", "status_code": 200, "created_at": "2026-04-19T12:30:01Z", "duration_ms": 42}]}
            """);

        var deliveries = await CreateClient().Webhooks.ListDeliveriesAsync("wh_1", Ct);

        await SingleRequestAsync("GET", "/v1/webhooks/wh_1/deliveries");
        var delivery = Assert.Single(deliveries);
        Assert.Equal(WebhookEventType.ActionVerified, delivery.Event);
        Assert.Equal(200, delivery.StatusCode);
        Assert.Equal(42, delivery.AdditionalProperties!["duration_ms"].GetInt32());
    }
}
