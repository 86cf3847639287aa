using System.Text.Json.Nodes;
using Attention.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Attention.Sandbox.Factory;

/// <summary>
/// The emulated Attention Factory API under <c>/factory/v1</c>: accounts per API key with a credit balance, rentals
/// that warm up and activate, actions that progress to verified, branding, warming, analytics, billing,
/// <c>Idempotency-Key</c> replay and signed webhook deliveries. State changes happen as time passes on the sandbox clock.
/// </summary>
internal sealed partial class FactoryEmulator
{
    public const string BasePath = "/factory/v1";

    private readonly object _gate = new();
    private readonly Dictionary<string, FactoryAccount> _accounts = new(StringComparer.Ordinal);
    private readonly AttentionSandboxOptions _options;
    private readonly FactoryWebhookDispatcher _webhooks;

    public FactoryEmulator(AttentionSandboxOptions options, FactoryWebhookDispatcher webhooks)
    {
        _options = options;
        _webhooks = webhooks;
    }

    private TimeProvider Time => _options.TimeProvider;

    private delegate FactoryResult Handler(FactoryCall call);

    public void Map(IEndpointRouteBuilder routes)
    {
        Map(routes, "GET", "/platforms", ListPlatforms);
        Map(routes, "GET", "/platforms/{platform}/capabilities", PlatformCapabilities);
        Map(routes, "GET", "/platforms/{platform}/niches", PlatformNiches);
        Map(routes, "POST", "/rentals", CreateRental);
        Map(routes, "GET", "/rentals", ListRentals);
        Map(routes, "GET", "/rentals/{id}", GetRental);
        Map(routes, "PATCH", "/rentals/{id}", UpdateRental);
        Map(routes, "DELETE", "/rentals/{id}", DeleteRental);
        Map(routes, "POST", "/rentals/{id}/extend", ExtendRental);
        Map(routes, "POST", "/rentals/{id}/renew", RenewRental);
        Map(routes, "POST", "/rentals/{id}/branding", ApplyBranding);
        Map(routes, "POST", "/rentals/{id}/warming", EnrollWarming);
        Map(routes, "DELETE", "/rentals/{id}/warming", CancelWarming);
        Map(routes, "GET", "/rentals/{id}/analytics", RentalAnalytics);
        Map(routes, "GET", "/rentals/{id}/capabilities", RentalCapabilities);
        Map(routes, "POST", "/rentals/{id}/{platform}/actions", SubmitAction);
        Map(routes, "GET", "/rentals/{id}/actions", ListActions);
        Map(routes, "GET", "/rentals/{id}/actions/{actionId}", GetAction);
        Map(routes, "DELETE", "/rentals/{id}/actions/{actionId}", CancelAction);
        Map(routes, "GET", "/rentals/{id}/actions/{actionId}/analytics", ActionAnalytics);
        Map(routes, "GET", "/billing/balance", Balance);
        Map(routes, "GET", "/billing/transactions", Transactions);
        Map(routes, "POST", "/webhooks", RegisterWebhook);
        Map(routes, "GET", "/webhooks", ListWebhooks);
        Map(routes, "DELETE", "/webhooks/{id}", DeleteWebhook);
        Map(routes, "POST", "/webhooks/{id}/rotate-secret", RotateWebhookSecret);
        Map(routes, "GET", "/webhooks/{id}/deliveries", WebhookDeliveries);
    }

    /// <summary>Moves every account's rentals and actions forward to the current time (and queues their webhooks).</summary>
    public void AdvanceAll()
    {
        List<PendingDelivery> deliveries = [];
        lock (_gate)
        {
            foreach (var account in _accounts.Values)
            {
                Advance(account, Time.GetUtcNow(), deliveries);
            }
        }

        _webhooks.Dispatch(deliveries);
    }

    /// <summary>Activates a warming rental now, whatever its scheduled time.</summary>
    public bool ActivateNow(string rentalId)
    {
        lock (_gate)
        {
            var rental = _accounts.Values.SelectMany(a => a.Rentals).FirstOrDefault(r => r.Id == rentalId);
            if (rental is null || rental.Status != "warming")
            {
                return false;
            }

            rental.ActivatesAt = Time.GetUtcNow();
        }

        AdvanceAll();
        return true;
    }

