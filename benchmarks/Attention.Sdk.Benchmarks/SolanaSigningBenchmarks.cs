using Attentium.Solana;
using BenchmarkDotNet.Attributes;
using Rfc8032 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace Attention.Sdk.Benchmarks;

/// <summary>
/// Ed25519 over the SDK's Solana layer (BouncyCastle.Cryptography underneath): signing the serialized message of a two-instruction
/// transaction (USDC TransferChecked + memo, ~250 bytes) with an in-process <see cref="Keypair"/>, and verifying that signature.
/// Target: ≥ 0.75× <c>openssl speed ed25519</c> signs/s and ≥ 3× @solana/web3.js in Node, measured by
/// <c>benchmarks/node/compare-signing.sh</c> (these benchmarks give the per-call time and allocations). The last row is not SDK
/// code: the same library's low-level RFC 8032 signer given the cached public key, to show what the SDK's path leaves behind.
/// </summary>
[MemoryDiagnoser]
public class SolanaSigningBenchmarks
{
    private Keypair _owner = null!;
    private byte[] _message = null!;
    private byte[] _signature = null!;
    private byte[] _seed = null!;
    private byte[] _publicKey = null!;

    [GlobalSetup]
    public void Setup()
    {
        _owner = SolanaFixture.Owner;
        _message = SolanaFixture.SingleSignerMessage().Serialize();
        _signature = _owner.Sign(_message);
        _seed = SolanaFixture.Seed(0x01);
        _publicKey = _owner.PublicKey.ToByteArray();
        if (!RawCachedKeySign().AsSpan().SequenceEqual(_signature))
        {
            throw new InvalidOperationException("The low-level signer does not produce the SDK's signature.");
        }
    }

    [Benchmark(Baseline = true, Description = "Keypair.Sign (Ed25519, tx message)")]
    public byte[] Sign() => _owner.Sign(_message);

    [Benchmark(Description = "SignatureVerifier.Verify")]
    public bool Verify() => SignatureVerifier.Verify(_owner.PublicKey, _message, _signature);

    [Benchmark(Description = "Keypair.FromSeed (derive public key)")]
    public Keypair FromSeed() => Keypair.FromSeed(_seed);

    [Benchmark(Description = "BouncyCastle Rfc8032 sign, cached public key (not SDK)")]
    public byte[] RawCachedKeySign()
    {
        var signature = new byte[64];
        Rfc8032.Sign(_seed.AsSpan(), _publicKey.AsSpan(), _message.AsSpan(), signature.AsSpan());
        return signature;
    }

    /// <summary>The signed message size, for the record.</summary>
    public int MessageLength => _message.Length;
}
