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

    /// <summary>The clock used by the confirmation loop (tests can pass a manual one). Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal Uri RequireEndpoint() =>
        Endpoint ?? throw new ArgumentException("SolanaRpcClientOptions.Endpoint is required (for example a devnet or mainnet RPC URL).", nameof(Endpoint));
}
