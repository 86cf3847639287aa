using System.Globalization;
using System.Text.Json.Nodes;
using Attention.Sandbox.Hosting;
using Attention.Sdk.Http;
using AutoPersonas;
using Microsoft.AspNetCore.Http;

namespace Attention.Sandbox.AutoPersonas;

/// <summary>
/// The emulated AutoPersonas API under <c>/autopersonas/api/v1</c>: scoped keys, 60 requests per minute per key,
/// influencers, content generation batches that complete after a delay, approval, publishing with status, analytics,
/// profiles, accounts, config, characters, collaborations and social imports. Lists answer <c>{"data": [...]}</c>;
/// errors answer <c>{"error": "..."}</c>.
/// </summary>
internal sealed partial class AutoPersonasEmulator(AttentionSandboxOptions options)
{
    public const string BasePath = "/autopersonas/api/v1";

    private readonly object _gate = new();
    private readonly Dictionary<string, ApKey> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _requests = new(StringComparer.Ordinal);

    private delegate ApResult Handler(ApCall call);

    private TimeProvider Time => options.TimeProvider;

    /// <summary>
    /// Registers a key with the given scopes (all scopes when none are given): in the account of <paramref name="sameAccountAs"/>
    /// (an already registered key) when given, otherwise in a new account of its own.
    /// </summary>
    /// <returns>False when the key is already registered or <paramref name="sameAccountAs"/> is not.</returns>
    public bool AddKey(string key, IEnumerable<string> scopes, string? sameAccountAs = null)
    {
        lock (_gate)
        {
            ApAccount account;
            if (sameAccountAs is null)
            {
                account = new ApAccount();
            }
            else if (_keys.TryGetValue(sameAccountAs, out var owner))
            {
                account = owner.Account;
            }
            else
            {
                return false;
            }

            var granted = scopes.ToHashSet(StringComparer.Ordinal);
            return _keys.TryAdd(key, new ApKey(account, granted.Count == 0 ? AutoPersonasScope.All.Select(s => s.Value).ToHashSet(StringComparer.Ordinal) : granted));
        }
    }

    /// <summary>Revokes a key: from now on it gets 401. The account's other keys keep working.</summary>
    /// <returns>False when the key was not registered.</returns>
    public bool RevokeKey(string key)
    {
        lock (_gate)
        {
            return _keys.Remove(key);
        }
    }

    private async Task HandleAsync(HttpContext context, ApiEndpoint endpoint, string scope, Handler handler)
    {
        var key = SandboxHttp.BearerToken(context);
        var body = context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0
            ? await SandboxHttp.ReadObjectAsync(context).ConfigureAwait(false)
            : null;
        ApResult result;
        lock (_gate)
        {
            result = Authorize(key, scope, out var account) ?? Limit(key!) ?? Run(handler, endpoint, context, account!, body);
        }

        await SandboxHttp.WriteJsonAsync(context, result.Status, result.Body, result.RetryAfter).ConfigureAwait(false);
    }

    private ApResult Run(Handler handler, ApiEndpoint endpoint, HttpContext context, ApAccount account, JsonObject? body)
    {
        Advance(account, Time.GetUtcNow());
        return handler(new ApCall(endpoint, context, account, body, Time.GetUtcNow()));
    }

    private ApResult? Authorize(string? key, string scope, out ApAccount? account)
    {
        account = null;
        if (key is null || !_keys.TryGetValue(key, out var registered))
        {
            return Error(401, "Missing or invalid API key");
        }

        account = registered.Account;
        return registered.Scopes.Contains(scope) ? null : Error(403, $"Key lacks required scope: {scope}");
    }

    private ApResult? Limit(string key)
    {
        if (!options.EnforceAutoPersonasRateLimit)
        {
            return null;
        }

        var now = Time.GetUtcNow();
        if (!_requests.TryGetValue(key, out var recent))
        {
            recent = new Queue<DateTimeOffset>();
            _requests[key] = recent;
        }

        while (recent.Count > 0 && recent.Peek() <= now - TimeSpan.FromMinutes(1))
        {
            recent.Dequeue();
        }

        if (recent.Count >= 60)
        {
            var wait = (int)Math.Ceiling((recent.Peek() + TimeSpan.FromMinutes(1) - now).TotalSeconds);
            return Error(429, "Rate limit exceeded: 60 requests per minute", Math.Max(wait, 1).ToString(CultureInfo.InvariantCulture));
        }

        recent.Enqueue(now);
        return null;
    }

    private static ApResult Error(int status, string message, string? retryAfter = null) =>
        new(status, new JsonObject { ["error"] = message }, retryAfter);

    private static ApResult Ok(JsonNode body, int status = 200) => new(status, body);

    private static JsonObject List(IEnumerable<JsonObject> items) =>
        new() { ["data"] = new JsonArray(items.Select(i => (JsonNode?)i.DeepClone()).ToArray()) };

    private static string NewId(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N")[..12];

    private sealed record ApCall(ApiEndpoint Endpoint, HttpContext Context, ApAccount Account, JsonObject? Body, DateTimeOffset Now)
    {
        /// <summary>A route value by the catalog's parameter name; another name is a bug in the handler, not an empty id.</summary>
        public string Route(string name) => Endpoint.Parameters.Contains(name)
            ? SandboxHttp.Route(Context, name)
            : throw new InvalidOperationException($"The AutoPersonas endpoint {Endpoint} has no route parameter '{name}'.");

        public string? Query(string name) => Context.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
    }

    private sealed record ApResult(int Status, JsonNode? Body, string? RetryAfter = null);

    /// <summary>A registered key: the account it acts on and the scopes it holds.</summary>
    private sealed record ApKey(ApAccount Account, HashSet<string> Scopes);

    /// <summary>One customer of the emulated AutoPersonas: everything its keys create, seen by its keys only.</summary>
    private sealed class ApAccount
    {
        public Dictionary<string, JsonObject> Influencers { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, JsonObject> Content { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, BatchRecord> Batches { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, JsonObject> Collaborations { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, JsonObject> Jobs { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<string>> VoiceSamples { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, JsonObject> Ingredients { get; } = new(StringComparer.Ordinal);
    }

    private sealed class BatchRecord
    {
        public required string Id { get; init; }

        public required string ProfileId { get; init; }

        public required DateTimeOffset CompletesAt { get; init; }

        public required List<string> ContentIds { get; init; }

        public string Status { get; set; } = "processing";

        public JsonObject ToJson() => new()
        {
            ["id"] = Id,
            ["profileId"] = ProfileId,
            ["status"] = Status,
            ["total"] = ContentIds.Count,
            ["completed"] = Status == "completed" ? ContentIds.Count : 0,
            ["contentIds"] = new JsonArray(ContentIds.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
        };
    }
}
