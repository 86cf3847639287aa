using Attention.Sdk;
using Attention.Sdk.Http;
using Attention.Sdk.RateLimiting;
using AutoPersonas.Accounts;
using AutoPersonas.Analytics;
using AutoPersonas.Batches;
using AutoPersonas.Characters;
using AutoPersonas.Collaborations;
using AutoPersonas.Config;
using AutoPersonas.Content;
using AutoPersonas.Influencers;
using AutoPersonas.Profiles;
using AutoPersonas.Publishing;
using AutoPersonas.SocialImport;

namespace AutoPersonas;

/// <summary>
/// The AutoPersonas developer API client: AI influencers, content generation, publishing, analytics and more, grouped by resource
/// (<see cref="Influencers"/>, <see cref="Content"/>, <see cref="Batches"/>, <see cref="Publishing"/>, <see cref="Analytics"/>,
/// <see cref="Profiles"/>, <see cref="Accounts"/>, <see cref="Config"/>, <see cref="Characters"/>, <see cref="Collaborations"/>,
/// <see cref="SocialImport"/>), plus <see cref="SendAsync(ApiRequest, CancellationToken)"/>
/// for the endpoints the SDK does not type. Every call goes through the same pipeline: bearer key, the client-side limit of 60
/// requests per minute per key (shared by every client with the same key in the process), retries (429 always; 5xx and
/// timeouts only for GET, PUT and DELETE, because the API documents no idempotency keys), typed errors (a 403 names the scope).
/// Thread-safe; create one and reuse it (or register it with <c>services.AddAutoPersonasClient(...)</c>, a singleton). Dispose it to
/// release the <see cref="HttpClient"/> it created; one given to it is never disposed. Members are virtual for mocking.
/// </summary>
public class AutoPersonasClient : AttentionClientBase<AutoPersonasClientOptions>
{
    /// <summary>
    /// What the shared pipeline needs to know about this API: no idempotency keys, keys shown as <c>ap_live_</c> (another prefix is
    /// accepted with a logged warning: the API may issue test or differently scoped keys), 60 requests per minute per key.
    /// </summary>
    internal static readonly ApiProfile Profile = new("autopersonas", new Uri("https://autopersonas.com/api/v1"))
    {
        HonoursIdempotencyKeys = false,
        ApiKeyPrefixes = ["ap_live_"],
        ApiKeyPrefixRequired = false,
        RateLimit = new RateLimitPolicy { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) },
    };

    private readonly ApConnection _connection = null!;

    /// <summary>Creates a client for the production API with an API key and default settings.</summary>
    /// <param name="apiKey">An <c>ap_live_...</c> key (another prefix is accepted with a logged warning).</param>
    /// <exception cref="ArgumentException">The key is missing or malformed (whitespace or control characters).</exception>
    public AutoPersonasClient(string apiKey)
        : this(new AutoPersonasClientOptions { ApiKey = apiKey })
    {
    }

    /// <summary>Creates a client with its own <see cref="HttpClient"/> over a shared, pooled socket handler.</summary>
    /// <param name="options">The settings (API key, base address, timeouts, retries, rate limit, granted scopes, polling, logging).</param>
    /// <exception cref="ArgumentException">A setting is invalid (the message names it; it never contains the key).</exception>
    public AutoPersonasClient(AutoPersonasClientOptions options)
        : this(AttentionPipeline.CreateHttpClient(Profile, Validated(options)), options, ownsHttpClient: true)
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> that already carries the SDK's handlers (the DI path).</summary>
    internal AutoPersonasClient(HttpClient httpClient, AutoPersonasClientOptions options, bool ownsHttpClient = false)
        : base(options, ownsHttpClient ? httpClient : null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _connection = new ApConnection(new ApiConnection(httpClient, Profile, options), options);
        Influencers = new InfluencersClient(_connection);
        Content = new ContentClient(_connection);
        Batches = new BatchesClient(_connection);
        Publishing = new PublishingClient(_connection);
        Analytics = new AnalyticsClient(_connection);
        Profiles = new ProfilesClient(_connection);
        Accounts = new AccountsClient(_connection);
        Config = new ConfigClient(_connection);
        Characters = new CharactersClient(_connection);
        Collaborations = new CollaborationsClient(_connection);
        SocialImport = new SocialImportClient(_connection);
    }

    /// <summary>For mocking: every group property and method is virtual.</summary>
    protected AutoPersonasClient()
    {
        Influencers = null!;
        Content = null!;
        Batches = null!;
        Publishing = null!;
        Analytics = null!;
        Profiles = null!;
        Accounts = null!;
        Config = null!;
        Characters = null!;
        Collaborations = null!;
        SocialImport = null!;
    }

    /// <summary>Influencers: list, get, create, update, delete, reference images, 4-view reference pack.</summary>
    public virtual InfluencersClient Influencers { get; }

    /// <summary>Content items: list, get, generate a batch, regenerate, video, approve, reject, fine-tune caption, video comparison.</summary>
    public virtual ContentClient Content { get; }

    /// <summary>Generation batches: status and wait until finished.</summary>
    public virtual BatchesClient Batches { get; }

    /// <summary>Publishing: publish, status, retry, unpublish and wait until published or failed.</summary>
    public virtual PublishingClient Publishing { get; }

    /// <summary>Analytics: dashboard stats, engagement, top content, platforms.</summary>
    public virtual AnalyticsClient Analytics { get; }

    /// <summary>Managed profiles: list, content directions, captions, voice stats, media library.</summary>
    public virtual ProfilesClient Profiles { get; }

    /// <summary>Connected social accounts.</summary>
    public virtual AccountsClient Accounts { get; }

    /// <summary>Feature flags, pricing and aesthetic grades.</summary>
    public virtual ConfigClient Config { get; }

    /// <summary>Characters: photo analysis, voice samples and profile, wardrobe, ingredients.</summary>
    public virtual CharactersClient Characters { get; }

    /// <summary>Multi-character collaborations.</summary>
    public virtual CollaborationsClient Collaborations { get; }

    /// <summary>Social imports from X, TikTok and (gated) Instagram, and import jobs.</summary>
    public virtual SocialImportClient SocialImport { get; }

    /// <summary>
    /// Calls an endpoint the SDK does not type yet through the same pipeline as the typed methods: the API key, retries by the
    /// endpoint's idempotency mark (a POST is retried after an ambiguous failure only when the request says
    /// <see cref="ApiRequest.HonoursIdempotencyKey"/>; 429 always), the client-side rate limit of 60 per minute, log redaction and the typed exceptions (a 403 names
    /// <see cref="ApiRequest.WithRequiredPermission"/>; declared <see cref="AutoPersonasClientOptions.GrantedScopes"/> are checked before sending).
    /// Returns the raw 2xx answer; read it with <see cref="ApiResponse.ParseJson"/> or <see cref="ApiResponse.Text"/>.
    /// </summary>
    /// <param name="request">
    /// The request: a route template relative to the base address (a leading copy of the base path is accepted), ids bound with
    /// <see cref="ApiRequest.WithPath"/> (escaped), query values with <see cref="ApiRequest.WithQuery(string, string?)"/>. For a
    /// documented endpoint, <c>new ApiRequest(AutoPersonasEndpoints.X)</c> (<see cref="AutoPersonasEndpoints"/>) sets the method, route and scope.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The route could leave the base address (absolute URL, query or fragment in the template, <c>%</c>, <c>\</c>, dot or empty segments): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (a subtype per status, transport failure or timeout).</exception>
    public virtual Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken = default) =>
        _connection.SendUntypedAsync(request, null, cancellationToken);

    /// <summary>Calls an endpoint the SDK does not type yet, with per-call options; otherwise as <see cref="SendAsync(ApiRequest, CancellationToken)"/>.</summary>
    /// <param name="request">The request (see <see cref="SendAsync(ApiRequest, CancellationToken)"/>).</param>
    /// <param name="requestOptions">Per-call options (extra headers, an idempotency key where the request is marked to honour one); after the call, <see cref="RequestOptions.Response"/>. Null: as the plain overload.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The route could leave the base address, or an idempotency key was given for a request not marked to honour it: nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (a subtype per status, transport failure or timeout).</exception>
    public virtual Task<ApiResponse> SendAsync(ApiRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendUntypedAsync(request, requestOptions, cancellationToken);

    private static AutoPersonasClientOptions Validated(AutoPersonasClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(Profile);
        return options;
    }
}
