namespace Attentium.Solana;

/// <summary>One instruction: the program to run, the accounts it uses and its data.</summary>
public sealed class TransactionInstruction
{
    /// <summary>Creates an instruction (the data is copied).</summary>
    public TransactionInstruction(PublicKey programId, IReadOnlyList<AccountMeta> accounts, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(programId);
        ArgumentNullException.ThrowIfNull(accounts);
        ProgramId = programId;
        Accounts = [.. accounts];
        Data = data.ToArray();
    }

    /// <summary>The program that executes the instruction.</summary>
    public PublicKey ProgramId { get; }

    /// <summary>The accounts in the order the program expects them.</summary>
    public IReadOnlyList<AccountMeta> Accounts { get; }

    /// <summary>The instruction data (program-specific).</summary>
    public ReadOnlyMemory<byte> Data { get; }
}
