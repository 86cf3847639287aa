using System.Buffers.Binary;

namespace Attentium.Solana;

/// <summary>SPL Token and Token-2022 instructions (same layout for both; pass the program that owns the mint).</summary>
public static class TokenInstructions
{
    private const byte MaxTokenTag = 24;
    private const byte MaxToken2022Tag = 45;

    /// <summary>SPL Token instruction tags (the first data byte).</summary>
    public enum Kind : byte
    {
        /// <summary>InitializeMint.</summary>
        InitializeMint = 0,

        /// <summary>InitializeAccount.</summary>
        InitializeAccount = 1,

        /// <summary>InitializeMultisig.</summary>
        InitializeMultisig = 2,

        /// <summary>Transfer: amount u64 (source, destination, owner).</summary>
        Transfer = 3,

        /// <summary>Approve: lets a delegate move funds.</summary>
        Approve = 4,

        /// <summary>Revoke.</summary>
        Revoke = 5,

        /// <summary>SetAuthority: hands control of an account or mint to another key.</summary>
        SetAuthority = 6,

        /// <summary>MintTo.</summary>
        MintTo = 7,

        /// <summary>Burn.</summary>
        Burn = 8,

        /// <summary>CloseAccount: sends the account's lamports elsewhere.</summary>
        CloseAccount = 9,

        /// <summary>FreezeAccount.</summary>
        FreezeAccount = 10,

        /// <summary>ThawAccount.</summary>
        ThawAccount = 11,

        /// <summary>TransferChecked: amount u64, decimals u8 (source, mint, destination, owner).</summary>
        TransferChecked = 12,

        /// <summary>ApproveChecked.</summary>
        ApproveChecked = 13,

        /// <summary>MintToChecked.</summary>
        MintToChecked = 14,

        /// <summary>BurnChecked.</summary>
        BurnChecked = 15,
    }

    /// <summary>Whether <paramref name="programId"/> is SPL Token or Token-2022.</summary>
    public static bool IsTokenProgram(PublicKey programId) => programId == PublicKey.TokenProgram || programId == PublicKey.Token2022Program;

    /// <summary>
    /// Moves <paramref name="amount"/> base units from <paramref name="source"/> to <paramref name="destination"/>, checking the
    /// mint and its decimals. <paramref name="owner"/> (the source's owner or delegate) signs.
    /// </summary>
    public static TransactionInstruction TransferChecked(PublicKey source, PublicKey mint, PublicKey destination, PublicKey owner, ulong amount, byte decimals, PublicKey? tokenProgramId = null)
    {
        var data = new byte[10];
        data[0] = (byte)Kind.TransferChecked;
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(1), amount);
        data[9] = decimals;
        return new TransactionInstruction(
            tokenProgramId ?? PublicKey.TokenProgram,
            [AccountMeta.Writable(source), AccountMeta.ReadOnly(mint), AccountMeta.Writable(destination), AccountMeta.ReadOnly(owner, isSigner: true)],
            data);
    }

    /// <summary>The unchecked Transfer (no mint or decimals check). Prefer <see cref="TransferChecked"/>.</summary>
    public static TransactionInstruction Transfer(PublicKey source, PublicKey destination, PublicKey owner, ulong amount, PublicKey? tokenProgramId = null)
    {
        var data = new byte[9];
        data[0] = (byte)Kind.Transfer;
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(1), amount);
        return new TransactionInstruction(
            tokenProgramId ?? PublicKey.TokenProgram,
            [AccountMeta.Writable(source), AccountMeta.Writable(destination), AccountMeta.ReadOnly(owner, isSigner: true)],
            data);
    }

    /// <summary>The instruction tag of a token-program instruction, or <see langword="null"/> for empty data.</summary>
    public static Kind? GetKind(ReadOnlySpan<byte> data) => data.IsEmpty ? null : (Kind)data[0];

    /// <summary>
    /// Whether <paramref name="data"/> starts with an instruction tag <paramref name="programId"/> knows (SPL Token: 0 to 24;
    /// Token-2022 adds its extension instructions, up to 45). The token programs fail any other tag, and the inspector refuses it.
    /// </summary>
    public static bool IsKnownInstruction(PublicKey programId, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(programId);
        if (data.IsEmpty)
        {
            return false;
        }

        return programId == PublicKey.TokenProgram ? data[0] <= MaxTokenTag : programId == PublicKey.Token2022Program && data[0] <= MaxToken2022Tag;
    }

    /// <summary>
    /// Decodes a Transfer or TransferChecked of SPL Token or Token-2022 (for inspection) the way the token program reads it: the
    /// tag, the u64 amount (and the decimals byte for TransferChecked); trailing bytes are ignored, as the program ignores them.
    /// <see langword="false"/> for any other instruction, or when the data or account list is too short (the program fails those).
    /// </summary>
    public static bool TryDecodeTransfer(TransactionInstruction instruction, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TokenTransfer? transfer)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        transfer = null;
        if (!IsTokenProgram(instruction.ProgramId))
        {
            return false;
        }

        var data = instruction.Data.Span;
        var accounts = instruction.Accounts;
        switch (GetKind(data))
        {
            case Kind.Transfer when data.Length >= 9 && accounts.Count >= 3:
                transfer = new TokenTransfer(
                    instruction.ProgramId, accounts[0].PublicKey, accounts[1].PublicKey, accounts[2].PublicKey,
                    BinaryPrimitives.ReadUInt64LittleEndian(data[1..]), Mint: null, Decimals: null);
                return true;
            case Kind.TransferChecked when data.Length >= 10 && accounts.Count >= 4:
                transfer = new TokenTransfer(
                    instruction.ProgramId, accounts[0].PublicKey, accounts[2].PublicKey, accounts[3].PublicKey,
                    BinaryPrimitives.ReadUInt64LittleEndian(data[1..]), accounts[1].PublicKey, data[9]);
                return true;
            default:
                return false;
        }
    }
}

/// <summary>A decoded token transfer.</summary>
/// <param name="ProgramId">SPL Token or Token-2022.</param>
/// <param name="Source">The token account debited.</param>
/// <param name="Destination">The token account credited.</param>
/// <param name="Authority">The owner or delegate that signs.</param>
/// <param name="Amount">Base units moved.</param>
/// <param name="Mint">The mint (TransferChecked only).</param>
/// <param name="Decimals">The decimals asserted (TransferChecked only).</param>
public sealed record TokenTransfer(PublicKey ProgramId, PublicKey Source, PublicKey Destination, PublicKey Authority, ulong Amount, PublicKey? Mint, byte? Decimals);
