using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Attentium.Solana;

/// <summary>
/// An Ed25519 key pair held in process: 32-byte seed (the private key) and its public key. Load it from a seed, a 64-byte
/// secret key, a Solana CLI <c>id.json</c>, or a wallet's base58 export, or generate one. <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class Keypair : ISolanaSigner
{
    /// <summary>The length of a secret key (seed ‖ public key).</summary>
    public const int SecretKeyLength = 64;

    private readonly byte[] _seed;
    private readonly byte[] _publicKeyBytes;

    private Keypair(byte[] seed)
    {
        _seed = seed;
        _publicKeyBytes = Ed25519.PublicKeyFromSeed(seed);
        PublicKey = new PublicKey(_publicKeyBytes);
    }

    /// <summary>The public key (the Solana address of this key pair).</summary>
    public PublicKey PublicKey { get; }

    /// <summary>A new random key pair.</summary>
    public static Keypair Generate() => new(RandomNumberGenerator.GetBytes(Ed25519.SeedLength));

    /// <summary>The key pair of a 32-byte seed (copied).</summary>
    /// <exception cref="ArgumentException">The seed is not 32 bytes.</exception>
    public static Keypair FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != Ed25519.SeedLength)
        {
            throw new ArgumentException($"A Solana key seed is {Ed25519.SeedLength} bytes, got {seed.Length}.", nameof(seed));
        }

        return new Keypair(seed.ToArray());
    }

    /// <summary>
    /// The key pair of a 64-byte secret key (seed ‖ public key), as Solana tools store it. The public key is derived again
    /// from the seed and must match the stored half.
    /// </summary>
    /// <exception cref="ArgumentException">Not 64 bytes, or the public half does not belong to the seed.</exception>
    public static Keypair FromSecretKey(ReadOnlySpan<byte> secretKey)
    {
        if (secretKey.Length != SecretKeyLength)
        {
            throw new ArgumentException($"A Solana secret key is {SecretKeyLength} bytes (seed then public key), got {secretKey.Length}.", nameof(secretKey));
        }

        var keypair = FromSeed(secretKey[..Ed25519.SeedLength]);
        if (!keypair.PublicKey.AsSpan().SequenceEqual(secretKey[Ed25519.SeedLength..]))
        {
            throw new ArgumentException("The secret key is corrupt: its last 32 bytes are not the public key of its first 32 bytes.", nameof(secretKey));
        }

        return keypair;
    }

    /// <summary>
    /// The key pair in a wallet's base58 "private key" export: 64 bytes (seed ‖ public key), or a 32-byte seed.
    /// </summary>
    /// <exception cref="FormatException">Not base58, or neither 64 nor 32 bytes (the message never repeats the secret).</exception>
    /// <exception cref="ArgumentException">The public half does not belong to the seed.</exception>
    public static Keypair FromBase58(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!Base58.TryDecode(secret.Trim(), out var bytes))
        {
            throw new FormatException("The secret key is not valid base58.");
        }

        try
        {
            return bytes.Length switch
            {
                SecretKeyLength => FromSecretKey(bytes),
                Ed25519.SeedLength => FromSeed(bytes),
                _ => throw new FormatException($"A base58 secret key decodes to {SecretKeyLength} bytes (or a {Ed25519.SeedLength}-byte seed), got {bytes.Length}."),
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>The key pair in the text of a Solana CLI key file (<c>id.json</c>): a JSON array of 64 numbers 0–255.</summary>
    /// <exception cref="FormatException">Not such an array.</exception>
    /// <exception cref="ArgumentException">The public half does not belong to the seed.</exception>
    public static Keypair FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = new byte[SecretKeyLength];
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("A Solana key file holds a JSON array of 64 numbers; this JSON is not an array.");
            }

            var count = root.GetArrayLength();
            if (count != SecretKeyLength)
            {
                throw new FormatException($"A Solana key file holds a JSON array of {SecretKeyLength} numbers, this one has {count}.");
            }

            var i = 0;
            foreach (var item in root.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Number || !item.TryGetByte(out bytes[i]))
                {
                    throw new FormatException($"Element {i.ToString(CultureInfo.InvariantCulture)} of the key file is not a number from 0 to 255.");
                }

                i++;
            }

            return FromSecretKey(bytes);
        }
        catch (JsonException ex)
        {
            throw new FormatException("The Solana key file is not valid JSON.", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Reads a Solana CLI key file (for example <c>~/.config/solana/id.json</c>); see <see cref="FromJson"/>.</summary>
    public static async Task<Keypair> FromFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return FromJson(text);
    }

    /// <summary>Reads a Solana CLI key file synchronously; see <see cref="FromJson"/>.</summary>
    public static Keypair FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FromJson(File.ReadAllText(path));
    }

    /// <summary>Signs the exact bytes of <paramref name="message"/> and returns the 64-byte signature.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) => Ed25519.Sign(_seed, _publicKeyBytes, message);

    /// <inheritdoc/>
    public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Sign(message.Span));
    }

    /// <summary>A copy of the 64-byte secret key (seed ‖ public key). Handle it like a password.</summary>
    public byte[] ExportSecretKey()
    {
        var secret = new byte[SecretKeyLength];
        _seed.CopyTo(secret, 0);
        PublicKey.AsSpan().CopyTo(secret.AsSpan(Ed25519.SeedLength));
        return secret;
    }

    /// <summary>The Solana CLI key file text (a JSON array of the 64 secret-key bytes). Handle it like a password.</summary>
    public string ExportJson()
    {
        var secret = ExportSecretKey();
        try
        {
            return "[" + string.Join(',', secret.Select(b => b.ToString(CultureInfo.InvariantCulture))) + "]";
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>Shows the public key only; the secret is redacted.</summary>
    public override string ToString() => $"Keypair {{ PublicKey = {PublicKey}, SecretKey = [redacted] }}";
}
