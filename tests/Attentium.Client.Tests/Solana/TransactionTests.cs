using Attentium.Solana;

namespace Attentium.Client.Tests.Solana;

public class TransactionTests
{
    private static readonly string s_blockhash = Base58.Encode(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private readonly Keypair _payer = Keypair.FromSeed(Enumerable.Repeat((byte)1, 32).ToArray());
    private readonly Keypair _cosigner = Keypair.FromSeed(Enumerable.Repeat((byte)2, 32).ToArray());

    private Transaction TwoSignerTransaction(MessageVersion version = MessageVersion.Legacy)
    {
        TransactionInstruction[] instructions =
        [
            SystemInstructions.Transfer(_payer.PublicKey, _cosigner.PublicKey, 1000),
            MemoInstructions.Memo("campaign-1", _cosigner.PublicKey),
        ];
        var message = version == MessageVersion.Legacy
            ? MessageCompiler.CompileLegacy(_payer.PublicKey, instructions, s_blockhash)
            : MessageCompiler.CompileV0(_payer.PublicKey, instructions, s_blockhash);
        return Transaction.FromMessage(message);
    }

    [Fact]
    public void Unsigned_transaction_has_empty_slots_and_no_id()
    {
        var tx = TwoSignerTransaction();
        Assert.Equal(2, tx.SignatureCount);
        Assert.Null(tx.Signature);
        Assert.Equal([_payer.PublicKey, _cosigner.PublicKey], tx.MissingSigners);
        Assert.False(tx.VerifySignatures());
        Assert.True(tx.VerifySignatures(requireAll: false));
    }

    [Fact]
    public async Task Signing_fills_only_the_signers_slot_and_keeps_the_others()
    {
        var tx = TwoSignerTransaction();
        tx.Sign(_cosigner);
        var cosignerSignature = tx.GetSignature(1);
        var messageBefore = tx.MessageBytes.ToArray();

        await tx.SignAsync(_payer, TestContext.Current.CancellationToken);

        Assert.Equal(cosignerSignature, tx.GetSignature(1));
        Assert.Equal(messageBefore, tx.MessageBytes.ToArray());
        Assert.True(tx.VerifySignatures());
        Assert.Equal(Base58.Encode(tx.GetSignature(0)), tx.Signature);
    }

    [Fact]
    public async Task Signing_with_a_key_that_is_not_a_signer_is_refused()
    {
        var tx = TwoSignerTransaction();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () => await tx.SignAsync(Keypair.Generate(), TestContext.Current.CancellationToken));
        Assert.Contains("not a required signer", ex.Message);
    }

