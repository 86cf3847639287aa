using Attention.Sdk.RateLimiting;
using Attention.Sdk.Telemetry;
using Microsoft.Extensions.Logging;

namespace Attention.Sdk.Http;

/// <summary>
/// Assembles the request pipeline, outermost first: <see cref="IdempotencyKeyHandler"/>, resilience (overall timeout,
/// retries, and per attempt: the client-side rate limit when the API has one, the attempt timeout, the body read in
/// full), <see cref="BearerTokenHandler"/>, telemetry. Both construction paths use it: a client's own constructor and dependency injection.
/// </summary>
public static class AttentionPipeline
{
    /// <summary>Creates the handlers in order, outermost first, unconnected (for <c>IHttpClientBuilder.AddHttpMessageHandler</c>).</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static IReadOnlyList<DelegatingHandler> CreateHandlers(ApiProfile profile, AttentionClientOptions options) =>
        CreateHandlers(profile, options, AttentionDiagnostics.Metrics);

    /// <summary>Creates the handlers recording on <paramref name="metrics"/> (under dependency injection: the container's meter).</summary>
    internal static IReadOnlyList<DelegatingHandler> CreateHandlers(ApiProfile profile, AttentionClientOptions options, AttentionMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(profile);
        if (!profile.HasDocumentedKeyPrefix(options.ApiKey) && options.LoggerFactory is { } loggers)
        {
            Log.UndocumentedKeyPrefix(loggers.CreateLogger("Attention.Sdk.Http"), profile.Name, string.Join(", ", profile.ApiKeyPrefixes));
        }

        var limit = options.RateLimit ?? profile.RateLimit;
        var rateLimit = limit is not null && options.EnableClientRateLimit
            ? ClientRateLimitGate.Create(profile, options, limit)
            : null;
        return
        [
            new IdempotencyKeyHandler(profile),
            new ResilienceHandler(profile, options, rateLimit),
            new BearerTokenHandler(options.ApiKey, options.AllowInsecureTransport),
            new TelemetryHandler(profile, options.LoggerFactory, options.TimeProvider, metrics),
        ];
    }

    /// <summary>
    /// Creates an <see cref="HttpClient"/> over <see cref="AttentionClientOptions.Transport"/> or the shared pooled socket
    /// handler, with the SDK's handlers in front and the API's base address set. Its own timeout is infinite: the pipeline enforces
    /// <see cref="AttentionClientOptions.Timeout"/> and <see cref="AttentionClientOptions.AttemptTimeout"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static HttpClient CreateHttpClient(ApiProfile profile, AttentionClientOptions options) =>
        CreateHttpClient(profile, options, AttentionDiagnostics.Metrics);

    /// <summary>Creates the <see cref="HttpClient"/> recording on <paramref name="metrics"/> (under dependency injection: the container's meter).</summary>
    internal static HttpClient CreateHttpClient(ApiProfile profile, AttentionClientOptions options, AttentionMetrics metrics)
    {
        var handlers = CreateHandlers(profile, options, metrics);
        HttpMessageHandler inner = options.Transport ?? SharedSocketsHandler.Instance;
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = inner;
            inner = handlers[i];
        }

        // The transport is shared (or the caller's): disposing this client must not dispose it.
        return new PipelineHttpClient(inner)
        {
            BaseAddress = options.ResolveBaseAddress(profile),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }
}
