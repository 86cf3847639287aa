namespace Attentium.Solana;

/// <summary>
/// A transaction message (legacy or v0): header, static account keys, recent blockhash, compiled instructions and, for v0,
/// address table lookups. <see cref="Deserialize"/> checks the structure (header counts, indexes in range) and throws
/// <see cref="TransactionFormatException"/> for anything malformed.
/// </summary>
public sealed class Message
{
    /// <summary>The first byte of a versioned message has this bit set; the low bits are the version.</summary>
    public const byte VersionPrefix = 0x80;

    private readonly byte[] _recentBlockhash;

    /// <summary>Creates a message and checks its structure.</summary>
    /// <exception cref="ArgumentException">The header, keys or indexes are inconsistent.</exception>
    public Message(
        MessageVersion version,
        MessageHeader header,
        IReadOnlyList<PublicKey> staticAccountKeys,
        ReadOnlySpan<byte> recentBlockhash,
        IReadOnlyList<CompiledInstruction> instructions,
        IReadOnlyList<MessageAddressTableLookup>? addressTableLookups = null)
    {
        ArgumentNullException.ThrowIfNull(staticAccountKeys);
        ArgumentNullException.ThrowIfNull(instructions);
        if (recentBlockhash.Length != 32)
        {
            throw new ArgumentException($"A blockhash is 32 bytes, got {recentBlockhash.Length}.", nameof(recentBlockhash));
        }

        if (version == MessageVersion.Legacy && addressTableLookups is { Count: > 0 })
        {
            throw new ArgumentException("A legacy message cannot have address table lookups.", nameof(addressTableLookups));
        }

        Version = version;
        Header = header;
        StaticAccountKeys = [.. staticAccountKeys];
        _recentBlockhash = recentBlockhash.ToArray();
        Instructions = [.. instructions];
        AddressTableLookups = addressTableLookups is null ? [] : [.. addressTableLookups];
        var problem = Validate();
        if (problem is not null)
        {
            throw new ArgumentException(problem);
        }
    }

    /// <summary>Legacy or v0.</summary>
    public MessageVersion Version { get; }

    /// <summary>The signer and read-only counts.</summary>
    public MessageHeader Header { get; }

    /// <summary>The account keys written in the message, in index order (signers first; index 0 is the fee payer).</summary>
    public IReadOnlyList<PublicKey> StaticAccountKeys { get; }

    /// <summary>The recent blockhash (base58) that dates the transaction.</summary>
    public string RecentBlockhash => Base58.Encode(_recentBlockhash);

    /// <summary>The recent blockhash bytes.</summary>
    public ReadOnlySpan<byte> RecentBlockhashBytes => _recentBlockhash;

    /// <summary>The instructions, in execution order.</summary>
    public IReadOnlyList<CompiledInstruction> Instructions { get; }

    /// <summary>The address table lookups (v0 only; empty for legacy).</summary>
    public IReadOnlyList<MessageAddressTableLookup> AddressTableLookups { get; }

    /// <summary>The account that pays the fees (static key 0).</summary>
    public PublicKey FeePayer => StaticAccountKeys[0];

    /// <summary>The keys that must sign, in signature-slot order.</summary>
    public IReadOnlyList<PublicKey> RequiredSigners => [.. StaticAccountKeys.Take(Header.NumRequiredSignatures)];

    /// <summary>How many keys the lookups load as writable.</summary>
    public int LookupWritableCount => AddressTableLookups.Sum(l => l.WritableIndexes.Length);

    /// <summary>How many keys the lookups load as read-only.</summary>
    public int LookupReadonlyCount => AddressTableLookups.Sum(l => l.ReadonlyIndexes.Length);

    /// <summary>Static keys plus keys loaded from lookup tables.</summary>
    public int AccountCount => StaticAccountKeys.Count + LookupWritableCount + LookupReadonlyCount;

