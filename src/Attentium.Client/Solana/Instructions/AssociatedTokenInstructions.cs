namespace Attentium.Solana;

/// <summary>Associated Token Account program instructions.</summary>
public static class AssociatedTokenInstructions
{
    /// <summary>The rent-exempt minimum of a 165-byte token account, in lamports (what creating an ATA costs its funder).</summary>
    public const ulong TokenAccountRentLamports = 2_039_280;

    /// <summary>
    /// Creates <paramref name="owner"/>'s associated token account for <paramref name="mint"/> if it does not exist yet
    /// (no error when it does). <paramref name="funder"/> pays the rent. Pass the program that owns the mint.
    /// </summary>
    public static TransactionInstruction CreateIdempotent(PublicKey funder, PublicKey owner, PublicKey mint, PublicKey? tokenProgramId = null) =>
        Build(funder, owner, mint, tokenProgramId, 1);

    /// <summary>Creates the associated token account; fails when it already exists. Prefer <see cref="CreateIdempotent"/>.</summary>
    public static TransactionInstruction Create(PublicKey funder, PublicKey owner, PublicKey mint, PublicKey? tokenProgramId = null) =>
        Build(funder, owner, mint, tokenProgramId, 0);

    /// <summary>
    /// Reads a Create or CreateIdempotent instruction (empty data, <c>[0]</c> or <c>[1]</c>): funder, account, owner, mint and token program.
    /// </summary>
    public static bool TryDecodeCreate(TransactionInstruction instruction, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AssociatedTokenCreate? create)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        create = null;
        var data = instruction.Data.Span;
        if (instruction.ProgramId != PublicKey.AssociatedTokenProgram || instruction.Accounts.Count < 6 || data.Length > 1 || (data.Length == 1 && data[0] > 1))
        {
            return false;
        }

        var a = instruction.Accounts;
        create = new AssociatedTokenCreate(a[0].PublicKey, a[1].PublicKey, a[2].PublicKey, a[3].PublicKey, a[5].PublicKey, data.Length == 1 && data[0] == 1);
        return true;
    }

    private static TransactionInstruction Build(PublicKey funder, PublicKey owner, PublicKey mint, PublicKey? tokenProgramId, byte tag)
    {
        ArgumentNullException.ThrowIfNull(funder);
        var program = tokenProgramId ?? PublicKey.TokenProgram;
        var ata = PublicKey.GetAssociatedTokenAddress(owner, mint, program);
        return new TransactionInstruction(
            PublicKey.AssociatedTokenProgram,
            [
                AccountMeta.Writable(funder, isSigner: true),
                AccountMeta.Writable(ata),
                AccountMeta.ReadOnly(owner),
                AccountMeta.ReadOnly(mint),
                AccountMeta.ReadOnly(PublicKey.SystemProgram),
                AccountMeta.ReadOnly(program),
            ],
            [tag]);
    }
}

/// <summary>A decoded associated-token-account creation.</summary>
/// <param name="Funder">Pays the rent.</param>
/// <param name="Account">The associated token account created.</param>
/// <param name="Owner">The wallet that owns it.</param>
/// <param name="Mint">The token mint.</param>
/// <param name="TokenProgram">The token program that owns the mint.</param>
/// <param name="Idempotent">Whether it is the idempotent variant.</param>
public sealed record AssociatedTokenCreate(PublicKey Funder, PublicKey Account, PublicKey Owner, PublicKey Mint, PublicKey TokenProgram, bool Idempotent);
