using System.Collections.Concurrent;
using System.Net;
using Attention.Sandbox;
using Attention.Sdk.Http;
using AttentionFactory;
using AttentionFactory.Actions;
using AttentionFactory.Billing;
using AttentionFactory.Platforms;
using AttentionFactory.Rentals;
using AttentionFactory.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QuickStart;

/// <summary>Attention Factory: rent an account, wait for it, post, watch the post verify, and receive its signed webhook.</summary>
public static class FactoryTour
{
    public static async Task RunAsync(Progress progress, TourSettings settings, AttentionSandbox? sandbox, CancellationToken cancellationToken)
    {
        progress.Section("Attention Factory");
        var live = settings.AttentionFactoryApiKey is not null;
        var options = live
            ? new AttentionFactoryClientOptions { ApiKey = settings.AttentionFactoryApiKey }
            : sandbox!.CreateAttentionFactoryOptions();
        var client = new AttentionFactoryClient(options);

        var platforms = await client.Platforms.ListAsync(cancellationToken).ConfigureAwait(false);
        progress.Ok($"Platforms: {string.Join(", ", platforms)}");
        var balance = await client.Billing.GetBalanceAsync(cancellationToken).ConfigureAwait(false);
        progress.Ok($"Credit balance: {balance.Balance:0.00}");

        // Deliveries need a public HTTPS endpoint in production; against the sandbox a loopback receiver will do.
        await using var receiver = live ? null : await WebhookReceiver.StartAsync(cancellationToken).ConfigureAwait(false);
        if (receiver is not null)
        {
            var webhook = await client.Webhooks.CreateAsync(new CreateWebhookRequest
            {
                Url = receiver.Url,
                Events = [WebhookEventType.RentalActive, WebhookEventType.ActionVerified],
                Secret = receiver.Secret,
            }, cancellationToken: cancellationToken).ConfigureAwait(false);
            progress.Ok($"Webhook {webhook.Id} registered for rental.active and action.verified");
        }

        var idempotencyKey = $"quickstart-rental-{Guid.NewGuid():N}";
        progress.Step("Renting an Instagram account for one month...");
        var rental = await client.Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram, Months = 1 }, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken).ConfigureAwait(false);
        progress.Ok($"Rental {rental.Id} is {rental.Status}; charged {rental.CreditsCharged:0.00} credits");

        progress.Step("Waiting for the account to activate...");
        rental = await client.Rentals.WaitForRentalActiveAsync(rental.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        progress.Ok($"Active as @{rental.Profile?.Username} with {rental.Profile?.FollowerCount} followers");

        progress.Step("Submitting a post.image action...");
        var action = await client.Actions.SubmitPostImageAsync(
            rental.Id,
            Platform.Instagram,
            new PostOptions { Caption = "Our new launch is live.", MediaUrl = "https://cdn.example.com/launch.jpg" },
            new RequestOptions { IdempotencyKey = $"quickstart-post-{Guid.NewGuid():N}" },
            cancellationToken).ConfigureAwait(false);
        progress.Ok($"Action {action.Id} is {action.Status}");
        action = await client.Actions.WaitForActionFinishedAsync(rental.Id, action.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        progress.Ok($"Action finished: {action.Status}");

        if (receiver is not null)
        {
            var delivered = await receiver.WaitForAsync(e => e is ActionWebhookEvent a && a.ActionId == action.Id, cancellationToken).ConfigureAwait(false);
            progress.Ok($"Webhook received and verified: {delivered.EventType} (de-duplication key {delivered.DeduplicationKey})");
        }
    }

    /// <summary>A loopback endpoint that verifies, de-duplicates and collects deliveries.</summary>
    private sealed class WebhookReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<WebhookEvent> _events = new();
        private readonly InMemoryWebhookDeduplicationStore _seen = new();

        private WebhookReceiver(WebApplication app) => _app = app;

        public string Secret { get; } = "whsec_quickstart_" + Guid.NewGuid().ToString("N");

        public string Url { get; private set; } = string.Empty;

        public static async Task<WebhookReceiver> StartAsync(CancellationToken cancellationToken)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var receiver = new WebhookReceiver(app);
            var parser = new AttentionFactoryWebhookParser(receiver.Secret);
            app.MapPost("/webhooks/af", async context =>
            {
                WebhookEvent webhookEvent;
                try
                {
                    // The parser verifies the signature over the raw body before it reads anything.
                    webhookEvent = await parser.ParseAsync(context.Request.Body, context.Request.Headers[AttentionFactoryWebhookParser.SignatureHeaderName], context.RequestAborted).ConfigureAwait(false);
                }
                catch (WebhookVerificationException)
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }

                if (await receiver._seen.TryRegisterAsync(webhookEvent, context.RequestAborted).ConfigureAwait(false))
                {
                    receiver._events.Enqueue(webhookEvent);
                }
            });
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            receiver.Url = address.TrimEnd('/') + "/webhooks/af";
            return receiver;
        }

        public async Task<WebhookEvent> WaitForAsync(Func<WebhookEvent, bool> match, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            while (true)
            {
                if (_events.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                await Task.Delay(50, timeout.Token).ConfigureAwait(false);
            }
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);
    }
}
