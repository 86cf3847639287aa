using Attentium.Solana;
using BenchmarkDotNet.Attributes;

namespace Attention.Sdk.Benchmarks;

/// <summary>
/// The wire codec and signing of a co-signed two-instruction transaction (USDC TransferChecked + memo, fee payer in slot 0, the
/// owner in slot 1), as the SDK handles an escrow transaction built by the API: decode the wire bytes (baseline), encode them,
/// sign the owner's own slot (other slots kept), verify every signature, and compile the message from instructions.
/// </summary>
[MemoryDiagnoser]
public class SolanaTransactionBenchmarks
{
    private byte[] _wire = null!;
    private Transaction _transaction = null!;
    private Transaction _signed = null!;
    private Keypair _owner = null!;
    private TransactionInstruction[] _instructions = null!;
    private PublicKey _feePayer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _owner = SolanaFixture.Owner;
        _feePayer = SolanaFixture.FeePayer.PublicKey;
        _instructions = SolanaFixture.Instructions();
        var partial = Transaction.FromMessage(SolanaFixture.CoSignedMessage());
        partial.Sign(SolanaFixture.FeePayer);
        _wire = partial.Serialize();
        _transaction = Transaction.Deserialize(_wire);
        _signed = Transaction.Deserialize(_wire);
        _signed.Sign(_owner);
        if (!_signed.VerifySignatures())
        {
            throw new InvalidOperationException("The benchmark transaction does not verify.");
        }
    }

    [Benchmark(Baseline = true, Description = "Transaction.Deserialize")]
    public Transaction Decode() => Transaction.Deserialize(_wire);

    [Benchmark(Description = "Transaction.Serialize")]
    public byte[] Encode() => _transaction.Serialize();

    [Benchmark(Description = "Transaction.Sign (own slot)")]
    public Transaction SignOwnSlot()
    {
        _transaction.Sign(_owner);
        return _transaction;
    }

    [Benchmark(Description = "Transaction.VerifySignatures (2 sigs)")]
    public bool VerifySignatures() => _signed.VerifySignatures();

    [Benchmark(Description = "MessageCompiler.CompileLegacy")]
    public Message Compile() => MessageCompiler.CompileLegacy(_feePayer, _instructions, SolanaFixture.Blockhash);

    /// <summary>The wire size, for the record.</summary>
    public int WireLength => _wire.Length;
}
