using System.Text.Json;
using System.Text.Json.Serialization;
using Attention.Sdk.Json;

namespace Attention.Sdk.Benchmarks;

/// <summary>The Attention Factory rental document from the quick start, as both sides parse it.</summary>
public sealed record BenchRental
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("anonymized_id")] public string? AnonymizedId { get; init; }
    [JsonPropertyName("platform")] public required string Platform { get; init; }
    [JsonPropertyName("rental_start")] public DateTimeOffset? RentalStart { get; init; }
    [JsonPropertyName("rental_end")] public DateTimeOffset? RentalEnd { get; init; }
    [JsonPropertyName("monthly_rate"), JsonConverter(typeof(FlexibleDecimalConverter))] public decimal MonthlyRate { get; init; }
    [JsonPropertyName("credits_charged"), JsonConverter(typeof(FlexibleDecimalConverter))] public decimal CreditsCharged { get; init; }
    [JsonPropertyName("auto_renew")] public bool AutoRenew { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("profile")] public JsonElement? Profile { get; init; }
}

[JsonSerializable(typeof(BenchRental))]
public sealed partial class BenchJsonContext : JsonSerializerContext
{
}

public static class Payloads
{
    public static readonly byte[] Rental = """
        {"id":"4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3","anonymized_id":"7c2d9f5b-e48a-4c11-8b3f-91c2e4d8a6b7","platform":"instagram","rental_start":"2026-04-18T12:30:00Z","rental_end":"2026-05-18T12:30:00Z","monthly_rate":"99.00","credits_charged":"99.00","auto_renew":true,"status":"active","expires_pending_at":null,"branding_preset":null,"created_at":"2026-04-18T12:00:00Z","profile":{"username":"launchpad_labs","display_name":"Launchpad","avatar_url":"https://cdn.example.com/avatars/launchpad.jpg","follower_count":2340,"following_count":180,"post_count":47}}
        """u8.ToArray();
}
