namespace Attentium.Solana;

/// <summary>Ed25519 signature checks for Solana messages and signatures sent as base58 in HTTP APIs.</summary>
public static class SignatureVerifier
{
    /// <summary>Whether <paramref name="signature"/> (64 bytes) is <paramref name="signer"/>'s signature of the exact bytes of <paramref name="message"/>.</summary>
    public static bool Verify(PublicKey signer, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return Ed25519.Verify(signer.AsSpan(), message, signature);
    }

    /// <summary>Same as <see cref="Verify(PublicKey, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> for a base58 signature; invalid base58 is simply not valid.</summary>
    public static bool Verify(PublicKey signer, ReadOnlySpan<byte> message, string base58Signature) =>
        Base58.TryDecode(base58Signature, out var signature) && Verify(signer, message, signature);
}