    [Fact]
    public async Task A_signer_returning_a_bad_signature_is_refused()
    {
        var tx = TwoSignerTransaction();
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await tx.SignAsync(new BrokenSigner(_payer.PublicKey), TestContext.Current.CancellationToken));
        Assert.Null(tx.Signature);
    }

    [Fact]
    public void AddSignature_rejects_a_signature_over_other_bytes()
    {
        var tx = TwoSignerTransaction();
        Assert.Throws<InvalidOperationException>(() => tx.AddSignature(_payer.PublicKey, _payer.Sign("other"u8)));
        tx.AddSignature(_payer.PublicKey, _payer.Sign(tx.MessageBytes.Span));
        Assert.True(tx.IsSignedBy(_payer.PublicKey));
        Assert.False(tx.IsSignedBy(_cosigner.PublicKey));
    }

    [Theory]
    [InlineData(MessageVersion.Legacy)]
    [InlineData(MessageVersion.V0)]
    public void Serialize_then_deserialize_round_trips(MessageVersion version)
    {
        var tx = TwoSignerTransaction(version);
        tx.Sign(_payer, _cosigner);
        var bytes = tx.Serialize();
        var decoded = Transaction.Deserialize(bytes);
        Assert.Equal(version, decoded.Message.Version);
        Assert.Equal(bytes, decoded.Serialize());
        Assert.Equal(tx.Signature, decoded.Signature);
        Assert.True(decoded.VerifySignatures());
        Assert.Equal(bytes, Transaction.FromBase64(tx.ToBase64()).Serialize());
    }

    [Fact]
    public void Every_truncation_is_a_typed_format_error()
    {
        var tx = TwoSignerTransaction(MessageVersion.V0);
        tx.Sign(_payer, _cosigner);
        var bytes = tx.Serialize();
        for (var length = 0; length < bytes.Length; length++)
        {
            var ex = Assert.Throws<TransactionFormatException>(() => Transaction.Deserialize(bytes.AsSpan(0, length)));
            Assert.InRange(ex.Offset, 0, length);
        }
    }

    [Fact]
    public void Random_corruption_never_escapes_as_anything_but_a_format_error()
    {
        var tx = TwoSignerTransaction(MessageVersion.V0);
        var bytes = tx.Serialize();
        var random = new Random(7);
        for (var i = 0; i < 3000; i++)
        {
            var copy = (byte[])bytes.Clone();
            for (var n = 0; n < 1 + (i % 4); n++)
            {
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
            }

            try
            {
                Transaction.Deserialize(copy);
            }
            catch (TransactionFormatException)
            {
            }
        }
    }

    [Fact]
    public void Trailing_bytes_are_rejected()
    {
        var bytes = TwoSignerTransaction().Serialize();
        var ex = Assert.Throws<TransactionFormatException>(() => Transaction.Deserialize([.. bytes, 0]));
        Assert.Contains("unexpected bytes after the message", ex.Message);
    }

    [Fact]
    public void Versions_after_v0_are_rejected()
    {
        var bytes = TwoSignerTransaction(MessageVersion.V0).Serialize();
        bytes[1 + 128] = 0x81;
        var ex = Assert.Throws<TransactionFormatException>(() => Transaction.Deserialize(bytes));
        Assert.Contains("unsupported message version 1", ex.Message);
    }

    [Fact]
    public void Signature_count_must_match_the_header()
    {
        var tx = TwoSignerTransaction();
        var message = tx.MessageBytes.ToArray();
        byte[] bytes = [1, .. new byte[64], .. message];
        Assert.Contains("2 signatures", Assert.Throws<TransactionFormatException>(() => Transaction.Deserialize(bytes)).Message);
    }

    [Fact]
    public void Non_canonical_length_prefix_is_rejected()
    {
        var bytes = TwoSignerTransaction().Serialize();
        byte[] padded = [0x82, 0x00, .. bytes[1..]];
        Assert.Contains("canonical", Assert.Throws<TransactionFormatException>(() => Transaction.Deserialize(padded)).Message);
    }

    [Fact]
    public void Account_index_past_the_keys_is_rejected()
    {
        var message = TwoSignerTransaction().Message;
        var bad = new CompiledInstruction(1, [99], []);
        Assert.Throws<ArgumentException>(() => new Message(MessageVersion.Legacy, message.Header, message.StaticAccountKeys, message.RecentBlockhashBytes, [bad]));
    }

    [Fact]
    public void Fee_payer_cannot_be_the_program()
    {
        var message = TwoSignerTransaction().Message;
        var bad = new CompiledInstruction(0, [], []);
        Assert.Contains("program", Assert.Throws<ArgumentException>(() => new Message(MessageVersion.Legacy, message.Header, message.StaticAccountKeys, message.RecentBlockhashBytes, [bad])).Message);
    }

    [Fact]
    public void Header_that_makes_the_fee_payer_read_only_is_rejected()
    {
        var message = TwoSignerTransaction().Message;
        var header = message.Header with { NumReadonlySignedAccounts = 2 };
        Assert.Throws<ArgumentException>(() => new Message(MessageVersion.Legacy, header, message.StaticAccountKeys, message.RecentBlockhashBytes, []));
    }

    [Fact]
    public void Base64_that_is_not_base64_is_a_format_error() =>
        Assert.Throws<TransactionFormatException>(() => Transaction.FromBase64("not base64!"));

    private sealed class BrokenSigner(PublicKey key) : ISolanaSigner
    {
        public PublicKey PublicKey => key;

        public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default) => ValueTask.FromResult(new byte[64]);
    }
}
