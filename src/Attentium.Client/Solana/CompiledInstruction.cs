namespace Attentium.Solana;

/// <summary>An instruction inside a message: the program and accounts are indexes into the message's account keys.</summary>
public sealed class CompiledInstruction
{
    /// <summary>Creates a compiled instruction (arrays are copied).</summary>
    public CompiledInstruction(byte programIdIndex, ReadOnlySpan<byte> accountIndexes, ReadOnlySpan<byte> data)
    {
        ProgramIdIndex = programIdIndex;
        AccountIndexes = accountIndexes.ToArray();
        Data = data.ToArray();
    }

    /// <summary>The index of the program id among the static account keys.</summary>
    public byte ProgramIdIndex { get; }

    /// <summary>Indexes of the instruction's accounts (static keys, then lookup-table writable keys, then lookup-table read-only keys).</summary>
    public ReadOnlyMemory<byte> AccountIndexes { get; }

    /// <summary>The instruction data.</summary>
    public ReadOnlyMemory<byte> Data { get; }
}
