namespace Attentium.Solana;

/// <summary>Settings of a <see cref="SolanaRpcClient"/>.</summary>
public sealed class SolanaRpcClientOptions
{
    /// <summary>The JSON-RPC endpoint (a devnet or mainnet provider, or a local validator). Required.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The commitment used when a method is not given one. Default: <see cref="Commitment.Confirmed"/>.</summary>
    public Commitment Commitment { get; set; } = Commitment.Confirmed;

    /// <summary>How often the confirmation loop polls signature statuses and block height. Default: 500 ms.</summary>
    public TimeSpan ConfirmationPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the confirmation loop re-sends the identical transaction bytes when given them. Default: 2 s.</summary>
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Retries after a 429 (waiting its <c>Retry-After</c> up to <see cref="MaxRetryAfter"/>), a 408/5xx, a reset or an attempt
    /// timeout, with exponential back-off and jitter. Every JSON-RPC call the client makes is safe to repeat: reads, and
    /// <c>sendTransaction</c> of signed bytes that the node de-duplicates by signature (<c>requestAirdrop</c>, devnet only,
    /// may be granted twice). 0 turns retries off. Applies when the client builds its own HttpClient. Default: 3.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off delay; later ones grow exponentially, with jitter, up to <see cref="MaxRetryDelay"/>. Default: 0.5 seconds.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest back-off delay between two attempts. Default: 30 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound for one HTTP exchange with the node. Default: 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound for one call including its retries and their delays. Default: 100 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The longest <c>Retry-After</c> the client waits on its own; a longer one fails the call with the node's 429. Default: 60 seconds.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The innermost HTTP handler when the client builds its own HttpClient (tests, proxies). Default: one shared, pooled SocketsHttpHandler.</summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>The clock used by the confirmation loop and the retry delays (tests can pass a manual one). Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal Uri RequireEndpoint() =>
        Endpoint ?? throw new ArgumentException("SolanaRpcClientOptions.Endpoint is required (for example a devnet or mainnet RPC URL).", nameof(Endpoint));
}
