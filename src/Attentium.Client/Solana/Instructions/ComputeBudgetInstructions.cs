using System.Buffers.Binary;

namespace Attentium.Solana;

/// <summary>
/// Compute Budget program instructions (priority fees and compute limits). Decoding follows the runtime: a one-byte tag, then
/// the little-endian value; bytes after the value are ignored (as the runtime's Borsh read ignores them).
/// </summary>
public static class ComputeBudgetInstructions
{
    /// <summary>The Compute Budget instruction tags (the first data byte).</summary>
    public enum Kind : byte
    {
        /// <summary>RequestHeapFrame: u32 bytes of heap.</summary>
        RequestHeapFrame = 1,

        /// <summary>SetComputeUnitLimit: u32 compute units.</summary>
        SetComputeUnitLimit = 2,

        /// <summary>SetComputeUnitPrice: u64 micro-lamports per compute unit.</summary>
        SetComputeUnitPrice = 3,

        /// <summary>SetLoadedAccountsDataSizeLimit: u32 bytes.</summary>
        SetLoadedAccountsDataSizeLimit = 4,
    }

    /// <summary>Caps the compute units the transaction may use.</summary>
    public static TransactionInstruction SetComputeUnitLimit(uint units)
    {
        var data = new byte[5];
        data[0] = (byte)Kind.SetComputeUnitLimit;
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(1), units);
        return new TransactionInstruction(PublicKey.ComputeBudgetProgram, [], data);
    }

    /// <summary>Sets the priority fee in micro-lamports per compute unit.</summary>
    public static TransactionInstruction SetComputeUnitPrice(ulong microLamports)
    {
        var data = new byte[9];
        data[0] = (byte)Kind.SetComputeUnitPrice;
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(1), microLamports);
        return new TransactionInstruction(PublicKey.ComputeBudgetProgram, [], data);
    }

    /// <summary>
    /// Decodes any Compute Budget instruction the way the runtime does: the tag byte, then the value (u32, or u64 for the price);
    /// trailing bytes are ignored. <see langword="false"/> for another program, an unknown tag or data too short for the value
    /// (the runtime fails such a transaction).
    /// </summary>
    /// <param name="instruction">The instruction.</param>
    /// <param name="kind">The instruction kind.</param>
    /// <param name="value">The value (units, micro-lamports or bytes).</param>
    public static bool TryDecode(TransactionInstruction instruction, out Kind kind, out ulong value)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        kind = default;
        value = 0;
        var data = instruction.Data.Span;
        if (instruction.ProgramId != PublicKey.ComputeBudgetProgram || data.IsEmpty)
        {
            return false;
        }

        switch ((Kind)data[0])
        {
            case Kind.SetComputeUnitPrice when data.Length >= 9:
                kind = Kind.SetComputeUnitPrice;
                value = BinaryPrimitives.ReadUInt64LittleEndian(data[1..]);
                return true;
            case Kind.RequestHeapFrame or Kind.SetComputeUnitLimit or Kind.SetLoadedAccountsDataSizeLimit when data.Length >= 5:
                kind = (Kind)data[0];
                value = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads a SetComputeUnitLimit instruction (runtime rules: trailing bytes ignored).</summary>
    public static bool TryGetComputeUnitLimit(TransactionInstruction instruction, out uint units)
    {
        var ok = TryDecode(instruction, out var kind, out var value) && kind == Kind.SetComputeUnitLimit;
        units = ok ? (uint)value : 0;
        return ok;
    }

    /// <summary>Reads a SetComputeUnitPrice instruction (runtime rules: trailing bytes ignored).</summary>
    public static bool TryGetComputeUnitPrice(TransactionInstruction instruction, out ulong microLamports)
    {
        var ok = TryDecode(instruction, out var kind, out var value) && kind == Kind.SetComputeUnitPrice;
        microLamports = ok ? value : 0;
        return ok;
    }
}
