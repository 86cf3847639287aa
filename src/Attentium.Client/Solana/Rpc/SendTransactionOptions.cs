namespace Attentium.Solana;

/// <summary>Options of <c>sendTransaction</c>. The SDK always sends base64 and <c>maxRetries: 0</c> (it re-sends itself while confirming).</summary>
public sealed class SendTransactionOptions
{
    /// <summary>Skip the node's simulation before forwarding. Default: <see langword="false"/>.</summary>
    public bool SkipPreflight { get; init; }

    /// <summary>The commitment of the preflight simulation; default: the client's commitment.</summary>
    public Commitment? PreflightCommitment { get; init; }
}
