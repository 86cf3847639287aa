namespace Attentium.Solana;

/// <summary>
/// Something that signs Solana messages with one key: an in-process <see cref="Keypair"/>, a wallet, an HSM or a KMS.
/// The SDK hands it the exact bytes to sign (a serialized transaction message, or a plain message); no prefix, no hash.
/// </summary>
public interface ISolanaSigner
{
    /// <summary>The public key whose signatures this signer produces.</summary>
    PublicKey PublicKey { get; }

    /// <summary>Returns the 64-byte Ed25519 signature of <paramref name="message"/>.</summary>
    ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default);
}
