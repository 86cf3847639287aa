namespace Attentium.Solana;

/// <summary>How settled a block must be before the RPC node answers from it.</summary>
public enum Commitment
{
    /// <summary>Seen by the node; can still be rolled back.</summary>
    Processed,

    /// <summary>Voted on by a supermajority (the usual choice for payments).</summary>
    Confirmed,

    /// <summary>Rooted: will not be rolled back.</summary>
    Finalized,
}

internal static class CommitmentText
{
    public static string ToWire(this Commitment commitment) => commitment switch
    {
        Commitment.Processed => "processed",
        Commitment.Finalized => "finalized",
        _ => "confirmed",
    };

    public static Commitment? Parse(string? text) => text switch
    {
        "processed" => Commitment.Processed,
        "confirmed" => Commitment.Confirmed,
        "finalized" => Commitment.Finalized,
        _ => null,
    };
}
