namespace Attentium.Solana;

/// <summary>In a v0 message: which entries of an address lookup table the transaction loads, writable and read-only.</summary>
public sealed class MessageAddressTableLookup
{
    /// <summary>Creates a lookup (arrays are copied).</summary>
    public MessageAddressTableLookup(PublicKey accountKey, ReadOnlySpan<byte> writableIndexes, ReadOnlySpan<byte> readonlyIndexes)
    {
        ArgumentNullException.ThrowIfNull(accountKey);
        AccountKey = accountKey;
        WritableIndexes = writableIndexes.ToArray();
        ReadonlyIndexes = readonlyIndexes.ToArray();
    }

    /// <summary>The lookup table account.</summary>
    public PublicKey AccountKey { get; }

    /// <summary>Indexes into the table of the keys loaded as writable.</summary>
    public ReadOnlyMemory<byte> WritableIndexes { get; }

    /// <summary>Indexes into the table of the keys loaded as read-only.</summary>
    public ReadOnlyMemory<byte> ReadonlyIndexes { get; }
}