    /// <summary>The signature slot of <paramref name="key"/>, or -1 when it is not a required signer.</summary>
    public int GetSignerIndex(PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < Header.NumRequiredSignatures; i++)
        {
            if (StaticAccountKeys[i] == key)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether the account at <paramref name="index"/> must sign (only static keys can).</summary>
    public bool IsSigner(int index) => index >= 0 && index < Header.NumRequiredSignatures;

    /// <summary>Whether the account at <paramref name="index"/> is writable (static keys by the header, loaded keys by their lookup list).</summary>
    public bool IsWritable(int index)
    {
        var staticCount = StaticAccountKeys.Count;
        if (index < 0 || index >= AccountCount)
        {
            return false;
        }

        if (index < Header.NumRequiredSignatures)
        {
            return index < Header.NumRequiredSignatures - Header.NumReadonlySignedAccounts;
        }

        if (index < staticCount)
        {
            return index < staticCount - Header.NumReadonlyUnsignedAccounts;
        }

        return index < staticCount + LookupWritableCount;
    }

    /// <summary>
    /// Every account key in index order: the static keys, then <paramref name="loaded"/>'s writable and read-only keys. For a
    /// message with lookups, pass the keys read from the tables (see <see cref="ResolveLoadedAddresses"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The number of loaded keys does not match the lookups.</exception>
    public IReadOnlyList<PublicKey> GetAccountKeys(LoadedAddresses? loaded = null)
    {
        loaded ??= LoadedAddresses.Empty;
        if (loaded.Writable.Count != LookupWritableCount || loaded.Readonly.Count != LookupReadonlyCount)
        {
            throw new ArgumentException(
                $"The message loads {LookupWritableCount} writable and {LookupReadonlyCount} read-only keys from lookup tables; {loaded.Writable.Count} and {loaded.Readonly.Count} were given.",
                nameof(loaded));
        }

        return [.. StaticAccountKeys, .. loaded.Writable, .. loaded.Readonly];
    }

    /// <summary>Looks the lookup indexes up in the given tables (every table the message names must be given).</summary>
    /// <exception cref="ArgumentException">A table is missing or an index is past its end.</exception>
    public LoadedAddresses ResolveLoadedAddresses(IReadOnlyList<AddressLookupTableAccount> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var writable = new List<PublicKey>();
        var readOnly = new List<PublicKey>();
        foreach (var lookup in AddressTableLookups)
        {
            var table = tables.FirstOrDefault(t => t.Key == lookup.AccountKey)
                ?? throw new ArgumentException($"The message uses lookup table {lookup.AccountKey}, which was not given.", nameof(tables));
            Take(table, lookup.WritableIndexes.Span, writable);
            Take(table, lookup.ReadonlyIndexes.Span, readOnly);
        }

        return new LoadedAddresses(writable, readOnly);

        static void Take(AddressLookupTableAccount table, ReadOnlySpan<byte> indexes, List<PublicKey> into)
        {
            foreach (var index in indexes)
            {
                if (index >= table.Addresses.Count)
                {
                    throw new ArgumentException($"Lookup table {table.Key} has {table.Addresses.Count} addresses; the message asks for index {index}.", nameof(tables));
                }

                into.Add(table.Addresses[index]);
            }
        }
    }

    /// <summary>The instructions with their program ids, account keys and signer/writable flags spelled out.</summary>
    public IReadOnlyList<TransactionInstruction> DecompileInstructions(LoadedAddresses? loaded = null)
    {
        var keys = GetAccountKeys(loaded);
        var result = new List<TransactionInstruction>(Instructions.Count);
        foreach (var instruction in Instructions)
        {
            var accounts = new List<AccountMeta>(instruction.AccountIndexes.Length);
            foreach (var index in instruction.AccountIndexes.Span)
            {
                accounts.Add(new AccountMeta(keys[index], IsSigner(index), IsWritable(index)));
            }

            result.Add(new TransactionInstruction(keys[instruction.ProgramIdIndex], accounts, instruction.Data.Span));
        }

        return result;
    }

    /// <summary>The wire bytes of the message (what signers sign).</summary>
    public byte[] Serialize()
    {
        var output = new List<byte>(256);
        if (Version == MessageVersion.V0)
        {
            output.Add(VersionPrefix);
        }

        output.Add(Header.NumRequiredSignatures);
        output.Add(Header.NumReadonlySignedAccounts);
        output.Add(Header.NumReadonlyUnsignedAccounts);
        ShortVec.Write(output, StaticAccountKeys.Count);
        foreach (var key in StaticAccountKeys)
        {
            output.AddRange(key.AsSpan());
        }

        output.AddRange(_recentBlockhash);
        ShortVec.Write(output, Instructions.Count);
        foreach (var instruction in Instructions)
        {
            output.Add(instruction.ProgramIdIndex);
            ShortVec.Write(output, instruction.AccountIndexes.Length);
            output.AddRange(instruction.AccountIndexes.Span);
            ShortVec.Write(output, instruction.Data.Length);
            output.AddRange(instruction.Data.Span);
        }

        if (Version == MessageVersion.V0)
        {
            ShortVec.Write(output, AddressTableLookups.Count);
            foreach (var lookup in AddressTableLookups)
            {
                output.AddRange(lookup.AccountKey.AsSpan());
                ShortVec.Write(output, lookup.WritableIndexes.Length);
                output.AddRange(lookup.WritableIndexes.Span);
                ShortVec.Write(output, lookup.ReadonlyIndexes.Length);
                output.AddRange(lookup.ReadonlyIndexes.Span);
            }
        }

        return [.. output];
    }

    /// <summary>Decodes message bytes; the whole span must be one message.</summary>
    /// <exception cref="TransactionFormatException">The bytes are malformed, truncated, followed by extra bytes, or an unsupported version.</exception>
    public static Message Deserialize(ReadOnlySpan<byte> data)
    {
        var reader = new ByteReader(data);
        var message = Read(ref reader);
        if (reader.Remaining != 0)
        {
            throw new TransactionFormatException($"{reader.Remaining} unexpected bytes after the message", reader.Position);
        }

        return message;
    }

    internal static Message Read(ref ByteReader reader)
    {
        var start = reader.Position;
        var first = reader.ReadByte("message header");
        var version = MessageVersion.Legacy;
        byte numRequired;
        if ((first & VersionPrefix) != 0)
        {
            var number = first & 0x7f;
            if (number != 0)
            {
                throw new TransactionFormatException($"unsupported message version {number} (only legacy and v0 are supported)", start);
            }

            version = MessageVersion.V0;
            numRequired = reader.ReadByte("message header");
        }
        else
        {
            numRequired = first;
        }

        var header = new MessageHeader(numRequired, reader.ReadByte("message header"), reader.ReadByte("message header"));
        var keyCount = reader.ReadShortVec("account key count");
        var keys = new PublicKey[keyCount];
        for (var i = 0; i < keyCount; i++)
        {
            keys[i] = new PublicKey(reader.ReadBytes(PublicKey.Length, "account key"));
        }

        var blockhash = reader.ReadBytes(32, "recent blockhash");
        var instructionCount = reader.ReadShortVec("instruction count");
        var instructions = new CompiledInstruction[instructionCount];
        for (var i = 0; i < instructionCount; i++)
        {
            var programIndex = reader.ReadByte("program id index");
            var accounts = reader.ReadBytes(reader.ReadShortVec("instruction account count"), "instruction account indexes");
            var data = reader.ReadBytes(reader.ReadShortVec("instruction data length"), "instruction data");
            instructions[i] = new CompiledInstruction(programIndex, accounts, data);
        }

        var lookups = new List<MessageAddressTableLookup>();
        if (version == MessageVersion.V0)
        {
            var lookupCount = reader.ReadShortVec("address table lookup count");
            for (var i = 0; i < lookupCount; i++)
            {
                var table = new PublicKey(reader.ReadBytes(PublicKey.Length, "lookup table key"));
                var writable = reader.ReadBytes(reader.ReadShortVec("lookup writable count"), "lookup writable indexes");
                var readOnly = reader.ReadBytes(reader.ReadShortVec("lookup read-only count"), "lookup read-only indexes");
                lookups.Add(new MessageAddressTableLookup(table, writable, readOnly));
            }
        }

        try
        {
            return new Message(version, header, keys, blockhash, instructions, lookups);
        }
        catch (ArgumentException ex)
        {
            throw new TransactionFormatException(ex.Message, start);
        }
    }

    private string? Validate()
    {
        var h = Header;
        if (h.NumRequiredSignatures == 0)
        {
            return "The message has no signer (a fee payer is required).";
        }

        if (h.NumReadonlySignedAccounts >= h.NumRequiredSignatures)
        {
            return $"The header marks {h.NumReadonlySignedAccounts} of {h.NumRequiredSignatures} signers read-only; the fee payer must be writable.";
        }

        if (h.NumRequiredSignatures + h.NumReadonlyUnsignedAccounts > StaticAccountKeys.Count)
        {
            return $"The header counts {h.NumRequiredSignatures} signers and {h.NumReadonlyUnsignedAccounts} read-only accounts but the message has {StaticAccountKeys.Count} account keys.";
        }

        if (AccountCount > 256)
        {
            return $"The message references {AccountCount} accounts; at most 256 can be indexed.";
        }

        foreach (var lookup in AddressTableLookups)
        {
            if (lookup.WritableIndexes.Length + lookup.ReadonlyIndexes.Length == 0)
            {
                return $"The lookup of table {lookup.AccountKey} loads no keys.";
            }
        }

        var total = AccountCount;
        for (var i = 0; i < Instructions.Count; i++)
        {
            var instruction = Instructions[i];
            if (instruction.ProgramIdIndex == 0 || instruction.ProgramIdIndex >= StaticAccountKeys.Count)
            {
                return $"Instruction {i} names program index {instruction.ProgramIdIndex}; a program must be a static key other than the fee payer (1..{StaticAccountKeys.Count - 1}).";
            }

            foreach (var index in instruction.AccountIndexes.Span)
            {
                if (index >= total)
                {
                    return $"Instruction {i} uses account index {index}, but the message has {total} accounts.";
                }
            }
        }

        return null;
    }
}
