namespace AttentionFactory.Client.Tests.Support;

/// <summary>Response bodies copied from the Attention Factory docs (seed 000), plus plausible bodies for shapes the docs do not show.</summary>
public static class DocsExamples
{
    public const string RentalId = "4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3";
    public const string ActionId = "9ab72c01-5d62-4f0b-a8cc-1d4a7b2fc309";

    public const string WarmingRental = """
        {
        "id": "4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3",
        "anonymized_id": null,
        "platform": "instagram",
        "rental_start": null,
        "rental_end": null,
        "monthly_rate": "99.00",
        "credits_charged": "99.00",
        "auto_renew": true,
        "status": "warming",
        "expires_pending_at": "2026-05-02T12:00:00Z",
        "branding_preset": null,
        "created_at": "2026-04-18T12:00:00Z",
        "profile": null
        }
        """;

    public const string ActiveRental = """
        {
        "id": "4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3",
        "anonymized_id": "7c2d9f5b-e48a-4c11-8b3f-91c2e4d8a6b7",
        "platform": "instagram",
        "rental_start": "2026-04-18T12:30:00Z",
        "rental_end": "2026-05-18T12:30:00Z",
        "monthly_rate": "99.00",
        "credits_charged": "99.00",
        "auto_renew": true,
        "status": "active",
        "expires_pending_at": null,
        "branding_preset": null,
        "created_at": "2026-04-18T12:00:00Z",
        "profile": {
        "username": "launchpad_labs",
        "display_name": "Launchpad",
        "avatar_url": "https://cdn.example.com/avatars/launchpad.jpg",
        "follower_count": 2340,
        "following_count": 180,
        "post_count": 47
        }
        }
        """;

    public const string Platforms = """{ "platforms": ["instagram", "tiktok", "reddit", "facebook", "x", "linkedin"] }""";

    public const string Niches = """{ "platform": "instagram", "niches": ["fitness", "food", "tech-reviews", "travel"] }""";

    public const string Capabilities = """
        {"platform": "instagram", "actions": [
          {"type": "post.image", "rate_cap": {"per_hour": 10, "per_day": 50}},
          "comment"
        ], "review_mode": "auto"}
        """;

    public const string BrandingApplied = """
        {
        "rental_id": "4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3",
        "platform": "instagram",
        "mode": "applied",
        "results": [
        {"field": "bio", "action_type": "branding.bio", "action_id": "9ab72c01-...", "status": "queued"},
        {"field": "display_name", "action_type": "branding.display_name", "action_id": "f2c91e45-...", "status": "queued"}
        ],
        "preset": null
        }
        """;

    public const string WarmingEnrolled = """
        {
        "rental_id": "4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3",
        "action_id": "9ab72c01-5d62-4f0b-a8cc-1d4a7b2fc309",
        "status": "queued"
        }
        """;

    public const string QueuedAction = """
        {
        "id": "9ab72c01-5d62-4f0b-a8cc-1d4a7b2fc309",
        "rental_id": "4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3",
        "platform": "instagram",
        "action_type": "post.image",
        "status": "queued",
        "created_at": "2026-04-19T12:05:00Z"
        }
        """;

    public static string ActionIn(string status) => QueuedAction.Replace("\"queued\"", $"\"{status}\"", StringComparison.Ordinal);

    public static string RentalIn(string status) => WarmingRental.Replace("\"warming\"", $"\"{status}\"", StringComparison.Ordinal);

    public const string Error402 = """{ "detail": "Insufficient credits. Need 99.00, have 12.00" }""";
}
