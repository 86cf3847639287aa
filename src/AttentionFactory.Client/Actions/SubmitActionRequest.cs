using System.Text.Json;
using System.Text.Json.Serialization;

namespace AttentionFactory.Actions;

/// <summary>
/// The body of <c>POST /v1/rentals/{rental_id}/{platform}/actions</c>: an action <see cref="Type"/> and its <see cref="Params"/>.
/// Build typed requests with <see cref="PostImage(PostOptions)"/> or <see cref="Post(ActionType, PostOptions)"/>; any other type the
/// capabilities endpoint lists goes through the constructor or <see cref="FromJson(ActionType, string)"/>.
/// </summary>
public sealed class SubmitActionRequest
{
    /// <summary>Creates a request for any action type.</summary>
    /// <param name="type">The action type (for example <c>comment</c>).</param>
    /// <param name="params">The action-specific parameters as a JSON object; null sends none.</param>
    /// <exception cref="ArgumentException">No type, or the parameters are not a JSON object.</exception>
    public SubmitActionRequest(ActionType type, JsonElement? @params = null)
    {
        if (string.IsNullOrWhiteSpace(type.Value))
        {
            throw new ArgumentException("An action type is required (for example ActionType.PostImage).", nameof(type));
        }

        if (@params is { } value && value.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"Action params must be a JSON object, not {value.ValueKind}.", nameof(@params));
        }

        Type = type;
        Params = @params?.Clone();
    }

    /// <summary>The action type.</summary>
    [JsonPropertyName("type")]
    public ActionType Type { get; }

    /// <summary>The action-specific parameters.</summary>
    [JsonPropertyName("params")]
    public JsonElement? Params { get; }

    /// <summary>A <c>post.image</c> action: publish one image (<see cref="PostOptions.MediaUrl"/> required) with optional caption and options.</summary>
    /// <exception cref="ArgumentException">The options break a documented rule (no media URL, LinkedIn group rule).</exception>
    public static SubmitActionRequest PostImage(PostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(requireMedia: true);
        return new SubmitActionRequest(ActionType.PostImage, JsonSerializer.SerializeToElement(options, FactoryJsonContext.Default.PostOptions));
    }

    /// <summary>Any post type (for example <c>post.video</c>) with the shared post options.</summary>
    /// <exception cref="ArgumentException">The options break a documented rule (LinkedIn group rule, malformed URL).</exception>
    public static SubmitActionRequest Post(ActionType type, PostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(requireMedia: type == ActionType.PostImage);
        return new SubmitActionRequest(type, JsonSerializer.SerializeToElement(options, FactoryJsonContext.Default.PostOptions));
    }

    /// <summary>Any action type with its parameters as JSON text (a JSON object).</summary>
    /// <exception cref="ArgumentException">The text is not a JSON object.</exception>
    public static SubmitActionRequest FromJson(ActionType type, string paramsJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paramsJson);
        JsonElement element;
        try
        {
            using var document = JsonDocument.Parse(paramsJson);
            element = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The action params are not valid JSON: {ex.Message}", nameof(paramsJson), ex);
        }

        return new SubmitActionRequest(type, element);
    }
}

/// <summary>
/// The shared post composition options (the docs' PostOptionsMixin) plus LinkedIn's composer options. Include only what you
/// want to set: unset fields are not sent and keep the platform default. LinkedIn options are ignored on other platforms.
/// </summary>
public sealed class PostOptions
{
    /// <summary>The caption.</summary>
    [JsonPropertyName("caption")]
    public string? Caption { get; init; }

    /// <summary>The media URL (required for <c>post.image</c>).</summary>
    [JsonPropertyName("media_url")]
    public string? MediaUrl { get; init; }

    /// <summary>A sound to use (TikTok/Instagram).</summary>
    [JsonPropertyName("sound_name")]
    public string? SoundName { get; init; }

    /// <summary>A location tag (for example <c>San Francisco, CA</c>).</summary>
    [JsonPropertyName("location")]
    public string? Location { get; init; }

    /// <summary>A link to attach.</summary>
    [JsonPropertyName("link_url")]
    public string? LinkUrl { get; init; }

    /// <summary>Whether comments are allowed.</summary>
    [JsonPropertyName("allow_comments")]
    public bool? AllowComments { get; init; }

    /// <summary>Whether duets are allowed (TikTok).</summary>
    [JsonPropertyName("allow_duet")]
    public bool? AllowDuet { get; init; }

    /// <summary>Whether stitches are allowed (TikTok).</summary>
    [JsonPropertyName("allow_stitch")]
    public bool? AllowStitch { get; init; }

    /// <summary>Whether to label the post as AI-generated.</summary>
    [JsonPropertyName("ai_generated")]
    public bool? AiGenerated { get; init; }

    /// <summary>Whether visual search is allowed.</summary>
    [JsonPropertyName("allow_visual_search")]
    public bool? AllowVisualSearch { get; init; }

    /// <summary>The audience control (for example <c>everyone</c>).</summary>
    [JsonPropertyName("audience_control")]
    public string? AudienceControl { get; init; }

    /// <summary>LinkedIn: who sees the post (anyone, connections_only, group).</summary>
    [JsonPropertyName("visibility")]
    public LinkedInVisibility? Visibility { get; init; }

    /// <summary>LinkedIn: the group URL; required when <see cref="Visibility"/> is <c>group</c>, and must be an <c>https://linkedin.com/...</c> URL.</summary>
    [JsonPropertyName("group_url")]
    public string? GroupUrl { get; init; }

    /// <summary>LinkedIn: who may comment (anyone, connections_only, no_one).</summary>
    [JsonPropertyName("comment_control")]
    public LinkedInCommentControl? CommentControl { get; init; }

    /// <summary>LinkedIn: a company URL; its presence enables the Paid Partnership label.</summary>
    [JsonPropertyName("brand_partner_url")]
    public string? BrandPartnerUrl { get; init; }

    /// <summary>Other parameters of the action type, sent as-is.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalParams { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> when a documented rule is broken.</summary>
    /// <param name="requireMedia">Whether <see cref="MediaUrl"/> is required (it is for <c>post.image</c>).</param>
    public void Validate(bool requireMedia = false)
    {
        if (requireMedia && string.IsNullOrWhiteSpace(MediaUrl))
        {
            throw new ArgumentException("A post.image action needs MediaUrl (the image to publish).", nameof(MediaUrl));
        }

        RequireAbsoluteUrl(MediaUrl, nameof(MediaUrl));
        RequireAbsoluteUrl(LinkUrl, nameof(LinkUrl));
        RequireAbsoluteUrl(BrandPartnerUrl, nameof(BrandPartnerUrl));
        if (Visibility == LinkedInVisibility.Group && string.IsNullOrWhiteSpace(GroupUrl))
        {
            throw new ArgumentException("GroupUrl is required when Visibility is 'group'.", nameof(GroupUrl));
        }

        if (GroupUrl is not null && !IsLinkedInUrl(GroupUrl))
        {
            throw new ArgumentException("GroupUrl must be an https://linkedin.com/... URL.", nameof(GroupUrl));
        }
    }

    private static bool IsLinkedInUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && (uri.Host.Equals("linkedin.com", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".linkedin.com", StringComparison.OrdinalIgnoreCase));

    private static void RequireAbsoluteUrl(string? url, string name)
    {
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            throw new ArgumentException($"{name} must be an absolute http(s) URL.", name);
        }
    }
}
