using System.Text.Json.Serialization;

namespace AutoPersonas.Analytics;

/// <summary>Filters for the analytics endpoints. Their query names are not in the public docs; unset filters are not sent.</summary>
public sealed class AnalyticsQuery
{
    /// <summary>Only this profile (<c>?profileId=</c>).</summary>
    public string? ProfileId { get; set; }

    /// <summary>A period such as <c>7d</c> or <c>30d</c> (<c>?period=</c>).</summary>
    public string? Period { get; set; }

    /// <summary>At most this many items, for top content (<c>?limit=</c>).</summary>
    public int? Limit { get; set; }

    /// <summary>Other query parameters, sent as given.</summary>
    public IDictionary<string, string>? AdditionalParameters { get; set; }
}

/// <summary>Dashboard stats (<c>GET /analytics/stats</c>). The shape is not documented: the usual counters are typed, the rest is in extension data.</summary>
public sealed class DashboardStats : AutoPersonasModel
{
    /// <summary>Number of influencers, when sent.</summary>
    [JsonPropertyName("influencers")]
    public long? Influencers { get; init; }

    /// <summary>Number of content items, when sent.</summary>
    [JsonPropertyName("contentItems")]
    public long? ContentItems { get; init; }

    /// <summary>Number of published items, when sent.</summary>
    [JsonPropertyName("published")]
    public long? Published { get; init; }

    /// <summary>Total followers, when sent.</summary>
    [JsonPropertyName("followers")]
    public long? Followers { get; init; }

    /// <summary>Engagement rate as a fraction, when sent.</summary>
    [JsonPropertyName("engagementRate")]
    public double? EngagementRate { get; init; }
}

/// <summary>Engagement chart data (<c>GET /analytics/engagement</c>).</summary>
public sealed class EngagementChart : AutoPersonasModel
{
    /// <summary>The period covered, when sent.</summary>
    [JsonPropertyName("period")]
    public string? Period { get; init; }

    /// <summary>The data points (read from <c>data</c>, or <c>points</c>).</summary>
    [JsonPropertyName("data")]
    public IReadOnlyList<EngagementPoint>? Data { get; init; }

    /// <summary>The data points when the server calls them <c>points</c>.</summary>
    [JsonPropertyName("points")]
    public IReadOnlyList<EngagementPoint>? Points { get; init; }

    /// <summary>The data points, whichever name the server used (empty when none).</summary>
    [JsonIgnore]
    public IReadOnlyList<EngagementPoint> EffectivePoints => Data ?? Points ?? [];
}

/// <summary>One engagement data point.</summary>
public sealed class EngagementPoint : AutoPersonasModel
{
    /// <summary>The date or bucket label as sent (for example <c>2026-01-31</c>).</summary>
    [JsonPropertyName("date")]
    public string? Date { get; init; }

    /// <summary>Likes, when sent.</summary>
    [JsonPropertyName("likes")]
    public long? Likes { get; init; }

    /// <summary>Comments, when sent.</summary>
    [JsonPropertyName("comments")]
    public long? Comments { get; init; }

    /// <summary>Views, when sent.</summary>
    [JsonPropertyName("views")]
    public long? Views { get; init; }

    /// <summary>Shares, when sent.</summary>
    [JsonPropertyName("shares")]
    public long? Shares { get; init; }
}

/// <summary>One platform of the breakdown (<c>GET /analytics/platforms</c>).</summary>
public sealed class PlatformBreakdown : AutoPersonasModel
{
    /// <summary>The platform (for example <c>instagram</c>).</summary>
    [JsonPropertyName("platform")]
    public string? Platform { get; init; }

    /// <summary>Posts on the platform, when sent.</summary>
    [JsonPropertyName("posts")]
    public long? Posts { get; init; }

    /// <summary>Followers on the platform, when sent.</summary>
    [JsonPropertyName("followers")]
    public long? Followers { get; init; }

    /// <summary>Engagement on the platform, when sent.</summary>
    [JsonPropertyName("engagement")]
    public double? Engagement { get; init; }
}
