namespace Attentium.Solana;

/// <summary>
/// The keys a v0 message loads from its address lookup tables, in message order: every lookup's writable keys, then every
/// lookup's read-only keys. Needed to know which account an index past the static keys means.
/// </summary>
/// <param name="Writable">The writable keys, lookup by lookup.</param>
/// <param name="Readonly">The read-only keys, lookup by lookup.</param>
public sealed record LoadedAddresses(IReadOnlyList<PublicKey> Writable, IReadOnlyList<PublicKey> Readonly)
{
    /// <summary>No loaded keys (legacy messages and v0 messages without lookups).</summary>
    public static LoadedAddresses Empty { get; } = new([], []);
}
