using System.Net;
using System.Text.Json.Serialization;
using Attention.Sdk.Json;

namespace AutoPersonas.SocialImport;

/// <summary>The status of a social import job. Extensible: a value the SDK does not know is kept as-is (and is not terminal).</summary>
[JsonConverter(typeof(ExtensibleEnumConverter<ImportJobStatus>))]
public readonly record struct ImportJobStatus(string Value) : IExtensibleEnum<ImportJobStatus>
{
    /// <summary>The wire value.</summary>
    public string Value { get; } = ExtensibleEnumText.Require(Value, nameof(ImportJobStatus));

    /// <summary><c>queued</c>.</summary>
    public static ImportJobStatus Queued { get; } = new("queued");

    /// <summary><c>running</c>.</summary>
    public static ImportJobStatus Running { get; } = new("running");

    /// <summary><c>completed</c> (terminal).</summary>
    public static ImportJobStatus Completed { get; } = new("completed");

    /// <summary><c>failed</c> (terminal).</summary>
    public static ImportJobStatus Failed { get; } = new("failed");

    /// <summary>Whether the job has finished (<see cref="IsSucceeded"/> or <see cref="IsFailed"/>).</summary>
    public bool IsTerminal => IsSucceeded || IsFailed;

    /// <summary>Whether the job finished well (<c>completed</c>, <c>complete</c>, <c>done</c>, <c>succeeded</c>, <c>finished</c>).</summary>
    public bool IsSucceeded => Value is "completed" or "complete" or "done" or "succeeded" or "success" or "finished";

    /// <summary>Whether the job ended without importing (<c>failed</c>, <c>error</c>, <c>cancelled</c>, <c>canceled</c>).</summary>
    public bool IsFailed => Value is "failed" or "error" or "cancelled" or "canceled";

    /// <summary>Creates a value from its wire string.</summary>
    public static ImportJobStatus FromValue(string value) => new(value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;
}

/// <summary>A social import job (answer of the X and TikTok imports and of <c>GET /social-import/jobs/:jobId</c>).</summary>
public sealed class ImportJob : AutoPersonasModel
{
    /// <summary>The job id (from <c>jobId</c>; see <see cref="EffectiveJobId"/>).</summary>
    [JsonPropertyName("jobId")]
    public string? JobId { get; init; }

    /// <summary>The job id when the server calls it <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The platform imported from.</summary>
    [JsonPropertyName("platform")]
    public string? Platform { get; init; }

    /// <summary>The status; null when the server sent none.</summary>
    [JsonPropertyName("status")]
    public ImportJobStatus? Status { get; init; }

    /// <summary>How many items were imported so far, when sent.</summary>
    [JsonPropertyName("imported")]
    public long? Imported { get; init; }

    /// <summary>The server's error text for a failed job, when sent.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>When the job was created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The job id, whichever name the server used.</summary>
    [JsonIgnore]
    public string? EffectiveJobId => JobId ?? Id;
}

/// <summary>The optional body of a social import. Only set fields are sent; other fields go in extension data.</summary>
public sealed class SocialImportRequest : AutoPersonasRequest
{
    /// <summary>The profile to import into.</summary>
    [JsonPropertyName("profileId")]
    public string? ProfileId { get; set; }

    /// <summary>The connected account to import from (see <see cref="Accounts.AccountsClient.ListAsync(CancellationToken)"/>).</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>At most this many posts.</summary>
    [JsonPropertyName("limit")]
    public int? Limit { get; set; }
}

/// <summary>
/// The outcome of the Instagram import, which the docs mark as gated (pending a Meta scope upgrade): either a started
/// <see cref="Job"/>, or <see cref="IsGated"/> with the server's reason. A 4xx answer (other than 401 and 429) is this normal outcome,
/// not an exception.
/// </summary>
public sealed class InstagramImportResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="job">The started job, when not gated.</param>
    /// <param name="gatedStatus">The status the server answered when gated.</param>
    /// <param name="reason">The server's reason when gated.</param>
    public InstagramImportResult(ImportJob? job, HttpStatusCode? gatedStatus = null, string? reason = null)
    {
        Job = job;
        GatedStatus = gatedStatus;
        Reason = reason;
    }

    /// <summary>Whether the import is not available to this account (the server answered <see cref="GatedStatus"/>).</summary>
    [JsonIgnore]
    public bool IsGated => Job is null;

    /// <summary>The started job, when the import is available.</summary>
    public ImportJob? Job { get; }

    /// <summary>The 4xx status the server answered when gated.</summary>
    public HttpStatusCode? GatedStatus { get; }

    /// <summary>The server's message (or raw body) when gated.</summary>
    public string? Reason { get; }
}
