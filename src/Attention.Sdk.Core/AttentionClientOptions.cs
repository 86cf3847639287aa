using Attention.Sdk.DependencyInjection;
using Attention.Sdk.Polling;
using Attention.Sdk.RateLimiting;
using Microsoft.Extensions.Logging;

namespace Attention.Sdk;

/// <summary>
/// Settings shared by every Attention SDK client: where to send requests, the API key, timeouts,
/// retries, rate limit, logging and transport security. Each API package derives its own options type from this one and adds only
/// its own settings; configuration binding (<see cref="AttentionClientOptionsBinder"/>), validation and registration
/// (<see cref="AttentionServiceCollectionExtensions"/>) are shared. Settings configuration cannot carry (<see cref="LoggerFactory"/>,
/// <see cref="TimeProvider"/>, <see cref="Transport"/>, <see cref="RateLimiterProvider"/>) are set in code.
/// </summary>
public abstract class AttentionClientOptions
{
    /// <summary>The API's base address, including its version path (for example <c>https://api.attentionfactory.com/v1</c>). Defaults to the API's documented base URL.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The API key sent as <c>Authorization: Bearer</c>. Never logged and never included in exception messages or <c>ToString()</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Upper bound for one logical call including every retry and back-off delay. Default: 100 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Upper bound for one attempt (one HTTP exchange). Default: 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a failed attempt is retried (0 disables retries). Default: 3, so at most 4 attempts.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off delay; later delays grow exponentially with jitter. Default: 500 milliseconds.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest back-off delay between two attempts. Default: 30 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest <c>Retry-After</c> the SDK waits on its own. A longer one is not waited: the call throws
    /// <see cref="AttentionRateLimitException"/> (or the status's exception) with <see cref="AttentionApiException.RetryAfter"/> set,
    /// so the caller decides. Default: 60 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The client-side rate limit. Default: <see langword="null"/>, which uses the API's documented limit
    /// (<see cref="ApiProfile.RateLimit"/>; none for APIs that document none). Clients with the same API key share one limiter.
    /// </summary>
    public RateLimiting.RateLimitPolicy? RateLimit { get; set; }

    /// <summary>
    /// Where the client-side limiter comes from. Default: <see langword="null"/>, the in-process
    /// <see cref="RateLimiting.InProcessClientRateLimiterProvider.Shared"/>; a distributed provider (for example Redis, package
    /// <c>Attention.Sdk.Redis</c>) shares each key's budget across processes.
    /// </summary>
    public RateLimiting.IClientRateLimiterProvider? RateLimiterProvider { get; set; }

    /// <summary>Turns the client-side rate limiter off (the server's 429 answers are still retried). Default: <see langword="true"/>.</summary>
    public bool EnableClientRateLimit { get; set; } = true;

    /// <summary>
    /// Limits retries to a share of recent calls per API and key (see <see cref="RetryBudgetRatio"/>), so an outage is not
    /// multiplied by every caller's retries: when the budget is empty a failed attempt is not retried and the call throws its
    /// failure with <see cref="AttentionException.RetryBudgetExhausted"/> set. Default: <see langword="true"/>.
    /// </summary>
    public bool EnableRetryBudget { get; set; } = true;

    /// <summary>
    /// Retries earned per call by the retry budget (0.2: one retry per five recent calls), between 0 and 1. Calls count for
    /// about ten seconds. Default: 0.2.
    /// </summary>
    public double RetryBudgetRatio { get; set; } = 0.2;

    /// <summary>
    /// Retries per second the retry budget allows whatever the traffic, so a client making few calls can still retry; the
    /// budget of an idle key holds ten seconds' worth. Default: 2.
    /// </summary>
    public double RetryBudgetMinPerSecond { get; set; } = 2;

    /// <summary>
    /// Where retry budgets are kept. Default: <see langword="null"/>, the in-process
    /// <see cref="RateLimiting.InProcessRetryBudgetProvider.Shared"/> (one budget per API and key in this process); a distributed
    /// provider (for example Redis, package <c>Attention.Sdk.Redis</c>) shares each key's budget across processes.
    /// </summary>
    public RateLimiting.IRetryBudgetProvider? RetryBudgetProvider { get; set; }

    /// <summary>Appended to the <c>User-Agent</c> header (for example <c>my-app/1.2</c>). Default: none.</summary>
    public string? UserAgentSuffix { get; set; }

