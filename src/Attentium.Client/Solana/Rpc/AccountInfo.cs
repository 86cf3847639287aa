using System.Buffers.Binary;

namespace Attentium.Solana;

/// <summary>An account's state as the RPC node returns it (data decoded from base64).</summary>
/// <param name="Lamports">The balance in lamports.</param>
/// <param name="Owner">The program that owns the account.</param>
/// <param name="Data">The account data.</param>
/// <param name="Executable">Whether the account is a program.</param>
public sealed record AccountInfo(ulong Lamports, PublicKey Owner, ReadOnlyMemory<byte> Data, bool Executable)
{
    /// <summary>The length of an SPL token account.</summary>
    public const int TokenAccountLength = 165;

    /// <summary>
    /// Reads an SPL Token / Token-2022 account: mint (offset 0), owner (32) and amount (u64 at 64). <see langword="false"/>
    /// when the account is not owned by a token program or is shorter than 165 bytes.
    /// </summary>
    public bool TryReadTokenAccount([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PublicKey? mint, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PublicKey? owner, out ulong amount)
    {
        mint = null;
        owner = null;
        amount = 0;
        var data = Data.Span;
        if (!TokenInstructions.IsTokenProgram(Owner) || data.Length < TokenAccountLength)
        {
            return false;
        }

        mint = new PublicKey(data[..32]);
        owner = new PublicKey(data[32..64]);
        amount = BinaryPrimitives.ReadUInt64LittleEndian(data[64..72]);
        return true;
    }
}
