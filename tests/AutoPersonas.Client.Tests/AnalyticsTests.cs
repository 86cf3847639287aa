using Attention.Sdk.Testing.WireMock;
using AutoPersonas.Analytics;
using AutoPersonas.Client.Tests.Support;

namespace AutoPersonas.Client.Tests;

public sealed class AnalyticsTests(WireMockServer wiremock) : ApTestBase(wiremock)
{
    [Fact]
    public async Task Stats_reads_counters_and_keeps_the_rest()
    {
        await StubAsync("GET", "analytics/stats", 200, """{"influencers":2,"contentItems":40,"published":12,"followers":12840,"engagementRate":0.052,"reach":99000}""");

        var stats = await CreateClient().Analytics.GetStatsAsync(cancellationToken: Ct);

        await SingleRequestAsync("GET", "analytics/stats");
        Assert.Equal(12840, stats.Followers);
        Assert.Equal(0.052, stats.EngagementRate);
        Assert.Equal(99000, stats.AdditionalProperties!["reach"].GetInt32());
    }

    [Fact]
    public async Task Engagement_sends_the_period_and_reads_points()
    {
        await StubAsync("GET", "analytics/engagement", 200, """{"period":"30d","data":[{"date":"2026-01-01","likes":120,"comments":14,"views":2100}]}""");

        var chart = await CreateClient().Analytics.GetEngagementAsync(new AnalyticsQuery { Period = "30d" }, Ct);

        await SingleRequestAsync("GET", "analytics/engagement", "?period=30d");
        var point = Assert.Single(chart.EffectivePoints);
        Assert.Equal("2026-01-01", point.Date);
        Assert.Equal(120, point.Likes);
    }

    [Fact]
    public async Task Top_content_sends_the_limit_and_reads_items()
    {
        await StubAsync("GET", "analytics/top-content", 200, """{"data":[{"id":"cnt_1","status":"published","engagement":0.2}]}""");

        var top = await CreateClient().Analytics.ListTopContentAsync(new AnalyticsQuery { Limit = 10, ProfileId = "prof_1" }, Ct);

        await SingleRequestAsync("GET", "analytics/top-content", "?profileId=prof_1&limit=10");
        Assert.Equal(0.2, Assert.Single(top).AdditionalProperties!["engagement"].GetDouble());
    }

    [Fact]
    public async Task Platforms_reads_the_breakdown()
    {
        await StubAsync("GET", "analytics/platforms", 200, """{"data":[{"platform":"instagram","posts":10,"followers":9800},{"platform":"tiktok","posts":0,"followers":3040}]}""");

        var platforms = await CreateClient().Analytics.ListPlatformsAsync(cancellationToken: Ct);

        await SingleRequestAsync("GET", "analytics/platforms");
        Assert.Equal(["instagram", "tiktok"], platforms.Select(p => p.Platform));
        Assert.Equal(9800, platforms[0].Followers);
    }
}
