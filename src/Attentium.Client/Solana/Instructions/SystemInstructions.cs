using System.Buffers.Binary;

namespace Attentium.Solana;

/// <summary>Instructions of the System program (<see cref="PublicKey.SystemProgram"/>).</summary>
public static class SystemInstructions
{
    /// <summary>The System instruction tags this SDK reads (u32 little-endian at the start of the data).</summary>
    public enum Kind : uint
    {
        /// <summary>CreateAccount: funds, allocates and assigns a new account.</summary>
        CreateAccount = 0,

        /// <summary>Assign: changes an account's owner program.</summary>
        Assign = 1,

        /// <summary>Transfer: moves lamports.</summary>
        Transfer = 2,

        /// <summary>CreateAccountWithSeed.</summary>
        CreateAccountWithSeed = 3,

        /// <summary>AdvanceNonceAccount.</summary>
        AdvanceNonceAccount = 4,

        /// <summary>WithdrawNonceAccount.</summary>
        WithdrawNonceAccount = 5,

        /// <summary>InitializeNonceAccount.</summary>
        InitializeNonceAccount = 6,

        /// <summary>AuthorizeNonceAccount.</summary>
        AuthorizeNonceAccount = 7,

        /// <summary>Allocate.</summary>
        Allocate = 8,

        /// <summary>AllocateWithSeed.</summary>
        AllocateWithSeed = 9,

        /// <summary>AssignWithSeed.</summary>
        AssignWithSeed = 10,

        /// <summary>TransferWithSeed.</summary>
        TransferWithSeed = 11,

        /// <summary>UpgradeNonceAccount.</summary>
        UpgradeNonceAccount = 12,
    }

    /// <summary>Moves <paramref name="lamports"/> from <paramref name="from"/> (writable signer) to <paramref name="to"/> (writable).</summary>
    public static TransactionInstruction Transfer(PublicKey from, PublicKey to, ulong lamports)
    {
        var data = new byte[12];
        BinaryPrimitives.WriteUInt32LittleEndian(data, (uint)Kind.Transfer);
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(4), lamports);
        return new TransactionInstruction(PublicKey.SystemProgram, [AccountMeta.Writable(from, true), AccountMeta.Writable(to)], data);
    }

    /// <summary>The instruction tag, or <see langword="null"/> when the data is shorter than 4 bytes.</summary>
    public static Kind? GetKind(ReadOnlySpan<byte> data) => data.Length < 4 ? null : (Kind)BinaryPrimitives.ReadUInt32LittleEndian(data);

    /// <summary>
    /// Whether <paramref name="data"/> is a System instruction the runtime can read: a known tag (u32 little-endian) followed by
    /// at least the fields that tag needs (bincode layout; seeds are u64-length-prefixed UTF-8). Trailing bytes are ignored, as
    /// the runtime ignores them. An unknown tag or missing fields fail the transaction on chain, and the inspector refuses them.
    /// </summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> data)
    {
        if (GetKind(data) is not { } kind)
        {
            return false;
        }

        return kind switch
        {
            Kind.CreateAccount => data.Length >= 4 + 8 + 8 + 32,
            Kind.Assign or Kind.InitializeNonceAccount or Kind.AuthorizeNonceAccount => data.Length >= 4 + 32,
            Kind.Transfer or Kind.WithdrawNonceAccount or Kind.Allocate => data.Length >= 4 + 8,
            Kind.AdvanceNonceAccount or Kind.UpgradeNonceAccount => true,
            Kind.CreateAccountWithSeed => HasSeed(data, 4 + 32, 8 + 8 + 32),
            Kind.AllocateWithSeed => HasSeed(data, 4 + 32, 8 + 32),
            Kind.AssignWithSeed => HasSeed(data, 4 + 32, 32),
            Kind.TransferWithSeed => HasSeed(data, 4 + 8, 32),
            _ => false,
        };

        // A seed is a u64 length then that many UTF-8 bytes, followed by `after` more bytes of fields.
        static bool HasSeed(ReadOnlySpan<byte> data, int at, int after)
        {
            if (data.Length < at + 8)
            {
                return false;
            }

            var length = BinaryPrimitives.ReadUInt64LittleEndian(data[at..]);
            if (length > (ulong)(data.Length - at - 8))
            {
                return false;
            }

            var seed = data.Slice(at + 8, (int)length);
            return System.Text.Unicode.Utf8.IsValid(seed) && data.Length - at - 8 - (int)length >= after;
        }
    }

    /// <summary>
    /// Reads the lamports an instruction takes out of its funding account: Transfer, TransferWithSeed, CreateAccount and
    /// CreateAccountWithSeed (the funder is account 0). <see langword="false"/> for any other instruction or malformed data.
    /// </summary>
    public static bool TryGetLamportsMoved(TransactionInstruction instruction, out PublicKey? funder, out ulong lamports)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        funder = null;
        lamports = 0;
        var data = instruction.Data.Span;
        if (instruction.ProgramId != PublicKey.SystemProgram || instruction.Accounts.Count == 0)
        {
            return false;
        }

        switch (GetKind(data))
        {
            case Kind.Transfer or Kind.CreateAccount or Kind.TransferWithSeed when data.Length >= 12:
                lamports = BinaryPrimitives.ReadUInt64LittleEndian(data[4..]);
                break;
            case Kind.CreateAccountWithSeed when data.Length >= 4 + 32 + 8:
                // base pubkey, then a u64-length-prefixed seed string, then lamports.
                var seedLength = BinaryPrimitives.ReadUInt64LittleEndian(data[36..]);
                var at = 44L + (long)Math.Min(seedLength, int.MaxValue);
                if (data.Length < at + 8)
                {
                    return false;
                }

                lamports = BinaryPrimitives.ReadUInt64LittleEndian(data[(int)at..]);
                break;
            default:
                return false;
        }

        funder = instruction.Accounts[0].PublicKey;
        return true;
    }
}
