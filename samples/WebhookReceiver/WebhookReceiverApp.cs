using AttentionFactory.Webhooks;
using Microsoft.AspNetCore.Mvc;

namespace WebhookReceiver;

/// <summary>
/// The webhook receiver: <c>POST /webhooks/attention-factory</c> reads the raw body (before any model binding), verifies the
/// <c>X-Webhook-Signature</c> with the configured secret(s), answers 401 when it does not match, skips duplicates (same event
/// name + action/rental id) and logs the rest. Settings come from the <c>AttentionFactory:Webhooks</c> configuration section:
/// <c>Secrets:0</c>, <c>Secrets:1</c>... (several during rotation) or <c>Secret</c>, and optionally <c>MaxBodyBytes</c>.
/// </summary>
public static class WebhookReceiverApp
{
    /// <summary>The path deliveries are posted to.</summary>
    public const string Path = "/webhooks/attention-factory";

    /// <summary>The configuration section holding the webhook settings.</summary>
    public const string ConfigurationSection = "AttentionFactory:Webhooks";

    /// <summary>Builds the app; <paramref name="configure"/> lets a host (or a test) adjust the builder first.</summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        configure?.Invoke(builder);
        // Secrets (several during a rotation), the body size limit and the de-duplication bounds, validated at startup.
        builder.Services.AddAttentionFactoryWebhooks(builder.Configuration.GetSection(ConfigurationSection));
        builder.Services.AddSingleton<ReceivedEvents>();

        var app = builder.Build();
        app.MapPost(Path, HandleAsync);
        app.MapGet("/healthz", () => Results.Text("ok"));
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        [FromServices] AttentionFactoryWebhookParser parser,
        [FromServices] IWebhookDeduplicationStore deduplication,
        [FromServices] ReceivedEvents received,
        [FromServices] ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var log = loggers.CreateLogger("WebhookReceiver");
        WebhookEvent webhookEvent;
        try
        {
            // The raw bytes: never a string the framework re-encoded, never a re-serialized object.
            webhookEvent = await parser.ParseAsync(request.Body, request.Headers[AttentionFactoryWebhookParser.SignatureHeaderName], request.ContentLength, cancellationToken);
        }
        catch (WebhookBodyTooLargeException ex)
        {
            log.LogWarning("Rejected a webhook delivery: {Reason}", ex.Reason);
            return Results.Json(new RejectedDelivery(ex.Reason), ReceiverJsonContext.Default.RejectedDelivery, statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        catch (WebhookVerificationException ex)
        {
            log.LogWarning("Rejected a webhook delivery: {Reason}", ex.Reason);
            return Results.Json(new RejectedDelivery(ex.Reason), ReceiverJsonContext.Default.RejectedDelivery, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (!await deduplication.TryRegisterAsync(webhookEvent, cancellationToken))
        {
            log.LogInformation("Duplicate delivery {Key} ignored", webhookEvent.DeduplicationKey);
            return Results.Json(new AcceptedDelivery("duplicate", webhookEvent.DeduplicationKey), ReceiverJsonContext.Default.AcceptedDelivery);
        }

        try
        {
            switch (webhookEvent)
            {
                case ActionWebhookEvent action:
                    log.LogInformation("Action {ActionId} on rental {RentalId} is {Status}", action.ActionId, action.RentalId, action.Status);
                    break;
                case RentalWebhookEvent rental:
                    log.LogInformation("Rental {RentalId}: {Event}", rental.RentalId, rental.EventType);
                    break;
                default:
                    log.LogInformation("Event {Event}: {Data}", webhookEvent.EventType, webhookEvent.Data.GetRawText());
                    break;
            }

            received.Add(webhookEvent);
        }
        catch
        {
            // Let the sender redeliver: forget the key so the retry is processed.
            await deduplication.RemoveAsync(webhookEvent.DeduplicationKey, cancellationToken);
            throw;
        }

        return Results.Json(new AcceptedDelivery("processed", webhookEvent.DeduplicationKey), ReceiverJsonContext.Default.AcceptedDelivery);
    }
}

/// <summary>The events this process handled (a stand-in for your own processing).</summary>
public sealed class ReceivedEvents
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<WebhookEvent> _events = new();

    /// <summary>The handled events, oldest first.</summary>
    public IReadOnlyList<WebhookEvent> All => _events.ToArray();

    /// <summary>Records an event.</summary>
    public void Add(WebhookEvent webhookEvent) => _events.Enqueue(webhookEvent);
}

/// <summary>The answer to an accepted delivery.</summary>
public sealed record AcceptedDelivery(string Status, string Key);

/// <summary>The answer to a rejected delivery.</summary>
public sealed record RejectedDelivery(string Error);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(AcceptedDelivery))]
[System.Text.Json.Serialization.JsonSerializable(typeof(RejectedDelivery))]
internal sealed partial class ReceiverJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
