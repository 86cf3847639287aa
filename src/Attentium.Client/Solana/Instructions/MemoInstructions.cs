using System.Text;

namespace Attentium.Solana;

/// <summary>Memo program instructions: the data is the raw UTF-8 text, no prefix.</summary>
public static class MemoInstructions
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A memo (Memo v2 program). Any <paramref name="signers"/> given must sign the transaction.</summary>
    public static TransactionInstruction Memo(string text, params PublicKey[] signers)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signers);
        return new TransactionInstruction(PublicKey.MemoProgram, [.. signers.Select(s => AccountMeta.ReadOnly(s, isSigner: true))], s_strictUtf8.GetBytes(text));
    }

    /// <summary>Whether <paramref name="programId"/> is one of the Memo programs (v1 or v2).</summary>
    public static bool IsMemoProgram(PublicKey programId) => programId == PublicKey.MemoProgram || programId == PublicKey.MemoV1Program;

    /// <summary>The memo text of a Memo instruction; <see langword="false"/> for another program or invalid UTF-8 (which the program rejects).</summary>
    public static bool TryGetText(TransactionInstruction instruction, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        text = null;
        if (!IsMemoProgram(instruction.ProgramId))
        {
            return false;
        }

        try
        {
            text = s_strictUtf8.GetString(instruction.Data.Span);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
