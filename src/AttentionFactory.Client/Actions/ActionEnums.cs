using System.Text.Json.Serialization;
using Attention.Sdk.Json;

namespace AttentionFactory.Actions;

/// <summary>The state of an action. Extensible: a status the server adds later is kept as-is.</summary>
[JsonConverter(typeof(ExtensibleEnumConverter<ActionStatus>))]
public readonly record struct ActionStatus(string Value) : IExtensibleEnum<ActionStatus>
{
    /// <summary>The wire value (for example <c>in_progress</c>).</summary>
    public string Value { get; } = ExtensibleEnumText.Require(Value, nameof(ActionStatus));

    /// <summary>Accepted and awaiting a provider.</summary>
    public static ActionStatus Queued { get; } = new("queued");

    /// <summary>A provider picked up the action.</summary>
    public static ActionStatus Assigned { get; } = new("assigned");

    /// <summary>The provider is working.</summary>
    public static ActionStatus InProgress { get; } = new("in_progress");

    /// <summary>The provider submitted proof; awaiting verification.</summary>
    public static ActionStatus Submitted { get; } = new("submitted");

    /// <summary>Terminal: the action completed successfully.</summary>
    public static ActionStatus Verified { get; } = new("verified");

    /// <summary>Terminal: the action failed or was rejected on review.</summary>
    public static ActionStatus Failed { get; } = new("failed");

    /// <summary>Whether the status is final (<see cref="Verified"/> or <see cref="Failed"/>).</summary>
    public bool IsTerminal => this == Verified || this == Failed;

    /// <summary>Creates a value from its wire string.</summary>
    public static ActionStatus FromValue(string value) => new(value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;
}

/// <summary>
/// An action type (the <c>type</c> of a submitted action). Extensible: every type listed by
/// <see cref="Platforms.PlatformsClient.GetCapabilitiesAsync(Platforms.Platform, CancellationToken)"/> can be used, known or not.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumConverter<ActionType>))]
public readonly record struct ActionType(string Value) : IExtensibleEnum<ActionType>
{
    /// <summary>The wire value (for example <c>post.image</c>).</summary>
    public string Value { get; } = ExtensibleEnumText.Require(Value, nameof(ActionType));

    /// <summary>Publish a single image with an optional caption (Instagram, Facebook, X, LinkedIn).</summary>
    public static ActionType PostImage { get; } = new("post.image");

    /// <summary>Change the bio (queued by the branding endpoint).</summary>
    public static ActionType BrandingBio { get; } = new("branding.bio");

    /// <summary>Change the display name (queued by the branding endpoint).</summary>
    public static ActionType BrandingDisplayName { get; } = new("branding.display_name");

    /// <summary>Change the avatar (queued by the branding endpoint).</summary>
    public static ActionType BrandingAvatarUrl { get; } = new("branding.avatar_url");

    /// <summary>Change the banner (queued by the branding endpoint).</summary>
    public static ActionType BrandingBannerUrl { get; } = new("branding.banner_url");

    /// <summary>Change the username (queued by the branding endpoint).</summary>
    public static ActionType BrandingUsername { get; } = new("branding.username");

    /// <summary>Whether this is a post type (<c>post.*</c>), which has post-level analytics.</summary>
    public bool IsPost => Value.StartsWith("post.", StringComparison.Ordinal);

    /// <summary>Creates a value from its wire string.</summary>
    public static ActionType FromValue(string value) => new(value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;
}

/// <summary>LinkedIn post visibility. Extensible.</summary>
[JsonConverter(typeof(ExtensibleEnumConverter<LinkedInVisibility>))]
public readonly record struct LinkedInVisibility(string Value) : IExtensibleEnum<LinkedInVisibility>
{
    /// <summary>The wire value.</summary>
    public string Value { get; } = ExtensibleEnumText.Require(Value, nameof(LinkedInVisibility));

    /// <summary>Anyone.</summary>
    public static LinkedInVisibility Anyone { get; } = new("anyone");

    /// <summary>Connections only.</summary>
    public static LinkedInVisibility ConnectionsOnly { get; } = new("connections_only");

    /// <summary>A LinkedIn group: <see cref="PostOptions.GroupUrl"/> is then required.</summary>
    public static LinkedInVisibility Group { get; } = new("group");

    /// <summary>Creates a value from its wire string.</summary>
    public static LinkedInVisibility FromValue(string value) => new(value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;
}

/// <summary>Who may comment on a LinkedIn post. Extensible.</summary>
[JsonConverter(typeof(ExtensibleEnumConverter<LinkedInCommentControl>))]
public readonly record struct LinkedInCommentControl(string Value) : IExtensibleEnum<LinkedInCommentControl>
{
    /// <summary>The wire value.</summary>
    public string Value { get; } = ExtensibleEnumText.Require(Value, nameof(LinkedInCommentControl));

    /// <summary>Anyone.</summary>
    public static LinkedInCommentControl Anyone { get; } = new("anyone");

    /// <summary>Connections only.</summary>
    public static LinkedInCommentControl ConnectionsOnly { get; } = new("connections_only");

    /// <summary>No one.</summary>
    public static LinkedInCommentControl NoOne { get; } = new("no_one");

    /// <summary>Creates a value from its wire string.</summary>
    public static LinkedInCommentControl FromValue(string value) => new(value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;
}
