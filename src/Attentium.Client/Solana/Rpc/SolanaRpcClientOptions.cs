using Attention.Sdk;

namespace Attentium.Solana;

/// <summary>
/// Settings of a <see cref="SolanaRpcClient"/>. The retry, timeout, transport and key settings are the SDK's shared ones
/// (<see cref="AttentionClientOptions"/>) and apply when the client builds its own HttpClient on the SDK pipeline: a 429 is
/// waited out (its <c>Retry-After</c>, up to <see cref="AttentionClientOptions.MaxRetryAfter"/>), and a 408/5xx, a reset or an
/// attempt timeout is retried with back-off, because every JSON-RPC call the client makes is safe to repeat: reads, and
/// <c>sendTransaction</c> of signed bytes that the node de-duplicates by signature (<c>requestAirdrop</c>, devnet only, may
/// be granted twice). <see cref="AttentionClientOptions.ApiKey"/>, when set, is sent as <c>Authorization: Bearer</c> for
/// providers that take one; public nodes need none.
/// </summary>
public sealed class SolanaRpcClientOptions : AttentionClientOptions
{
    /// <summary>
    /// The JSON-RPC endpoint (a devnet or mainnet provider, or a local validator), posted to exactly as given. Required.
    /// The same value as <see cref="AttentionClientOptions.BaseAddress"/>.
    /// </summary>
    public Uri? Endpoint
    {
        get => BaseAddress;
        set => BaseAddress = value;
    }

    /// <summary>The commitment used when a method is not given one. Default: <see cref="Commitment.Confirmed"/>.</summary>
    public Commitment Commitment { get; set; } = Commitment.Confirmed;

    /// <summary>How often the confirmation loop polls signature statuses and block height. Default: 500 ms.</summary>
    public TimeSpan ConfirmationPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the confirmation loop re-sends the identical transaction bytes when given them. Default: 2 s.</summary>
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Shows the endpoint's scheme and host only: providers put access tokens in the path or the query, so the rest of the
    /// URL (like the API key) never appears in logs.
    /// </summary>
    public override string ToString() =>
        $"{nameof(SolanaRpcClientOptions)} {{ Endpoint = {(Endpoint is { IsAbsoluteUri: true } e ? $"{e.Scheme}://{e.Authority}/…" : "(none)")}, Commitment = {Commitment}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")}, Timeout = {Timeout}, AttemptTimeout = {AttemptTimeout}, MaxRetries = {MaxRetries} }}";

    internal Uri RequireEndpoint() =>
        Endpoint ?? throw new ArgumentException("SolanaRpcClientOptions.Endpoint is required (for example a devnet or mainnet RPC URL).", nameof(Endpoint));
}
