using System.Text.Json.Serialization;

namespace AutoPersonas.Publishing;

/// <summary>The publish status of a content item (answer of publish, publish status, retry and unpublish).</summary>
public sealed class PublishStatus : AutoPersonasModel
{
    /// <summary>The content item id.</summary>
    [JsonPropertyName("contentId")]
    public string? ContentId { get; init; }

    /// <summary>The publish state (see <see cref="PublishState.IsTerminal"/>); null when the server sent none.</summary>
    [JsonPropertyName("status")]
    public PublishState? Status { get; init; }

    /// <summary>The platform, when sent (for example <c>instagram</c>).</summary>
    [JsonPropertyName("platform")]
    public string? Platform { get; init; }

    /// <summary>The live post URL, once published.</summary>
    [JsonPropertyName("postUrl")]
    public string? PostUrl { get; init; }

    /// <summary>When it was published.</summary>
    [JsonPropertyName("publishedAt")]
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>When it is scheduled, for a scheduled publish.</summary>
    [JsonPropertyName("scheduledAt")]
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>The server's error text when the publish failed, when sent.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }
}

/// <summary>The optional body of <c>POST /content/:id/publish</c> (the docs' example sends none). Only set fields are sent.</summary>
public sealed class PublishRequest : AutoPersonasRequest
{
    /// <summary>The connected social account to publish to (see <see cref="Accounts.AccountsClient.ListAsync(CancellationToken)"/>).</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>A time to publish at instead of now.</summary>
    [JsonPropertyName("scheduledAt")]
    public DateTimeOffset? ScheduledAt { get; set; }
}
