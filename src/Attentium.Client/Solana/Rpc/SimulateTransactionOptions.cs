namespace Attentium.Solana;

/// <summary>Options of <c>simulateTransaction</c>. Signatures are never verified (<c>sigVerify: false</c>), so a partially signed transaction can be simulated.</summary>
public sealed class SimulateTransactionOptions
{
    /// <summary>Let the node replace the blockhash with its latest, so a stale blockhash does not fail the simulation.</summary>
    public bool ReplaceRecentBlockhash { get; init; }

    /// <summary>Accounts whose state after the simulation should be returned (base64).</summary>
    public IReadOnlyList<PublicKey>? Accounts { get; init; }

    /// <summary>The commitment of the bank simulated against; default: the client's commitment.</summary>
    public Commitment? Commitment { get; init; }
}
