using System.Text.Json.Serialization;
using Attention.Sdk.Json;

namespace AttentionFactory.Platforms;

/// <summary>A social platform the Attention Factory rents accounts on. Extensible: a platform the server adds later is kept as-is.</summary>
[JsonConverter(typeof(ExtensibleEnumConverter<Platform>))]
public readonly record struct Platform(string Value) : IExtensibleEnum<Platform>
{
    /// <summary>The wire value (for example <c>instagram</c>).</summary>
    public string Value { get; } = ExtensibleEnumText.Require(Value, nameof(Platform));

    /// <summary>Instagram (<c>instagram</c>).</summary>
    public static Platform Instagram { get; } = new("instagram");

    /// <summary>TikTok (<c>tiktok</c>).</summary>
    public static Platform TikTok { get; } = new("tiktok");

    /// <summary>Reddit (<c>reddit</c>).</summary>
    public static Platform Reddit { get; } = new("reddit");

    /// <summary>Facebook (<c>facebook</c>).</summary>
    public static Platform Facebook { get; } = new("facebook");

    /// <summary>X, formerly Twitter (<c>x</c>).</summary>
    public static Platform X { get; } = new("x");

    /// <summary>LinkedIn (<c>linkedin</c>).</summary>
    public static Platform LinkedIn { get; } = new("linkedin");

    /// <summary>Creates a value from its wire string.</summary>
    public static Platform FromValue(string value) => new(value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;

    internal static void Require(Platform platform, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(platform.Value))
        {
            throw new ArgumentException("A platform is required (for example Platform.Instagram).", parameterName);
        }
    }
}
