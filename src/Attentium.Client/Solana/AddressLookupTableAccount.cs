namespace Attentium.Solana;

/// <summary>An address lookup table's key and its addresses, as read from chain; used to compile and to resolve v0 messages.</summary>
public sealed class AddressLookupTableAccount
{
    /// <summary>The size of the table's header before the addresses.</summary>
    public const int HeaderLength = 56;

    /// <summary>Creates the table.</summary>
    public AddressLookupTableAccount(PublicKey key, IReadOnlyList<PublicKey> addresses)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(addresses);
        Key = key;
        Addresses = [.. addresses];
    }

    /// <summary>The table's address.</summary>
    public PublicKey Key { get; }

    /// <summary>The addresses stored in the table.</summary>
    public IReadOnlyList<PublicKey> Addresses { get; }

    /// <summary>
    /// Reads a table from its account data (owned by the Address Lookup Table program): a 56-byte header whose first four
    /// bytes are the state tag 1, then 32-byte addresses.
    /// </summary>
    /// <exception cref="FormatException">The data is not an initialized lookup table.</exception>
    public static AddressLookupTableAccount FromAccountData(PublicKey key, ReadOnlySpan<byte> data)
    {
        if (data.Length < HeaderLength || (data.Length - HeaderLength) % PublicKey.Length != 0)
        {
            throw new FormatException($"Account {key} is not an address lookup table: {data.Length} bytes of data.");
        }

        if (System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(data) != 1)
        {
            throw new FormatException($"Account {key} is not an initialized address lookup table.");
        }

        var count = (data.Length - HeaderLength) / PublicKey.Length;
        var addresses = new PublicKey[count];
        for (var i = 0; i < count; i++)
        {
            addresses[i] = new PublicKey(data.Slice(HeaderLength + (i * PublicKey.Length), PublicKey.Length));
        }

        return new AddressLookupTableAccount(key, addresses);
    }
}
