using System.Text.Json.Nodes;
using Attention.Sandbox.Hosting;

namespace Attention.Sandbox.Factory;

/// <summary>One customer (API key) of the emulated Attention Factory.</summary>
internal sealed class FactoryAccount(decimal credits)
{
    public decimal Credits { get; set; } = credits;

    public List<RentalRecord> Rentals { get; } = [];

    public List<JsonObject> Transactions { get; } = [];

    public List<WebhookRecord> Webhooks { get; } = [];

    /// <summary>Idempotency-Key → the request it was first used for (method, path, body) and the successful answer given to it.</summary>
    public Dictionary<string, (string Fingerprint, int Status, string Body)> IdempotentAnswers { get; } = new(StringComparer.Ordinal);
}

internal sealed class RentalRecord
{
    public required string Id { get; init; }

    public required string Platform { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ActivatesAt { get; set; }

    public string Status { get; set; } = "warming";

    public string? AnonymizedId { get; set; }

    public DateTimeOffset? RentalStart { get; set; }

    public DateTimeOffset? RentalEnd { get; set; }

    public int Months { get; set; }

    public decimal MonthlyRate { get; init; }

    public decimal CreditsCharged { get; set; }

    public bool AutoRenew { get; set; } = true;

    public string? WarmingNiche { get; set; }

    public JsonObject? BrandingPreset { get; set; }

    public List<ActionRecord> Actions { get; } = [];

    /// <summary>Action type → when actions of that type were submitted within the last day (for the advertised rate caps).</summary>
    public Dictionary<string, List<DateTimeOffset>> Submissions { get; } = new(StringComparer.Ordinal);

    public JsonObject ToJson(bool withProfile)
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["anonymized_id"] = AnonymizedId,
            ["platform"] = Platform,
            ["rental_start"] = RentalStart is { } s ? SandboxHttp.Timestamp(s) : null,
            ["rental_end"] = RentalEnd is { } e ? SandboxHttp.Timestamp(e) : null,
            ["monthly_rate"] = SandboxHttp.Money(MonthlyRate),
            ["credits_charged"] = SandboxHttp.Money(CreditsCharged),
            ["auto_renew"] = AutoRenew,
            ["status"] = Status,
            ["expires_pending_at"] = Status == "warming" ? SandboxHttp.Timestamp(CreatedAt.AddDays(14)) : null,
            ["branding_preset"] = BrandingPreset?.DeepClone(),
            ["created_at"] = SandboxHttp.Timestamp(CreatedAt),
        };
        if (withProfile)
        {
            json["profile"] = Status == "active"
                ? new JsonObject
                {
                    ["username"] = "sandbox_" + Id[..8],
                    ["display_name"] = BrandingPreset?["display_name"]?.GetValue<string>() ?? "Sandbox Account",
                    ["avatar_url"] = $"https://sandbox.invalid/avatars/{Id[..8]}.jpg",
                    ["follower_count"] = 2340,
                    ["following_count"] = 180,
                    ["post_count"] = 47 + Actions.Count(a => a.Status == "verified" && FactoryCatalog.IsPostType(a.ActionType)),
                }
                : null;
        }

        return json;
    }
}

internal sealed class ActionRecord
{
    public static readonly string[] Progression = ["queued", "assigned", "in_progress", "submitted", "verified"];

    public required string Id { get; init; }

    public required string RentalId { get; init; }

    public required string Platform { get; init; }

    public required string ActionType { get; init; }

    public required JsonObject Params { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string Status { get; set; } = "queued";

    public DateTimeOffset StatusChangedAt { get; set; }

    public DateTimeOffset? VerifiedAt { get; set; }

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["rental_id"] = RentalId,
        ["platform"] = Platform,
        ["action_type"] = ActionType,
        ["status"] = Status,
        ["params"] = Params.DeepClone(),
        ["created_at"] = SandboxHttp.Timestamp(CreatedAt),
    };
}

internal sealed class WebhookRecord
{
    public required string Id { get; init; }

    public required string Url { get; init; }

    public required string[] Events { get; init; }

    public required string Secret { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public List<JsonObject> Deliveries { get; } = [];

    /// <summary>Set when the webhook is removed: its pending retries stop, as a real sender's do.</summary>
    public bool Deleted { get; set; }

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["url"] = Url,
        ["events"] = new JsonArray(Events.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray()),
        ["created_at"] = SandboxHttp.Timestamp(CreatedAt),
    };
}
