using System.Text.Json.Serialization;
using Attention.Sdk.Json;

namespace AutoPersonas;

/// <summary>
/// An AutoPersonas API key scope (for example <c>content:generate</c>). Each typed method needs one (see the docs' endpoint
/// table); a 403 names it, and <see cref="AutoPersonasClientOptions.GrantedScopes"/> lets calls the key cannot make fail before
/// they are sent. Extensible: a scope the SDK does not know is created with <see cref="FromValue"/>.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumConverter<AutoPersonasScope>))]
public readonly record struct AutoPersonasScope(string Value) : IExtensibleEnum<AutoPersonasScope>
{
    /// <summary>The scope text, for example <c>content:generate</c>.</summary>
    public string Value { get; } = ExtensibleEnumText.Require(Value, nameof(AutoPersonasScope));

    /// <summary><c>character:read</c>: list and view influencers and preview results; config; voice profiles; collaborations list.</summary>
    public static AutoPersonasScope CharacterRead { get; } = new("character:read");

    /// <summary><c>character:write</c>: create, update, delete influencers; set reference images; generate previews; characters; collaborations.</summary>
    public static AutoPersonasScope CharacterWrite { get; } = new("character:write");

    /// <summary><c>content:read</c>: list content items and batch status; import jobs; voice stats; media library.</summary>
    public static AutoPersonasScope ContentRead { get; } = new("content:read");

    /// <summary><c>content:write</c>: update, delete, approve, or reject content items; fine-tune captions; social imports.</summary>
    public static AutoPersonasScope ContentWrite { get; } = new("content:write");

    /// <summary><c>content:generate</c>: generate, regenerate, and create videos; content directions; managed-profile captions.</summary>
    public static AutoPersonasScope ContentGenerate { get; } = new("content:generate");

    /// <summary><c>publishing:write</c>: publish content to social platforms; check status; retry failed publishes; unpublish.</summary>
    public static AutoPersonasScope PublishingWrite { get; } = new("publishing:write");

    /// <summary><c>analytics:read</c>: dashboard stats, engagement charts, platform breakdowns.</summary>
    public static AutoPersonasScope AnalyticsRead { get; } = new("analytics:read");

    /// <summary><c>profile:read</c>: list profiles and connected social accounts.</summary>
    public static AutoPersonasScope ProfileRead { get; } = new("profile:read");

    /// <summary><c>profile:write</c>: create, update, delete profiles.</summary>
    public static AutoPersonasScope ProfileWrite { get; } = new("profile:write");

    /// <summary>Every scope the docs list.</summary>
    public static IReadOnlyList<AutoPersonasScope> All { get; } =
        [CharacterRead, CharacterWrite, ContentRead, ContentWrite, ContentGenerate, PublishingWrite, AnalyticsRead, ProfileRead, ProfileWrite];

    /// <summary>Creates a scope from its text.</summary>
    public static AutoPersonasScope FromValue(string value) => new(value);

    /// <summary>The scope text.</summary>
    public override string ToString() => Value;
}
