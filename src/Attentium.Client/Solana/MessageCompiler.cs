namespace Attentium.Solana;

/// <summary>
/// Compiles instructions into a message with Solana's account ordering: the fee payer first, then writable signers, read-only
/// signers, writable non-signers, read-only non-signers; within each group keys keep the order they first appear (fee payer,
/// then per instruction the program id and its accounts), as @solana/web3.js <c>TransactionMessage</c> does. Duplicate keys are
/// merged by OR-ing their flags; program ids are read-only non-signers unless an instruction says otherwise.
/// </summary>
public static class MessageCompiler
{
    /// <summary>Compiles a legacy message.</summary>
    public static Message CompileLegacy(PublicKey feePayer, IEnumerable<TransactionInstruction> instructions, string recentBlockhash) =>
        Compile(MessageVersion.Legacy, feePayer, instructions, recentBlockhash, []);

    /// <summary>
    /// Compiles a v0 message. Non-signer, non-program keys found in <paramref name="lookupTables"/> are loaded from them
    /// (writable keys first, table by table) instead of being written in the message.
    /// </summary>
    public static Message CompileV0(PublicKey feePayer, IEnumerable<TransactionInstruction> instructions, string recentBlockhash, IReadOnlyList<AddressLookupTableAccount>? lookupTables = null) =>
        Compile(MessageVersion.V0, feePayer, instructions, recentBlockhash, lookupTables ?? []);

    private static Message Compile(MessageVersion version, PublicKey feePayer, IEnumerable<TransactionInstruction> instructions, string recentBlockhash, IReadOnlyList<AddressLookupTableAccount> tables)
    {
        ArgumentNullException.ThrowIfNull(feePayer);
        ArgumentNullException.ThrowIfNull(instructions);
        ArgumentNullException.ThrowIfNull(recentBlockhash);
        var list = instructions.ToList();
        var blockhash = Base58.Decode(recentBlockhash);
        if (blockhash.Length != 32)
        {
            throw new ArgumentException($"A blockhash is 32 bytes; '{recentBlockhash}' decodes to {blockhash.Length}.", nameof(recentBlockhash));
        }

        var order = new List<PublicKey>();
        var metas = new Dictionary<PublicKey, KeyFlags>();
        void Add(PublicKey key, bool signer, bool writable, bool invoked)
        {
            if (!metas.TryGetValue(key, out var flags))
            {
                order.Add(key);
                flags = default;
            }

            metas[key] = new KeyFlags(flags.Signer || signer, flags.Writable || writable, flags.Invoked || invoked);
        }

        Add(feePayer, true, true, false);
        foreach (var instruction in list)
        {
            Add(instruction.ProgramId, false, false, true);
            foreach (var account in instruction.Accounts)
            {
                Add(account.PublicKey, account.IsSigner, account.IsWritable, false);
            }
        }

        var lookups = new List<MessageAddressTableLookup>();
        var loadedWritable = new List<PublicKey>();
        var loadedReadonly = new List<PublicKey>();
        foreach (var table in tables)
        {
            var writable = Drain(table, order, metas, writable: true, loadedWritable);
            var readOnly = Drain(table, order, metas, writable: false, loadedReadonly);
            if (writable.Count + readOnly.Count > 0)
            {
                lookups.Add(new MessageAddressTableLookup(table.Key, [.. writable], [.. readOnly]));
            }
        }

        var writableSigners = order.Where(k => metas[k] is { Signer: true, Writable: true }).ToList();
        var readonlySigners = order.Where(k => metas[k] is { Signer: true, Writable: false }).ToList();
        var writableOthers = order.Where(k => metas[k] is { Signer: false, Writable: true }).ToList();
        var readonlyOthers = order.Where(k => metas[k] is { Signer: false, Writable: false }).ToList();
        List<PublicKey> staticKeys = [.. writableSigners, .. readonlySigners, .. writableOthers, .. readonlyOthers];
        if (staticKeys.Count + loadedWritable.Count + loadedReadonly.Count > 256)
        {
            throw new ArgumentException("The instructions use more than 256 accounts.", nameof(instructions));
        }

        var header = new MessageHeader(
            checked((byte)(writableSigners.Count + readonlySigners.Count)),
            checked((byte)readonlySigners.Count),
            checked((byte)readonlyOthers.Count));
        var index = new Dictionary<PublicKey, byte>();
        List<PublicKey> all = [.. staticKeys, .. loadedWritable, .. loadedReadonly];
        for (var i = 0; i < all.Count; i++)
        {
            index[all[i]] = (byte)i;
        }

        var compiled = list.Select(ix => new CompiledInstruction(
            index[ix.ProgramId],
            ix.Accounts.Select(a => index[a.PublicKey]).ToArray(),
            ix.Data.Span)).ToList();
        return new Message(version, header, staticKeys, blockhash, compiled, lookups);
    }

    private static List<byte> Drain(AddressLookupTableAccount table, List<PublicKey> order, Dictionary<PublicKey, KeyFlags> metas, bool writable, List<PublicKey> loaded)
    {
        var indexes = new List<byte>();
        foreach (var key in order.ToList())
        {
            var flags = metas[key];
            if (flags.Signer || flags.Invoked || flags.Writable != writable)
            {
                continue;
            }

            var position = -1;
            for (var i = 0; i < table.Addresses.Count && i < 256; i++)
            {
                if (table.Addresses[i] == key)
                {
                    position = i;
                    break;
                }
            }

            if (position >= 0)
            {
                indexes.Add((byte)position);
                loaded.Add(key);
                order.Remove(key);
                metas.Remove(key);
            }
        }

        return indexes;
    }

    private readonly record struct KeyFlags(bool Signer, bool Writable, bool Invoked);
}