    /// <summary>Logger factory for request events. Default: none (no logging). Headers and query values are redacted by allow-list.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock used for back-off, <c>Retry-After</c>, polling and rate limiting. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The innermost HTTP handler used when the client builds its own <see cref="HttpClient"/>. Default: a shared, pooled
    /// <see cref="SocketsHttpHandler"/>. Set it to route requests through a custom transport (for example in tests).
    /// </summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>
    /// Allows the API key to be sent over plain <c>http://</c> to a host that is not a loopback address. Default: <see langword="false"/>:
    /// such a base address is refused at construction (<see cref="ArgumentException"/>) and such a request before sending
    /// (<see cref="AttentionInsecureTransportException"/>), because anyone on the path could read the key. <c>http://</c> to
    /// <c>localhost</c>, <c>127.0.0.1</c> or <c>[::1]</c> (the sandbox, a stub server) is always allowed.
    /// </summary>
    public bool AllowInsecureTransport { get; set; }

    /// <summary>Checks the settings and throws <see cref="ArgumentException"/> naming the first invalid one.</summary>
    /// <param name="profile">The API the options are for (key format, default base address).</param>
    public virtual void Validate(ApiProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (ConfigurationErrors.Count > 0)
        {
            var first = ConfigurationErrors[0];
            throw new ArgumentException(first.Message, first.Key);
        }

        var baseAddress = BaseAddress ?? profile.DefaultBaseAddress;
        if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"{nameof(BaseAddress)} must be an absolute http(s) URI.", nameof(BaseAddress));
        }

        profile.ValidateApiKey(ApiKey);
        if (!string.IsNullOrEmpty(ApiKey) && !AllowInsecureTransport && !Http.BearerTokenHandler.IsSafeForKey(baseAddress))
        {
            throw new ArgumentException(
                $"{nameof(BaseAddress)} is plain http:// to {baseAddress.Host}, which would send the API key unencrypted. Use https://, or set {nameof(AllowInsecureTransport)} for a trusted network (http:// to a loopback address is always allowed).",
                nameof(BaseAddress));
        }

        RequirePositive(Timeout, nameof(Timeout));
        RequirePositive(AttemptTimeout, nameof(AttemptTimeout));
        if (MaxRetries is < 0 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, $"{nameof(MaxRetries)} must be between 0 and 20.");
        }

        if (RetryBaseDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryBaseDelay), RetryBaseDelay, $"{nameof(RetryBaseDelay)} cannot be negative.");
        }

        if (MaxRetryDelay < RetryBaseDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetryDelay), MaxRetryDelay, $"{nameof(MaxRetryDelay)} cannot be shorter than {nameof(RetryBaseDelay)}.");
        }

        if (MaxRetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetryAfter), MaxRetryAfter, $"{nameof(MaxRetryAfter)} cannot be negative.");
        }

        if (UserAgentSuffix is not null && UserAgentSuffix.Any(char.IsControl))
        {
            throw new ArgumentException($"{nameof(UserAgentSuffix)} cannot contain control characters.", nameof(UserAgentSuffix));
        }

        if (RateLimit is { } limit && (limit.PermitLimit <= 0 || limit.Window <= TimeSpan.Zero))
        {
            throw new ArgumentOutOfRangeException(nameof(RateLimit), $"{nameof(RateLimit)} needs a positive permit limit and window.");
        }

        if (EnableRetryBudget)
        {
            try
            {
                CreateRetryBudgetPolicy().Validate();
            }
            catch (ArgumentOutOfRangeException ex)
            {
                var name = ex.ParamName == nameof(RateLimiting.RetryBudgetPolicy.Ratio) ? nameof(RetryBudgetRatio) : nameof(RetryBudgetMinPerSecond);
                throw new ArgumentOutOfRangeException(name, ex.ActualValue, $"{name} is out of range: {ex.Message}");
            }
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }

    /// <summary>The retry budget these options describe (<see cref="RetryBudgetRatio"/>, <see cref="RetryBudgetMinPerSecond"/>).</summary>
    internal RateLimiting.RetryBudgetPolicy CreateRetryBudgetPolicy() => new()
    {
        Ratio = RetryBudgetRatio,
        MinRetriesPerSecond = RetryBudgetMinPerSecond,
    };

    /// <summary>The base address in use: <see cref="BaseAddress"/> or the API's default, always ending in a slash.</summary>
    public Uri ResolveBaseAddress(ApiProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var address = (BaseAddress ?? profile.DefaultBaseAddress).ToString();
        return new Uri(address.EndsWith('/') ? address : address + "/", UriKind.Absolute);
    }

    /// <summary>
    /// Values read from configuration that could not be used, or keys that are not settings (each names its full key). Binding
    /// records them instead of keeping a default, so validation fails at start-up naming the key.
    /// </summary>
    internal List<ConfigurationError> ConfigurationErrors { get; } = [];

    /// <summary>The configuration section the options were bound from (for naming a key in a validation error), if any.</summary>
    internal string? ConfigurationPath { get; set; }

    /// <summary>
    /// Reads the shared settings from configuration; a derived options type reads its own after calling this. Every key read must
    /// go through <paramref name="reader"/>: keys it did not read are refused as unknown.
    /// </summary>
    internal virtual void BindConfiguration(OptionsConfigurationReader reader)
    {
        BaseAddress = reader.HttpUri(nameof(BaseAddress)) ?? BaseAddress;
        ApiKey = reader.String(nameof(ApiKey)) ?? ApiKey;
        Timeout = reader.Duration(nameof(Timeout)) ?? Timeout;
        AttemptTimeout = reader.Duration(nameof(AttemptTimeout)) ?? AttemptTimeout;
        MaxRetries = reader.Int32(nameof(MaxRetries)) ?? MaxRetries;
        RetryBaseDelay = reader.Duration(nameof(RetryBaseDelay)) ?? RetryBaseDelay;
        MaxRetryDelay = reader.Duration(nameof(MaxRetryDelay)) ?? MaxRetryDelay;
        MaxRetryAfter = reader.Duration(nameof(MaxRetryAfter)) ?? MaxRetryAfter;
        EnableClientRateLimit = reader.Boolean(nameof(EnableClientRateLimit)) ?? EnableClientRateLimit;
        UserAgentSuffix = reader.String(nameof(UserAgentSuffix)) ?? UserAgentSuffix;
        AllowInsecureTransport = reader.Boolean(nameof(AllowInsecureTransport)) ?? AllowInsecureTransport;
        EnableRetryBudget = reader.Boolean(nameof(EnableRetryBudget)) ?? EnableRetryBudget;
        RetryBudgetRatio = reader.Double(nameof(RetryBudgetRatio)) ?? RetryBudgetRatio;
        RetryBudgetMinPerSecond = reader.Double(nameof(RetryBudgetMinPerSecond)) ?? RetryBudgetMinPerSecond;
        if (reader.Section(nameof(RateLimit)) is { } limit)
        {
            var permits = limit.Int32(nameof(RateLimitPolicy.PermitLimit));
            var window = limit.Duration(nameof(RateLimitPolicy.Window));
            var behavior = limit.Enum<RateLimitBehavior>(nameof(RateLimitPolicy.Behavior));
            if (permits is null || window is null)
            {
                reader.Fail(nameof(RateLimit), $"needs both {nameof(RateLimitPolicy.PermitLimit)} and {nameof(RateLimitPolicy.Window)}.");
            }
            else
            {
                RateLimit = new RateLimitPolicy { PermitLimit = permits.Value, Window = window.Value, Behavior = behavior ?? RateLimitBehavior.Wait };
            }
        }
    }

    /// <summary>Polling defaults for a wait helper: first <paramref name="interval"/>, growing to <paramref name="maxInterval"/>, for up to <paramref name="timeout"/>.</summary>
    internal static PollingOptions Polling(TimeSpan interval, TimeSpan maxInterval, TimeSpan timeout) =>
        new() { Interval = interval, MaxInterval = maxInterval, Timeout = timeout };

    /// <summary>Validates a polling setting, naming it in the error (for example <c>BatchPolling:Interval</c>).</summary>
    internal static void ValidatePolling(PollingOptions? polling, string name)
    {
        ArgumentNullException.ThrowIfNull(polling, name);
        try
        {
            polling.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException(ReasonOf(ex), $"{name}:{ex.ParamName}", ex);
        }
    }

    /// <summary>An argument exception's message without the "(Parameter '...')" suffix, for a message that names the key itself.</summary>
    internal static string ReasonOf(ArgumentException error) =>
        error.ParamName is null ? error.Message : error.Message.Replace($" (Parameter '{error.ParamName}')", string.Empty, StringComparison.Ordinal);

    /// <summary>Takes the retry and timeout settings and the clock of <paramref name="source"/> (for a helper client that talks to another host).</summary>
    internal void CopyResilienceSettingsFrom(AttentionClientOptions source)
    {
        Timeout = source.Timeout;
        AttemptTimeout = source.AttemptTimeout;
        MaxRetries = source.MaxRetries;
        RetryBaseDelay = source.RetryBaseDelay;
        MaxRetryDelay = source.MaxRetryDelay;
        MaxRetryAfter = source.MaxRetryAfter;
        EnableRetryBudget = source.EnableRetryBudget;
        RetryBudgetRatio = source.RetryBudgetRatio;
        RetryBudgetMinPerSecond = source.RetryBudgetMinPerSecond;
        RetryBudgetProvider = source.RetryBudgetProvider;
        TimeProvider = source.TimeProvider;
    }

    /// <summary>Redacts the API key: options are safe to log.</summary>
    public override string ToString() =>
        $"{GetType().Name} {{ BaseAddress = {BaseAddress}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")}, Timeout = {Timeout}, AttemptTimeout = {AttemptTimeout}, MaxRetries = {MaxRetries} }}";

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive (or Timeout.InfiniteTimeSpan).");
        }
    }
}
