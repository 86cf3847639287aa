using System.Security.Cryptography;
using System.Text;

namespace Attentium.Solana;

/// <summary>
/// A Solana address: 32 bytes, written in base58. Immutable, compared by value. Also the home of program-derived
/// address and associated token account derivation, and of the well-known program ids.
/// </summary>
public sealed class PublicKey : IEquatable<PublicKey>
{
    /// <summary>The length of a public key in bytes.</summary>
    public const int Length = 32;

    /// <summary>The most seeds a program-derived address can have, the bump included.</summary>
    public const int MaxSeeds = 16;

    /// <summary>The longest a single seed can be, in bytes.</summary>
    public const int MaxSeedLength = 32;

    private static readonly byte[] s_pdaMarker = Encoding.ASCII.GetBytes("ProgramDerivedAddress");
    private readonly byte[] _bytes;
    private string? _base58;

    /// <summary>Creates a key from exactly 32 bytes (copied).</summary>
    /// <exception cref="ArgumentException">The span is not 32 bytes long.</exception>
    public PublicKey(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"A Solana public key is {Length} bytes, got {bytes.Length}.", nameof(bytes));
        }

        _bytes = bytes.ToArray();
    }

    /// <summary>Creates a key from its base58 text (same as <see cref="Parse"/>).</summary>
    /// <exception cref="FormatException">The text is not base58 or does not decode to 32 bytes.</exception>
    public PublicKey(string base58)
        : this(DecodeBase58(base58))
    {
        _base58 = base58;
    }

    /// <summary>The all-zero key (the System program's id).</summary>
    public static PublicKey Default { get; } = new(new byte[Length]);

    /// <summary>The System program, <c>11111111111111111111111111111111</c>.</summary>
    public static PublicKey SystemProgram { get; } = Default;

    /// <summary>The SPL Token program, <c>TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA</c>.</summary>
    public static PublicKey TokenProgram { get; } = new("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");

    /// <summary>The Token-2022 program, <c>TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb</c>.</summary>
    public static PublicKey Token2022Program { get; } = new("TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb");

    /// <summary>The Associated Token Account program, <c>ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL</c>.</summary>
    public static PublicKey AssociatedTokenProgram { get; } = new("ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL");

    /// <summary>The current Memo program (v2), <c>MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr</c>.</summary>
    public static PublicKey MemoProgram { get; } = new("MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr");

    /// <summary>The legacy Memo program (v1), <c>Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo</c>.</summary>
    public static PublicKey MemoV1Program { get; } = new("Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo");

    /// <summary>The Compute Budget program, <c>ComputeBudget111111111111111111111111111111</c>.</summary>
    public static PublicKey ComputeBudgetProgram { get; } = new("ComputeBudget111111111111111111111111111111");

    /// <summary>The Address Lookup Table program, <c>AddressLookupTab1e1111111111111111111111111</c>.</summary>
    public static PublicKey AddressLookupTableProgram { get; } = new("AddressLookupTab1e1111111111111111111111111");

    /// <summary>The rent sysvar, <c>SysvarRent111111111111111111111111111111111</c>.</summary>
    public static PublicKey SysvarRent { get; } = new("SysvarRent111111111111111111111111111111111");

    /// <summary>Parses base58 text.</summary>
    /// <exception cref="FormatException">The text is not base58 or does not decode to 32 bytes; the message says which.</exception>
    public static PublicKey Parse(string base58) => new(base58);

    /// <summary>Parses base58 text without throwing.</summary>
    public static bool TryParse(string? base58, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PublicKey? key)
    {
        key = null;
        if (!Base58.TryDecode(base58, out var bytes) || bytes.Length != Length)
        {
            return false;
        }

        key = new PublicKey(bytes) { _base58 = base58 };
        return true;
    }

    /// <summary>The 32 bytes, read-only.</summary>
    public ReadOnlySpan<byte> AsSpan() => _bytes;

    /// <summary>A copy of the 32 bytes.</summary>
    public byte[] ToByteArray() => (byte[])_bytes.Clone();

    /// <summary>The base58 text of the key.</summary>
    public string ToBase58() => _base58 ??= Base58.Encode(_bytes);

    /// <summary>The base58 text of the key.</summary>
    public override string ToString() => ToBase58();

    /// <summary>Whether the key is a point on the Ed25519 curve (a key with a private key can be; a program-derived address never is).</summary>
    public bool IsOnCurve() => Ed25519.IsOnCurve(_bytes);

    /// <summary>
    /// Derives a program-derived address from seeds (the bump, if any, included as the last seed) and a program id:
    /// <c>sha256(seeds ‖ programId ‖ "ProgramDerivedAddress")</c>.
    /// </summary>
    /// <exception cref="ArgumentException">More than 16 seeds, a seed over 32 bytes, or the result is on the curve (not a valid PDA; try another bump).</exception>
    public static PublicKey CreateProgramAddress(IReadOnlyList<byte[]> seeds, PublicKey programId)
    {
        if (!TryCreateProgramAddress(seeds, programId, out var address))
        {
            throw new ArgumentException("The seeds derive a point on the Ed25519 curve, which is not a valid program-derived address; use FindProgramAddress to search for a bump.", nameof(seeds));
        }

        return address;
    }

    /// <summary>Like <see cref="CreateProgramAddress"/>, but returns <see langword="false"/> when the result is on the curve.</summary>
    /// <exception cref="ArgumentException">More than 16 seeds or a seed over 32 bytes.</exception>
    public static bool TryCreateProgramAddress(IReadOnlyList<byte[]> seeds, PublicKey programId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PublicKey? address)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(programId);
        if (seeds.Count > MaxSeeds)
        {
            throw new ArgumentException($"A program-derived address takes at most {MaxSeeds} seeds (the bump included), got {seeds.Count}.", nameof(seeds));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var i = 0; i < seeds.Count; i++)
        {
            var seed = seeds[i] ?? throw new ArgumentException($"Seed {i} is null.", nameof(seeds));
            if (seed.Length > MaxSeedLength)
            {
                throw new ArgumentException($"Seed {i} is {seed.Length} bytes; a seed is at most {MaxSeedLength} bytes.", nameof(seeds));
            }

            hash.AppendData(seed);
        }

        hash.AppendData(programId._bytes);
        hash.AppendData(s_pdaMarker);
        var digest = hash.GetHashAndReset();
        if (Ed25519.IsOnCurve(digest))
        {
            address = null;
            return false;
        }

        address = new PublicKey(digest);
        return true;
    }

    /// <summary>Finds the program-derived address with the highest bump (255 down to 1) that is off the curve, as Solana programs do.</summary>
    /// <exception cref="ArgumentException">Too many or too long seeds (at most 15 plus the bump), or no bump works.</exception>
    public static (PublicKey Address, byte Bump) FindProgramAddress(IReadOnlyList<byte[]> seeds, PublicKey programId)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var withBump = new byte[seeds.Count + 1][];
        for (var i = 0; i < seeds.Count; i++)
        {
            withBump[i] = seeds[i];
        }

        for (var bump = 255; bump >= 1; bump--)
        {
            withBump[^1] = [(byte)bump];
            if (TryCreateProgramAddress(withBump, programId, out var address))
            {
                return (address, (byte)bump);
            }
        }

        throw new ArgumentException("No bump seed yields a program-derived address for these seeds.", nameof(seeds));
    }

    /// <summary>
    /// The associated token account of <paramref name="owner"/> for <paramref name="mint"/>: the PDA of
    /// <c>[owner, tokenProgram, mint]</c> under the Associated Token Account program. Pass the program that owns the mint
    /// (<see cref="TokenProgram"/>, the default, or <see cref="Token2022Program"/>).
    /// </summary>
    public static PublicKey GetAssociatedTokenAddress(PublicKey owner, PublicKey mint, PublicKey? tokenProgramId = null) =>
        FindAssociatedTokenAddress(owner, mint, tokenProgramId).Address;

    /// <summary>The associated token account and its bump; see <see cref="GetAssociatedTokenAddress"/>.</summary>
    public static (PublicKey Address, byte Bump) FindAssociatedTokenAddress(PublicKey owner, PublicKey mint, PublicKey? tokenProgramId = null)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(mint);
        var program = tokenProgramId ?? TokenProgram;
        return FindProgramAddress([owner._bytes, program._bytes, mint._bytes], AssociatedTokenProgram);
    }

    /// <inheritdoc/>
    public bool Equals(PublicKey? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PublicKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => BitConverter.ToInt32(_bytes, 0) ^ BitConverter.ToInt32(_bytes, 28);

    /// <summary>Value equality.</summary>
    public static bool operator ==(PublicKey? left, PublicKey? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(PublicKey? left, PublicKey? right) => !(left == right);

    /// <summary>Parses base58 text.</summary>
    public static explicit operator PublicKey(string base58) => Parse(base58);

    private static byte[] DecodeBase58(string base58)
    {
        ArgumentNullException.ThrowIfNull(base58);
        if (!Base58.TryDecode(base58, out var bytes))
        {
            throw new FormatException($"'{Truncate(base58)}' is not a Solana public key: {Base58.DescribeInvalid(base58)}");
        }

        if (bytes.Length != Length)
        {
            throw new FormatException($"'{Truncate(base58)}' is not a Solana public key: it decodes to {bytes.Length} bytes, a public key is {Length}.");
        }

        return bytes;
    }

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
