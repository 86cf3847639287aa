using System.Text.Json.Nodes;
using Attention.Sandbox.Hosting;
using AttentionFactory;
using AttentionFactory.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ApiEndpoint = Attention.Sdk.Http.ApiEndpoint;

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

    /// <summary>
    /// Maps every endpoint of <see cref="AttentionFactoryEndpoints.All"/> under <see cref="BasePath"/> to its handler, so the sandbox
    /// serves exactly the catalogued routes.
    /// </summary>
    /// <exception cref="InvalidOperationException">The handler table and the catalog disagree (found at startup, not by a caller).</exception>
    public void Map(IEndpointRouteBuilder routes) =>
        CatalogRoutes.Map(routes, "Attention Factory", BasePath, AttentionFactoryEndpoints.All, Handlers(), (endpoint, handler) => context => HandleAsync(context, endpoint, handler));

    private Dictionary<ApiEndpoint, Handler> Handlers() => new()
    {
        [AttentionFactoryEndpoints.ListPlatforms] = ListPlatforms,
        [AttentionFactoryEndpoints.GetPlatformCapabilities] = PlatformCapabilities,
        [AttentionFactoryEndpoints.GetPlatformNiches] = PlatformNiches,
        [AttentionFactoryEndpoints.CreateRental] = CreateRental,
        [AttentionFactoryEndpoints.ListRentals] = ListRentals,
        [AttentionFactoryEndpoints.GetRental] = GetRental,
        [AttentionFactoryEndpoints.UpdateRental] = UpdateRental,
        [AttentionFactoryEndpoints.DeleteRental] = DeleteRental,
        [AttentionFactoryEndpoints.ExtendRental] = ExtendRental,
        [AttentionFactoryEndpoints.RenewRental] = RenewRental,
        [AttentionFactoryEndpoints.ApplyBranding] = ApplyBranding,
        [AttentionFactoryEndpoints.EnrollWarming] = EnrollWarming,
        [AttentionFactoryEndpoints.CancelWarming] = CancelWarming,
        [AttentionFactoryEndpoints.GetAccountAnalytics] = RentalAnalytics,
        [AttentionFactoryEndpoints.GetRentalCapabilities] = RentalCapabilities,
        [AttentionFactoryEndpoints.SubmitAction] = SubmitAction,
        [AttentionFactoryEndpoints.ListActions] = ListActions,
        [AttentionFactoryEndpoints.GetAction] = GetAction,
        [AttentionFactoryEndpoints.CancelAction] = CancelAction,
        [AttentionFactoryEndpoints.GetPostAnalytics] = ActionAnalytics,
        [AttentionFactoryEndpoints.GetBalance] = Balance,
        [AttentionFactoryEndpoints.ListTransactions] = Transactions,
        [AttentionFactoryEndpoints.CreateWebhook] = RegisterWebhook,
        [AttentionFactoryEndpoints.ListWebhooks] = ListWebhooks,
        [AttentionFactoryEndpoints.DeleteWebhook] = DeleteWebhook,
        [AttentionFactoryEndpoints.RotateWebhookSecret] = RotateWebhookSecret,
        [AttentionFactoryEndpoints.ListWebhookDeliveries] = WebhookDeliveries,
    };

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

    private async Task HandleAsync(HttpContext context, ApiEndpoint endpoint, Handler handler)
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
                    ? HandleIdempotent(account, idempotencyKey, Fingerprint(context, body), () => Run(handler, context, endpoint, account, body, now, deliveries))
                    : Run(handler, context, endpoint, account, body, now, deliveries);
            }
        }

        _webhooks.Dispatch(deliveries);
        await SandboxHttp.WriteJsonAsync(context, result.Status, result.Body, result.RetryAfter).ConfigureAwait(false);
    }

    private static FactoryResult Run(Handler handler, HttpContext context, ApiEndpoint endpoint, FactoryAccount account, RequestBody body, DateTimeOffset now, List<PendingDelivery> deliveries) =>
        body.Malformed ? MalformedBody() : handler(new FactoryCall(context, endpoint, account, body.Object, now, deliveries));

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
                NotifyRental(account, rental, deliveries);
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
                NotifyRental(account, rental, deliveries);
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

                    NotifyAction(account, action, deliveries);
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

    /// <summary>Queues the <c>rental.{status}</c> event of the rental's current status.</summary>
    private void NotifyRental(FactoryAccount account, RentalRecord rental, List<PendingDelivery> deliveries) =>
        Notify(account, typeof(RentalWebhookEvent), RentalEventData(rental), deliveries);

    /// <summary>Queues the <c>action.{status}</c> event of the action's current status.</summary>
    private void NotifyAction(FactoryAccount account, ActionRecord action, List<PendingDelivery> deliveries) =>
        Notify(account, typeof(ActionWebhookEvent), ActionEventData(action), deliveries);

    /// <summary>
    /// Queues, for each webhook subscribed to it, the catalogued event of <paramref name="eventClass"/> whose signed status is the one
    /// <paramref name="data"/> carries, so a delivery's name always agrees with its signed data. A status no event is documented for
    /// has no event (nobody can subscribe to one).
    /// </summary>
    private void Notify(FactoryAccount account, Type eventClass, JsonObject data, List<PendingDelivery> deliveries)
    {
        var status = (string?)data["status"];
        if (WebhookEventCatalog.All.FirstOrDefault(e => e.EventClass == eventClass && e.SignedStatus == status) is not { } descriptor)
        {
            return;
        }

        var eventName = descriptor.Type.Value;
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
        NotifyAction(account, action, deliveries);
        return action;
    }

    private static JsonObject Detail(string message) => new() { ["detail"] = message };

    private static FactoryResult Error(int status, string message, string? retryAfter = null) => new(status, Detail(message), retryAfter);

    private sealed record FactoryCall(HttpContext Context, ApiEndpoint Endpoint, FactoryAccount Account, JsonObject? Body, DateTimeOffset Now, List<PendingDelivery> Deliveries)
    {
        /// <summary>The id of the rental the route addresses: <c>{rental_id}</c> on the action routes, <c>{id}</c> on the rental routes.</summary>
        public string RentalId => Route(Endpoint.Parameters.Contains("rental_id") ? "rental_id" : "id");

        /// <summary>A route value by the catalog's parameter name; a handler reading a name the catalog does not state is a sandbox bug.</summary>
        public string Route(string name) => Endpoint.Parameters.Contains(name)
            ? SandboxHttp.Route(Context, name)
            : throw new InvalidOperationException($"The handler of {Endpoint} reads {{{name}}}, which its catalogued route does not have.");

        public string? Query(string name) => Context.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
    }

    private sealed record FactoryResult(int Status, JsonNode? Body, string? RetryAfter = null);
}
