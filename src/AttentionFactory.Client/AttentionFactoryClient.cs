using Attention.Sdk;
using Attention.Sdk.Http;
using AttentionFactory.Actions;
using AttentionFactory.Analytics;
using AttentionFactory.Billing;
using AttentionFactory.Branding;
using AttentionFactory.Platforms;
using AttentionFactory.Rentals;
using AttentionFactory.Warming;
using AttentionFactory.Webhooks;

namespace AttentionFactory;

/// <summary>
/// The Attention Factory API client: rent verified social accounts and run actions on them. Endpoints are grouped the way
/// the docs group them: <see cref="Platforms"/>, <see cref="Rentals"/>, <see cref="Branding"/>, <see cref="Warming"/>,
/// <see cref="Actions"/>, <see cref="Analytics"/>, <see cref="Billing"/> and <see cref="Webhooks"/>. Thread-safe; create one
/// and reuse it (or register it with <c>services.AddAttentionFactoryClient(...)</c>, a singleton). Dispose it to release the
/// <see cref="HttpClient"/> it created; one given to it is never disposed. Members are virtual for mocking.
/// </summary>
public partial class AttentionFactoryClient : AttentionClientBase<AttentionFactoryClientOptions>
{
    /// <summary>What the shared pipeline needs to know about this API: it honours <c>Idempotency-Key</c>, keys start with <c>af_live_sk_</c> or <c>af_test_sk_</c>.</summary>
    internal static readonly ApiProfile Profile = new("attention-factory", new Uri("https://api.attentionfactory.com/v1"))
    {
        HonoursIdempotencyKeys = true,
        ApiKeyPrefixes = ["af_live_sk_", "af_test_sk_"],
    };

    /// <summary>Creates a client for the production API with an API key and default settings.</summary>
    /// <param name="apiKey">An <c>af_live_sk_...</c> or <c>af_test_sk_...</c> key.</param>
    /// <exception cref="ArgumentException">The key is missing or malformed.</exception>
    public AttentionFactoryClient(string apiKey)
        : this(new AttentionFactoryClientOptions { ApiKey = apiKey })
    {
    }

    /// <summary>Creates a client with its own <see cref="HttpClient"/> over a shared, pooled socket handler.</summary>
    /// <param name="options">The settings (API key, base address, timeouts, retries, logging, polling).</param>
    /// <exception cref="ArgumentException">A setting is invalid (the message names it; it never contains the key).</exception>
    public AttentionFactoryClient(AttentionFactoryClientOptions options)
        : this(AttentionPipeline.CreateHttpClient(Profile, Validated(options)), options, ownsHttpClient: true)
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> that already carries the SDK's handlers (the DI path: not owned, never disposed here).</summary>
    internal AttentionFactoryClient(HttpClient httpClient, AttentionFactoryClientOptions options, bool ownsHttpClient = false)
        : base(options, ownsHttpClient ? httpClient : null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        var connection = new FactoryConnection(
            new ApiConnection(httpClient, Profile, options, new ApiExceptionFactory { Custom = InsufficientCreditsException.TryCreate }),
            options);
        _api = connection.Api;
        Platforms = new PlatformsClient(connection);
        Rentals = new RentalsClient(connection);
        Branding = new BrandingClient(connection);
        Warming = new WarmingClient(connection);
        Actions = new ActionsClient(connection);
        Analytics = new AnalyticsClient(connection);
        Billing = new BillingClient(connection);
        Webhooks = new WebhooksClient(connection);
    }

    /// <summary>For mocking: every group property is virtual.</summary>
    protected AttentionFactoryClient()
    {
        Platforms = null!;
        Rentals = null!;
        Branding = null!;
        Warming = null!;
        Actions = null!;
        Analytics = null!;
        Billing = null!;
        Webhooks = null!;
    }

    /// <summary>Platforms, their capabilities (action types, rate caps) and warming niches.</summary>
    public virtual PlatformsClient Platforms { get; }

    /// <summary>Create, list, get, update, release/cancel, extend and renew rentals; wait for activation.</summary>
    public virtual RentalsClient Rentals { get; }

    /// <summary>Brand a rented account (bio, display name, avatar, banner, username).</summary>
    public virtual BrandingClient Branding { get; }

    /// <summary>Enroll a rental in warming or cancel a pending enrolment.</summary>
    public virtual WarmingClient Warming { get; }

    /// <summary>Submit, list, get and cancel actions; post analytics; wait for completion.</summary>
    public virtual ActionsClient Actions { get; }

    /// <summary>Account-level analytics and per-rental capabilities.</summary>
    public virtual AnalyticsClient Analytics { get; }

    /// <summary>Credit balance and transactions.</summary>
    public virtual BillingClient Billing { get; }

    /// <summary>Register, list, delete webhooks, rotate secrets, read deliveries.</summary>
    public virtual WebhooksClient Webhooks { get; }

    private static AttentionFactoryClientOptions Validated(AttentionFactoryClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(Profile);
        return options;
    }
}
