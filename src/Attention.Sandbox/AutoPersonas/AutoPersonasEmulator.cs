using System.Globalization;
using System.Text.Json.Nodes;
using Attention.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

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
            return _keys.TryAdd(key, new ApKey(account, granted.Count == 0 ? AutoPersonasScopes.All.ToHashSet(StringComparer.Ordinal) : granted));
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

    public void Map(IEndpointRouteBuilder routes)
    {
        Map(routes, "GET", "/influencers", "character:read", ListInfluencers);
        Map(routes, "GET", "/influencers/{id}", "character:read", GetInfluencer);
        Map(routes, "POST", "/influencers", "character:write", CreateInfluencer);
        Map(routes, "PUT", "/influencers/{id}", "character:write", UpdateInfluencer);
        Map(routes, "DELETE", "/influencers/{id}", "character:write", DeleteInfluencer);
        Map(routes, "POST", "/influencers/{id}/references", "character:write", SetReferences);
        Map(routes, "POST", "/influencers/{id}/generate-references", "character:write", GenerateReferences);
        Map(routes, "GET", "/content", "content:read", ListContent);
        Map(routes, "GET", "/content/{id}", "content:read", GetContent);
        Map(routes, "POST", "/content/generate", "content:generate", GenerateContent);
        Map(routes, "POST", "/content/{id}/regenerate", "content:generate", RegenerateContent);
        Map(routes, "POST", "/content/{id}/video", "content:generate", GenerateVideo);
        Map(routes, "POST", "/content/{id}/approve", "content:write", c => SetContentStatus(c, "approved", ["draft", "rejected"]));
        Map(routes, "POST", "/content/{id}/reject", "content:write", c => SetContentStatus(c, "rejected", ["draft", "approved"]));
        Map(routes, "POST", "/content/{id}/publish", "publishing:write", Publish);
        Map(routes, "GET", "/content/{id}/publish/status", "publishing:write", PublishStatus);
        Map(routes, "POST", "/content/{id}/publish/retry", "publishing:write", RetryPublish);
        Map(routes, "POST", "/content/{id}/fine-tune-caption", "content:write", FineTuneCaption);
        Map(routes, "POST", "/content/{id}/unpublish", "publishing:write", Unpublish);
        Map(routes, "POST", "/content/{id}/video-comparison", "content:generate", VideoComparison);
        Map(routes, "GET", "/batches/{id}", "content:read", GetBatch);
        Map(routes, "GET", "/analytics/stats", "analytics:read", Stats);
        Map(routes, "GET", "/analytics/engagement", "analytics:read", Engagement);
        Map(routes, "GET", "/analytics/top-content", "analytics:read", TopContent);
        Map(routes, "GET", "/analytics/platforms", "analytics:read", PlatformBreakdown);
        Map(routes, "GET", "/profiles", "profile:read", ListProfiles);
        Map(routes, "GET", "/accounts", "profile:read", ListAccounts);
        Map(routes, "GET", "/config/features", "character:read", Features);
        Map(routes, "GET", "/config/pricing", "character:read", Pricing);
        Map(routes, "GET", "/config/aesthetic-grades", "character:read", AestheticGrades);
        Map(routes, "POST", "/characters/analyze-photos", "character:write", AnalyzePhotos);
        Map(routes, "POST", "/characters/{id}/voice-samples", "character:write", UploadVoiceSamples);
        Map(routes, "DELETE", "/characters/{id}/voice-samples/{audioUrl}", "character:write", DeleteVoiceSample);
        Map(routes, "GET", "/characters/{id}/voice-profile", "character:read", VoiceProfile);
        Map(routes, "POST", "/characters/{id}/wardrobe/generate", "character:write", GenerateWardrobe);
        Map(routes, "PATCH", "/characters/{id}/ingredients", "character:write", PatchIngredients);
        Map(routes, "POST", "/profiles/{profileId}/content-directions/draft", "content:generate", DraftDirections);
        Map(routes, "POST", "/collaborations", "character:write", CreateCollaboration);
        Map(routes, "GET", "/collaborations", "character:read", ListCollaborations);
        Map(routes, "POST", "/social-import/x", "content:write", c => StartImport(c, "x"));
        Map(routes, "POST", "/social-import/tiktok", "content:write", c => StartImport(c, "tiktok"));
        Map(routes, "POST", "/social-import/instagram", "content:write", _ => Error(403, "Instagram import is gated pending the Meta scope upgrade"));
        Map(routes, "GET", "/social-import/jobs/{jobId}", "content:read", GetImportJob);
        Map(routes, "POST", "/profiles/{profileId}/generate-caption", "content:generate", GenerateCaption);
        Map(routes, "GET", "/profiles/{profileId}/voice-stats", "content:read", VoiceStats);
        Map(routes, "GET", "/profiles/{profileId}/media-library", "content:read", MediaLibrary);
    }

    private void Map(IEndpointRouteBuilder routes, string method, string pattern, string scope, Handler handler) =>
        routes.MapMethods(BasePath + pattern, [method], context => HandleAsync(context, scope, handler));

    private async Task HandleAsync(HttpContext context, string scope, Handler handler)
    {
        var key = SandboxHttp.BearerToken(context);
        var body = context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0
            ? await SandboxHttp.ReadObjectAsync(context).ConfigureAwait(false)
            : null;
        ApResult result;
        lock (_gate)
        {
            result = Authorize(key, scope, out var account) ?? Limit(key!) ?? Run(handler, context, account!, body);
        }

        await SandboxHttp.WriteJsonAsync(context, result.Status, result.Body, result.RetryAfter).ConfigureAwait(false);
    }

    private ApResult Run(Handler handler, HttpContext context, ApAccount account, JsonObject? body)
    {
        Advance(account, Time.GetUtcNow());
        return handler(new ApCall(context, account, body, Time.GetUtcNow()));
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

    private sealed record ApCall(HttpContext Context, ApAccount Account, JsonObject? Body, DateTimeOffset Now)
    {
        public string Route(string name) => SandboxHttp.Route(Context, name);

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
