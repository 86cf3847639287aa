using System.Buffers.Binary;

namespace Attentium.Solana;

/// <summary>Compute Budget program instructions (priority fees and compute limits).</summary>
public static class ComputeBudgetInstructions
{
    private const byte SetComputeUnitLimitTag = 2;
    private const byte SetComputeUnitPriceTag = 3;

    /// <summary>Caps the compute units the transaction may use.</summary>
    public static TransactionInstruction SetComputeUnitLimit(uint units)
    {
        var data = new byte[5];
        data[0] = SetComputeUnitLimitTag;
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(1), units);
        return new TransactionInstruction(PublicKey.ComputeBudgetProgram, [], data);
    }

    /// <summary>Sets the priority fee in micro-lamports per compute unit.</summary>
    public static TransactionInstruction SetComputeUnitPrice(ulong microLamports)
    {
        var data = new byte[9];
        data[0] = SetComputeUnitPriceTag;
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(1), microLamports);
        return new TransactionInstruction(PublicKey.ComputeBudgetProgram, [], data);
    }

    /// <summary>Reads a SetComputeUnitLimit instruction.</summary>
    public static bool TryGetComputeUnitLimit(TransactionInstruction instruction, out uint units)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var data = instruction.Data.Span;
        units = 0;
        if (instruction.ProgramId != PublicKey.ComputeBudgetProgram || data.Length != 5 || data[0] != SetComputeUnitLimitTag)
        {
            return false;
        }

        units = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
        return true;
    }

    /// <summary>Reads a SetComputeUnitPrice instruction.</summary>
    public static bool TryGetComputeUnitPrice(TransactionInstruction instruction, out ulong microLamports)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var data = instruction.Data.Span;
        microLamports = 0;
        if (instruction.ProgramId != PublicKey.ComputeBudgetProgram || data.Length != 9 || data[0] != SetComputeUnitPriceTag)
        {
            return false;
        }

        microLamports = BinaryPrimitives.ReadUInt64LittleEndian(data[1..]);
        return true;
    }
}