    private void Map(IEndpointRouteBuilder routes, string method, string pattern, Handler handler) =>
        routes.MapMethods(BasePath + pattern, [method], context => HandleAsync(context, handler));

    /// <summary>Registers <paramref name="key"/> as the key of a new account holding <paramref name="credits"/>.</summary>
    /// <returns>False when the key is already registered.</returns>
    public bool AddAccount(string key, decimal credits)
    {
        lock (_gate)
        {
            return _accounts.TryAdd(key, new FactoryAccount(credits));
        }
    }

    /// <summary>Revokes a key: from now on it gets 401, as a key revoked on the dashboard does.</summary>
    /// <returns>False when the key was not registered.</returns>
    public bool RevokeKey(string key)
    {
        lock (_gate)
        {
            return _accounts.Remove(key);
        }
    }

    /// <summary>Adds credits to the account of a key (negative amounts take them away).</summary>
    /// <returns>False when the key is not registered.</returns>
    public bool AddCredits(string key, decimal amount)
    {
        lock (_gate)
        {
            if (!_accounts.TryGetValue(key, out var account))
            {
                return false;
            }

            account.Credits += amount;
            account.Transactions.Add(Transaction(Time.GetUtcNow(), amount, "top_up", null, account.Credits));
            return true;
        }
    }

    private async Task HandleAsync(HttpContext context, Handler handler)
    {
        var key = SandboxHttp.BearerToken(context);
        var hasBody = HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPatch(context.Request.Method);
        var body = hasBody ? await SandboxHttp.ReadBodyAsync(context).ConfigureAwait(false) : new RequestBody(null, string.Empty, Malformed: false);
        var idempotencyKey = hasBody ? context.Request.Headers["Idempotency-Key"].ToString() : string.Empty;
        FactoryResult result;
        List<PendingDelivery> deliveries = [];
        lock (_gate)
        {
            if (key is null || !_accounts.TryGetValue(key, out var account))
            {
                result = Error(401, "Missing or invalid API key");
            }
            else
            {
                var now = Time.GetUtcNow();
                Advance(account, now, deliveries);
                result = idempotencyKey.Length > 0
                    ? HandleIdempotent(account, idempotencyKey, Fingerprint(context, body), () => Run(handler, context, account, body, now, deliveries))
                    : Run(handler, context, account, body, now, deliveries);
            }
        }

        _webhooks.Dispatch(deliveries);
        await SandboxHttp.WriteJsonAsync(context, result.Status, result.Body, result.RetryAfter).ConfigureAwait(false);
    }

    private static FactoryResult Run(Handler handler, HttpContext context, FactoryAccount account, RequestBody body, DateTimeOffset now, List<PendingDelivery> deliveries) =>
        body.Malformed ? MalformedBody() : handler(new FactoryCall(context, account, body.Object, now, deliveries));

    /// <summary>
    /// <c>Idempotency-Key</c>: the first successful answer under a key is stored and replayed for the same request; errors are
    /// not stored (a fixed body or a topped-up balance succeeds under the same key); the key used with a different method, path
    /// or body is refused with 422, as the IETF Idempotency-Key draft prescribes, and nothing is created.
    /// </summary>
    private static FactoryResult HandleIdempotent(FactoryAccount account, string idempotencyKey, string fingerprint, Func<FactoryResult> run)
    {
        if (account.IdempotentAnswers.TryGetValue(idempotencyKey, out var stored))
        {
            return stored.Fingerprint == fingerprint
                ? new FactoryResult(stored.Status, JsonNode.Parse(stored.Body))
                : Error(422, $"Idempotency-Key '{idempotencyKey}' was already used with a different request; use a new key for a new request");
        }

        var result = run();
        if (result.Status is >= 200 and < 300)
        {
            account.IdempotentAnswers[idempotencyKey] = (fingerprint, result.Status, result.Body?.ToJsonString() ?? "null");
        }

        return result;
    }

    private static string Fingerprint(HttpContext context, RequestBody body) =>
        $"{context.Request.Method} {context.Request.Path}\n{(body.Object is { } json ? json.ToJsonString() : body.Text)}";

