using System.Text.Json.Serialization;
using Attention.Sdk;
using Attention.Sdk.Http;

namespace AutoPersonas.Collaborations;

/// <summary>A multi-character collaboration.</summary>
public sealed class Collaboration : AutoPersonasModel
{
    /// <summary>The collaboration id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The influencers taking part.</summary>
    [JsonPropertyName("influencerIds")]
    public IReadOnlyList<string>? InfluencerIds { get; init; }

    /// <summary>The prompt, when sent.</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    /// <summary>The status as sent (for example <c>pending</c>).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>When it was created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }
}

/// <summary>The body of <c>POST /collaborations</c>. Only set fields are sent.</summary>
public sealed class CreateCollaborationRequest : AutoPersonasRequest
{
    /// <summary>The influencers taking part (at least two).</summary>
    [JsonPropertyName("influencerIds")]
    public required IReadOnlyList<string> InfluencerIds { get; set; }

    /// <summary>What the collaboration is about.</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; set; }
}

/// <summary>Multi-character collaborations: create (scope <c>character:write</c>) and list (scope <c>character:read</c>).</summary>
public class CollaborationsClient
{
    private readonly ApConnection _connection = null!;

    internal CollaborationsClient(ApConnection connection) => _connection = connection;

    /// <summary>For mocking.</summary>
    protected CollaborationsClient()
    {
    }

    /// <summary>Creates a collaboration (<c>POST /collaborations</c>, scope <c>character:write</c>); never retried after an ambiguous failure.</summary>
    /// <param name="request">The influencers (at least two) and prompt.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">Fewer than two influencer ids, or an empty one (nothing was sent).</exception>
    /// <exception cref="AttentionException">Any failure.</exception>
    public virtual Task<Collaboration> CreateAsync(CreateCollaborationRequest request, CancellationToken cancellationToken = default) =>
        CreateAsync(request, null, cancellationToken);

    /// <summary>Creates a collaboration with per-call options; otherwise as <see cref="CreateAsync(CreateCollaborationRequest, CancellationToken)"/>.</summary>
    /// <param name="request">The influencers (at least two) and prompt.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">Fewer than two influencer ids, or an empty one, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<Collaboration> CreateAsync(CreateCollaborationRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.InfluencerIds is null || request.InfluencerIds.Count < 2 || request.InfluencerIds.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A collaboration needs at least two influencer ids, none of them empty.", nameof(request));
        }

        return _connection.SendAsync(
            new ApiRequest(AutoPersonasEndpoints.CreateCollaboration).WithJsonBody(request, ApJsonContext.Default.CreateCollaborationRequest),
            ApJsonContext.Default.Collaboration,
            requestOptions,
            cancellationToken);
    }

    /// <summary>Lists collaborations (<c>GET /collaborations</c>, scope <c>character:read</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<ApiList<Collaboration>> ListAsync(CancellationToken cancellationToken = default) =>
        ListAsync(null, cancellationToken);

    /// <summary>Lists collaborations with per-call options; otherwise as <see cref="ListAsync(CancellationToken)"/>.</summary>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ApiList<Collaboration>> ListAsync(RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendListAsync(new ApiRequest(AutoPersonasEndpoints.ListCollaborations), ApJsonContext.Default.Collaboration, "collaborations", requestOptions, cancellationToken);
}
