using System.Numerics;
using Rfc8032 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace Attentium.Solana;

/// <summary>
/// The only place that touches the Ed25519 implementation (BouncyCastle.Cryptography's span-based RFC 8032 code), so it can be
/// swapped without changing the rest of the Solana layer. Signatures are deterministic (RFC 8032, pure Ed25519: no context).
/// </summary>
internal static class Ed25519
{
    public const int SeedLength = 32;
    public const int PublicKeyLength = 32;
    public const int SignatureLength = 64;

    private static readonly BigInteger s_p = BigInteger.Pow(2, 255) - 19;
    private static readonly BigInteger s_d = Mod(-121665 * BigInteger.ModPow(121666, s_p - 2, s_p));

    /// <summary>The public key of a 32-byte seed.</summary>
    public static byte[] PublicKeyFromSeed(ReadOnlySpan<byte> seed)
    {
        RequireLength(seed, SeedLength, "seed");
        var publicKey = new byte[PublicKeyLength];
        Rfc8032.GeneratePublicKey(seed, publicKey.AsSpan());
        return publicKey;
    }

    /// <summary>Signs <paramref name="message"/> with the key of <paramref name="seed"/>.</summary>
    public static byte[] Sign(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> message)
    {
        RequireLength(seed, SeedLength, "seed");
        Span<byte> publicKey = stackalloc byte[PublicKeyLength];
        Rfc8032.GeneratePublicKey(seed, publicKey);
        return Sign(seed, publicKey, message);
    }

    /// <summary>
    /// Signs with a seed whose public key the caller already holds (a <see cref="Keypair"/> derives it once): the RFC 8032
    /// signer is given it instead of deriving it again, which halves the cost of each signature. The message is read in place.
    /// </summary>
    public static byte[] Sign(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message)
    {
        RequireLength(seed, SeedLength, "seed");
        RequireLength(publicKey, PublicKeyLength, "publicKey");
        var signature = new byte[SignatureLength];

        // All-span arguments select pure Ed25519 (sk, pk, m, sig); the overloads that take a byte[] second argument are Ed25519ctx.
        Rfc8032.Sign(seed, publicKey, message, signature.AsSpan());
        return signature;
    }

    /// <summary>Whether <paramref name="signature"/> is a valid signature of <paramref name="message"/> by <paramref name="publicKey"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeyLength || signature.Length != SignatureLength)
        {
            return false;
        }

        try
        {
            return Rfc8032.Verify(signature, publicKey, message);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether 32 bytes decode to a point on the Ed25519 curve (the check Solana uses to reject PDAs):
    /// y little-endian with bit 255 cleared, x² = (y² − 1)/(d·y² + 1) must have a square root mod p.
    /// </summary>
    public static bool IsOnCurve(ReadOnlySpan<byte> point)
    {
        if (point.Length != PublicKeyLength)
        {
            return false;
        }

        Span<byte> y = stackalloc byte[PublicKeyLength];
        point.CopyTo(y);
        y[31] &= 0x7f;
        var yy = new BigInteger(y, isUnsigned: true, isBigEndian: false);
        var y2 = Mod(yy * yy);
        var u = Mod(y2 - 1);
        var v = Mod((s_d * y2) + 1);
        if (u.IsZero)
        {
            return true;
        }

        var x2 = Mod(u * BigInteger.ModPow(v, s_p - 2, s_p));
        return BigInteger.ModPow(x2, (s_p - 1) / 2, s_p).IsOne;
    }

    private static BigInteger Mod(BigInteger value)
    {
        var r = value % s_p;
        return r.Sign < 0 ? r + s_p : r;
    }

    private static void RequireLength(ReadOnlySpan<byte> value, int length, string what)
    {
        if (value.Length != length)
        {
            throw new ArgumentException($"An Ed25519 {what} is {length} bytes, got {value.Length}.");
        }
    }
}
