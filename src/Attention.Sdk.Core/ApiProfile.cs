using Attention.Sdk.RateLimiting;

namespace Attention.Sdk;

/// <summary>
/// What an API package declares about its API so the shared pipeline treats it right: its name and default
/// address, its key format, whether it honours <c>Idempotency-Key</c> (which decides whether a POST may be
/// retried after an ambiguous failure) and any documented client-side rate limit.
/// </summary>
public sealed class ApiProfile
{
    /// <summary>Creates a profile.</summary>
    /// <param name="name">Short API name used in telemetry and messages (for example <c>attention-factory</c>).</param>
    /// <param name="defaultBaseAddress">The documented base URL.</param>
    public ApiProfile(string name, Uri defaultBaseAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(defaultBaseAddress);
        Name = name;
        DefaultBaseAddress = defaultBaseAddress;
    }

    /// <summary>Short API name used in telemetry, logs and messages.</summary>
    public string Name { get; }

    /// <summary>The documented base URL.</summary>
    public Uri DefaultBaseAddress { get; }

    /// <summary>
    /// Whether the API documents <c>Idempotency-Key</c> for some of its endpoints. Only then, and only for a POST/PATCH to an endpoint
    /// marked with <see cref="Http.ApiRequest.HonoursIdempotencyKey"/>, does the pipeline mint a key and retry after a 5xx, a reset or a timeout.
    /// </summary>
    public bool HonoursIdempotencyKeys { get; init; }

    /// <summary>
    /// Whether every request of this API may be sent again after an ambiguous failure (a 5xx, a reset, an attempt timeout),
    /// whatever its method: true for a JSON-RPC API whose POSTs are reads, or submit a signed transaction that the node
    /// de-duplicates by its signature. Default: false (only idempotent methods and keyed POSTs are repeated).
    /// </summary>
    public bool RequestsAreSafeToRepeat { get; init; }

    /// <summary>
    /// Whether the address's path or query may carry an access token (a JSON-RPC provider URL such as
    /// <c>https://node.example/&lt;token&gt;/</c>): then logs, traces and metrics show only its scheme and host, and <c>/</c> as the
    /// route. Default: false (paths are logged, query values redacted by allow-list).
    /// </summary>
    public bool AddressMayCarrySecrets { get; init; }

    /// <summary>Whether calls need an API key (<see cref="AttentionClientOptions.ApiKey"/>).</summary>
    public bool RequiresApiKey { get; init; } = true;

    /// <summary>The documented key prefixes (for example <c>af_live_sk_</c>); empty accepts any key.</summary>
    public IReadOnlyList<string> ApiKeyPrefixes { get; init; } = [];

    /// <summary>
    /// Whether a key without one of <see cref="ApiKeyPrefixes"/> is refused (default) or accepted with a logged warning, for an API
    /// whose documents show one prefix but may issue others (test or differently scoped keys).
    /// </summary>
    public bool ApiKeyPrefixRequired { get; init; } = true;

    /// <summary>Whether <paramref name="apiKey"/> starts with a documented prefix (true when none is documented or there is no key).</summary>
    public bool HasDocumentedKeyPrefix(string? apiKey) =>
        string.IsNullOrEmpty(apiKey) || ApiKeyPrefixes.Count == 0 || ApiKeyPrefixes.Any(p => apiKey.StartsWith(p, StringComparison.Ordinal));

    /// <summary>A documented per-key request limit, enforced client-side when set.</summary>
    public RateLimitPolicy? RateLimit { get; init; }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when the key is missing (if required) or malformed (whitespace or control characters),
    /// or lacks a documented prefix where <see cref="ApiKeyPrefixRequired"/>. The message never contains the key.
    /// </summary>
    public void ValidateApiKey(string? apiKey)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            if (RequiresApiKey)
            {
                throw new ArgumentException($"An API key is required for the {Name} API. Set {nameof(AttentionClientOptions.ApiKey)} (keys start with {string.Join(" or ", ApiKeyPrefixes)}).", nameof(AttentionClientOptions.ApiKey));
            }

            return;
        }

        if (apiKey.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException($"The {Name} API key contains whitespace or control characters; copy it again from the dashboard.", nameof(AttentionClientOptions.ApiKey));
        }

        if (ApiKeyPrefixRequired && !HasDocumentedKeyPrefix(apiKey))
        {
            throw new ArgumentException($"The {Name} API key has the wrong format: keys start with {string.Join(" or ", ApiKeyPrefixes)}.", nameof(AttentionClientOptions.ApiKey));
        }
    }
}
