using System.Text.Json.Serialization;

namespace AutoPersonas.Batches;

/// <summary>A content generation batch (<c>GET /batches/:id</c>).</summary>
public sealed class GenerationBatch : AutoPersonasModel
{
    /// <summary>The batch id (from <c>id</c> or <c>batchId</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The batch id when the server calls it <c>batchId</c>.</summary>
    [JsonPropertyName("batchId")]
    public string? BatchId { get; init; }

    /// <summary>The profile the batch generates for.</summary>
    [JsonPropertyName("profileId")]
    public string? ProfileId { get; init; }

    /// <summary>The status (see <see cref="BatchStatus.IsTerminal"/>).</summary>
    [JsonPropertyName("status")]
    public required BatchStatus Status { get; init; }

    /// <summary>How many items the batch generates.</summary>
    [JsonPropertyName("total")]
    public int? Total { get; init; }

    /// <summary>How many items are done.</summary>
    [JsonPropertyName("completed")]
    public int? Completed { get; init; }

    /// <summary>How many items failed, when sent.</summary>
    [JsonPropertyName("failed")]
    public int? Failed { get; init; }

    /// <summary>The generated (or generating) content item ids, when sent.</summary>
    [JsonPropertyName("contentIds")]
    public IReadOnlyList<string>? ContentIds { get; init; }

    /// <summary>The server's error text when the batch failed, when sent.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>The batch id, whichever name the server used.</summary>
    [JsonIgnore]
    public string? EffectiveId => Id ?? BatchId;
}
