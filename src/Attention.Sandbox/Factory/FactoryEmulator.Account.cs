using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Attention.Sandbox.Hosting;
using AttentionFactory.Webhooks;

namespace Attention.Sandbox.Factory;

internal sealed partial class FactoryEmulator
{
    private FactoryResult Balance(FactoryCall call) =>
        new(200, new JsonObject { ["balance"] = SandboxHttp.Money(call.Account.Credits), ["currency"] = "credits" });

    private FactoryResult Transactions(FactoryCall call) =>
        new(200, new JsonObject { ["transactions"] = new JsonArray(call.Account.Transactions.Select(t => (JsonNode?)t.DeepClone()).ToArray()) });

    private FactoryResult RegisterWebhook(FactoryCall call)
    {
        if (ValidateWebhook(call.Body) is { } invalid)
        {
            return invalid;
        }

        var url = SandboxHttp.GetString(call.Body, "url");
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
        {
            return Error(400, "url must be an absolute HTTPS URL");
        }

        if (call.Body?["events"] is not JsonArray events || events.Count == 0)
        {
            return Error(400, "events must be a non-empty list");
        }

        var names = events.Select(e => e!.GetValue<string>()).ToArray();
        if (names.FirstOrDefault(n => WebhookEventCatalog.Find(n) is null) is { } unknown)
        {
            return Error(400, $"Unknown event '{unknown}'");
        }

        var webhook = new WebhookRecord
        {
            Id = Guid.NewGuid().ToString(),
            Url = url,
            Events = names,
            Secret = SandboxHttp.GetString(call.Body, "secret") ?? NewSecret(),
            CreatedAt = call.Now,
        };
        call.Account.Webhooks.Add(webhook);
        return new(201, webhook.ToJson());
    }

    private FactoryResult ListWebhooks(FactoryCall call) =>
        new(200, new JsonObject { ["webhooks"] = new JsonArray(call.Account.Webhooks.Select(w => (JsonNode?)w.ToJson()).ToArray()) });

    private FactoryResult DeleteWebhook(FactoryCall call)
    {
        if (!FindWebhook(call, out var webhook, out var missing))
        {
            return missing;
        }

        call.Account.Webhooks.Remove(webhook);
        webhook.Deleted = true;
        return new(200, new JsonObject { ["id"] = webhook.Id, ["deleted"] = true });
    }

    private FactoryResult RotateWebhookSecret(FactoryCall call)
    {
        if (!FindWebhook(call, out var webhook, out var missing))
        {
            return missing;
        }

        webhook.Secret = NewSecret();
        var json = webhook.ToJson();
        json["secret"] = webhook.Secret;
        return new(200, json);
    }

    private FactoryResult WebhookDeliveries(FactoryCall call)
    {
        if (!FindWebhook(call, out var webhook, out var missing))
        {
            return missing;
        }

        lock (webhook.Deliveries)
        {
            return new(200, new JsonObject { ["deliveries"] = new JsonArray(webhook.Deliveries.Select(d => (JsonNode?)d.DeepClone()).ToArray()) });
        }
    }

    private bool FindWebhook(FactoryCall call, out WebhookRecord webhook, out FactoryResult missing)
    {
        var id = call.Route("id");
        webhook = call.Account.Webhooks.FirstOrDefault(w => w.Id == id)!;
        missing = Error(404, $"Webhook {id} not found");
        return webhook is not null;
    }

    private static string NewSecret() => "whsec_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
