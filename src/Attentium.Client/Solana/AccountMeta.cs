namespace Attentium.Solana;

/// <summary>An account an instruction uses, with whether it must sign and whether the instruction may write to it.</summary>
/// <param name="PublicKey">The account's address.</param>
/// <param name="IsSigner">Whether the account must sign the transaction.</param>
/// <param name="IsWritable">Whether the instruction may change the account.</param>
public sealed record AccountMeta(PublicKey PublicKey, bool IsSigner, bool IsWritable)
{
    /// <summary>A writable account (optionally a signer).</summary>
    public static AccountMeta Writable(PublicKey key, bool isSigner = false) => new(key, isSigner, true);

    /// <summary>A read-only account (optionally a signer).</summary>
    public static AccountMeta ReadOnly(PublicKey key, bool isSigner = false) => new(key, isSigner, false);
}
