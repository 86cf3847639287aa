using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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
/// <see cref="SocialImport"/>), plus <see cref="SendAsync(HttpMethod, string, JsonNode?, AutoPersonasScope?, CancellationToken)"/>
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
    /// Calls any AutoPersonas endpoint (the API has 100+; the SDK types the 46 the docs list) through the same pipeline as the typed
    /// methods: bearer key, client-side rate limit, retries (only for GET, HEAD, PUT, DELETE after a 5xx or timeout; 429 always), typed
    /// exceptions for non-2xx answers. Returns the raw 2xx answer; read it with <see cref="ApiResponse.ParseJson"/> or <see cref="ApiResponse.Text"/>.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">
    /// The path relative to the base address, optionally with a query string (<c>previews/abc?limit=5</c>); a leading <c>/api/v1/</c> as
    /// printed in the docs is accepted. Escape ids yourself (<see cref="Uri.EscapeDataString(string)"/>); braces are not allowed.
    /// </param>
    /// <param name="body">A JSON body, or null for none.</param>
    /// <param name="requiredScope">The scope the endpoint needs, if you know it: a 403 then names it, and declared <see cref="AutoPersonasClientOptions.GrantedScopes"/> are checked before sending.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The path is empty, absolute or holds braces (nothing was sent).</exception>
    /// <exception cref="AttentionException">The call failed (a subtype per status, transport failure or timeout).</exception>
    public virtual Task<ApiResponse> SendAsync(HttpMethod method, string path, JsonNode? body = null, AutoPersonasScope? requiredScope = null, CancellationToken cancellationToken = default)
    {
        var request = RawRequest(method, path);
        if (body is not null)
        {
            request.WithBody(Encoding.UTF8.GetBytes(body.ToJsonString()));
        }

        return _connection.SendRawAsync(request, requiredScope, cancellationToken);
    }

    /// <summary>Calls any endpoint with a JSON body given as a <see cref="JsonElement"/>; otherwise as <see cref="SendAsync(HttpMethod, string, JsonNode?, AutoPersonasScope?, CancellationToken)"/>.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The relative path, optionally with a query string.</param>
    /// <param name="body">The JSON body.</param>
    /// <param name="requiredScope">The scope the endpoint needs, if known.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The path is invalid (nothing was sent).</exception>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<ApiResponse> SendAsync(HttpMethod method, string path, JsonElement body, AutoPersonasScope? requiredScope = null, CancellationToken cancellationToken = default)
    {
        var request = RawRequest(method, path);
        if (body.ValueKind != JsonValueKind.Undefined)
        {
            request.WithBody(Encoding.UTF8.GetBytes(body.GetRawText()));
        }

        return _connection.SendRawAsync(request, requiredScope, cancellationToken);
    }

    /// <summary>Calls any endpoint with a raw body (for example multipart form data or an audio file); otherwise as <see cref="SendAsync(HttpMethod, string, JsonNode?, AutoPersonasScope?, CancellationToken)"/>.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The relative path, optionally with a query string.</param>
    /// <param name="body">The body bytes.</param>
    /// <param name="contentType">The body's media type (for example <c>audio/mpeg</c>).</param>
    /// <param name="requiredScope">The scope the endpoint needs, if known.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The path or content type is invalid (nothing was sent).</exception>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<ApiResponse> SendAsync(HttpMethod method, string path, ReadOnlyMemory<byte> body, string contentType, AutoPersonasScope? requiredScope = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var request = RawRequest(method, path).WithBody(body.Span, contentType);
        return _connection.SendRawAsync(request, requiredScope, cancellationToken);
    }

    private static ApiRequest RawRequest(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Uri.TryCreate(path, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
        {
            throw new ArgumentException("Give a path relative to the base address (for example 'influencers/abc'), not an absolute URL.", nameof(path));
        }

        var queryStart = path.IndexOf('?', StringComparison.Ordinal);
        var route = (queryStart < 0 ? path : path[..queryStart]).Trim().TrimStart('/');
        if (route.StartsWith("api/v1/", StringComparison.OrdinalIgnoreCase))
        {
            route = route["api/v1/".Length..];
        }

        if (route.Length == 0 || route.AsSpan().IndexOfAny('{', '}') >= 0)
        {
            throw new ArgumentException("The path must name an endpoint and cannot hold '{' or '}' (escape ids with Uri.EscapeDataString).", nameof(path));
        }

        var request = new ApiRequest(method, route);
        if (queryStart >= 0)
        {
            foreach (var pair in path[(queryStart + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
                var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
                request.WithQuery(name, value);
            }
        }

        return request;
    }

    private static AutoPersonasClientOptions Validated(AutoPersonasClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(Profile);
        return options;
    }
}