    private void Advance(FactoryAccount account, DateTimeOffset now, List<PendingDelivery> deliveries)
    {
        foreach (var rental in account.Rentals)
        {
            if (rental.Status == "warming" && now >= rental.ActivatesAt)
            {
                Activate(rental, rental.ActivatesAt);
                Notify(account, "rental.active", RentalEventData(rental), deliveries);
                if (rental.BrandingPreset is { } preset)
                {
                    foreach (var field in preset)
                    {
                        if (field.Value is not null)
                        {
                            AddAction(rental, "branding." + field.Key, new JsonObject { ["value"] = field.Value.DeepClone() }, rental.ActivatesAt, account, deliveries);
                        }
                    }
                }
            }

            if (rental.Status == "active" && rental.RentalEnd is { } end && now >= end && !rental.AutoRenew)
            {
                rental.Status = "expired";
                Notify(account, "rental.expired", RentalEventData(rental), deliveries);
            }

            // Warming enrolments stay queued until cancelled; only real actions progress.
            foreach (var action in rental.Actions.Where(a => a.ActionType != "warming"))
            {
                var index = Array.IndexOf(ActionRecord.Progression, action.Status);
                while (index >= 0 && index < ActionRecord.Progression.Length - 1 && now >= action.StatusChangedAt + _options.ActionStepDelay)
                {
                    action.StatusChangedAt += _options.ActionStepDelay;
                    action.Status = ActionRecord.Progression[++index];
                    if (action.Status == "verified")
                    {
                        action.VerifiedAt = action.StatusChangedAt;
                    }

                    Notify(account, "action." + action.Status, ActionEventData(action), deliveries);
                }
            }
        }
    }

    private static void Activate(RentalRecord rental, DateTimeOffset at)
    {
        rental.Status = "active";
        rental.AnonymizedId = Guid.NewGuid().ToString();
        rental.RentalStart = at;
        rental.RentalEnd = at.AddMonths(rental.Months);
    }

    private void Notify(FactoryAccount account, string eventName, JsonObject data, List<PendingDelivery> deliveries)
    {
        foreach (var webhook in account.Webhooks.Where(w => w.Events.Contains(eventName, StringComparer.Ordinal)))
        {
            deliveries.Add(new PendingDelivery(webhook, eventName, data.DeepClone().AsObject(), Time.GetUtcNow()));
        }
    }

    private static JsonObject RentalEventData(RentalRecord rental) => new()
    {
        ["rental_id"] = rental.Id,
        ["platform"] = rental.Platform,
        ["status"] = rental.Status,
        ["anonymized_id"] = rental.AnonymizedId,
    };

    private static JsonObject ActionEventData(ActionRecord action) => new()
    {
        ["action_id"] = action.Id,
        ["rental_id"] = action.RentalId,
        ["platform"] = action.Platform,
        ["action_type"] = action.ActionType,
        ["status"] = action.Status,
    };

    private ActionRecord AddAction(RentalRecord rental, string type, JsonObject parameters, DateTimeOffset now, FactoryAccount account, List<PendingDelivery> deliveries)
    {
        var action = new ActionRecord
        {
            Id = Guid.NewGuid().ToString(),
            RentalId = rental.Id,
            Platform = rental.Platform,
            ActionType = type,
            Params = parameters,
            CreatedAt = now,
            StatusChangedAt = now,
        };
        rental.Actions.Add(action);
        Notify(account, "action.queued", ActionEventData(action), deliveries);
        return action;
    }

    private static JsonObject Detail(string message) => new() { ["detail"] = message };

    private static FactoryResult Error(int status, string message, string? retryAfter = null) => new(status, Detail(message), retryAfter);

    private sealed record FactoryCall(HttpContext Context, FactoryAccount Account, JsonObject? Body, DateTimeOffset Now, List<PendingDelivery> Deliveries)
    {
        public string Route(string name) => SandboxHttp.Route(Context, name);

        public string? Query(string name) => Context.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
    }

    private sealed record FactoryResult(int Status, JsonNode? Body, string? RetryAfter = null);
}
