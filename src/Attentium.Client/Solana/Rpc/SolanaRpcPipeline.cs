using Attention.Sdk;
using Attention.Sdk.Http;

namespace Attentium.Solana;

/// <summary>
/// The HttpClient a <see cref="SolanaRpcClient"/> builds for itself: the SDK's shared pipeline (retries with
/// <c>Retry-After</c>, overall and per-attempt timeouts, telemetry) over the node's endpoint, with every request safe to
/// repeat and no API key.
/// </summary>
internal static class SolanaRpcPipeline
{
    public static HttpClient CreateHttpClient(SolanaRpcClientOptions options, Uri endpoint, HttpMessageHandler sharedTransport)
    {
        var profile = new ApiProfile("solana-rpc", endpoint) { RequiresApiKey = false, RequestsAreSafeToRepeat = true };
        var pipelineOptions = new PipelineOptions
        {
            BaseAddress = endpoint,
            MaxRetries = options.MaxRetries,
            RetryBaseDelay = options.RetryBaseDelay,
            MaxRetryDelay = options.MaxRetryDelay,
            AttemptTimeout = options.AttemptTimeout,
            Timeout = options.Timeout,
            MaxRetryAfter = options.MaxRetryAfter,
            TimeProvider = options.TimeProvider,
            Transport = options.Transport ?? sharedTransport,
        };
        return AttentionPipeline.CreateHttpClient(profile, pipelineOptions);
    }

    /// <summary>The shared pipeline's settings, filled from <see cref="SolanaRpcClientOptions"/>.</summary>
    private sealed class PipelineOptions : AttentionClientOptions
    {
    }
}
