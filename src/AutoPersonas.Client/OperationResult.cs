using System.Text.Json.Serialization;

namespace AutoPersonas;

/// <summary>The answer of a call that removes or changes something and returns no documented body (for example <c>DELETE /influencers/:id</c>).</summary>
public sealed class OperationResult : AutoPersonasModel
{
    /// <summary>The server's <c>success</c> flag, when it sends one (an empty 2xx body counts as success).</summary>
    [JsonPropertyName("success")]
    public bool? Success { get; init; }

    /// <summary>The server's <c>message</c>, when it sends one.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
