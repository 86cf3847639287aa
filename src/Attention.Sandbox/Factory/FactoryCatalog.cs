using System.Text.Json.Nodes;

namespace Attention.Sandbox.Factory;

/// <summary>The platforms, action types and niches the Attention Factory documents, as the sandbox serves them.</summary>
internal static class FactoryCatalog
{
    public static readonly string[] Platforms = ["instagram", "tiktok", "reddit", "facebook", "x", "linkedin"];

    private static readonly Dictionary<string, string[]> s_niches = new(StringComparer.Ordinal)
    {
        ["instagram"] = ["fitness", "food", "tech-reviews", "travel"],
        ["tiktok"] = ["comedy", "fitness", "food", "tech-reviews"],
        ["reddit"] = ["gaming", "personal-finance", "tech-reviews"],
        ["facebook"] = ["local-business", "parenting", "travel"],
        ["x"] = ["crypto", "startups", "tech-reviews"],
        ["linkedin"] = ["b2b-saas", "careers", "startups"],
    };

    private static readonly Dictionary<string, string[]> s_actions = new(StringComparer.Ordinal)
    {
        ["instagram"] = ["post.image", "post.carousel", "post.reel", "comment", "like", "follow"],
        ["tiktok"] = ["post.video", "comment", "like", "follow"],
        ["reddit"] = ["post.text", "post.link", "post.image", "comment", "upvote"],
        ["facebook"] = ["post.text", "post.image", "comment", "like"],
        ["x"] = ["post.text", "post.image", "reply", "like", "repost", "follow"],
        ["linkedin"] = ["post.text", "post.image", "comment", "like"],
    };

    public static bool IsPlatform(string platform) => s_niches.ContainsKey(platform);

    public static IReadOnlyList<string> Niches(string platform) => s_niches[platform];

    public static IReadOnlyList<string> ActionTypes(string platform) => s_actions[platform];

    public static bool IsPostType(string actionType) => actionType.StartsWith("post.", StringComparison.Ordinal);

    public static JsonObject Capabilities(string platform, int perHour, int perDay)
    {
        var actions = new JsonArray();
        foreach (var type in s_actions[platform])
        {
            actions.Add((JsonNode)new JsonObject
            {
                ["type"] = type,
                ["rate_cap"] = new JsonObject { ["per_hour"] = perHour, ["per_day"] = perDay },
            });
        }

        return new JsonObject { ["platform"] = platform, ["actions"] = actions };
    }
}
