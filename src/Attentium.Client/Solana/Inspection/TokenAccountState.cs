using System.Buffers.Binary;

namespace Attentium.Solana;

/// <summary>
/// The fields of an SPL Token / Token-2022 account the inspector compares before and after a simulation: token program, mint,
/// owner, amount, and the raw delegate, delegated amount and close authority fields.
/// </summary>
internal sealed record TokenAccountState(PublicKey Program, PublicKey Mint, PublicKey Owner, ulong Amount, byte[] Authorities)
{
    private const int Length = 165;
    private const int AccountTypeOffset = 165;
    private const byte AccountTypeAccount = 2;

    /// <summary>Reads a token account; <see langword="null"/> for a missing account or one that is not a token account.</summary>
    public static TokenAccountState? Read(AccountInfo? account)
    {
        if (account is null || !TokenInstructions.IsTokenProgram(account.Owner))
        {
            return null;
        }

        var data = account.Data.Span;
        // SPL Token accounts are exactly 165 bytes (a 355-byte multisig is not one); Token-2022 puts an account-type byte after
        // the base layout when extensions follow (1 = mint, 2 = account).
        var extended = data.Length > Length && account.Owner == PublicKey.Token2022Program && data[AccountTypeOffset] == AccountTypeAccount;
        if (data.Length != Length && !extended)
        {
            return null;
        }

        // delegate COption (72..108), state (108), is_native (109..121), delegated amount (121..129), close authority (129..165)
        byte[] authorities = [.. data[72..108], .. data[121..165]];
        return new TokenAccountState(account.Owner, new PublicKey(data[..32]), new PublicKey(data[32..64]), BinaryPrimitives.ReadUInt64LittleEndian(data[64..72]), authorities);
    }

    /// <summary>Whether the owner, delegate, delegated amount, close authority, mint and program are the same in <paramref name="after"/>.</summary>
    public bool SameControl(TokenAccountState after) =>
        after.Program == Program && after.Mint == Mint && after.Owner == Owner && after.Authorities.AsSpan().SequenceEqual(Authorities);
}
