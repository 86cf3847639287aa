using Attentium.Solana;

namespace Attentium.Client.Tests.Solana;

public class MessageCompilerTests
{
    private static readonly string s_blockhash = Base58.Encode(new byte[32]);
    private static readonly PublicKey s_payer = Keypair.FromSeed(Enumerable.Repeat((byte)1, 32).ToArray()).PublicKey;
    private static readonly PublicKey s_a = Keypair.FromSeed(Enumerable.Repeat((byte)2, 32).ToArray()).PublicKey;
    private static readonly PublicKey s_b = Keypair.FromSeed(Enumerable.Repeat((byte)3, 32).ToArray()).PublicKey;
    private static readonly PublicKey s_c = Keypair.FromSeed(Enumerable.Repeat((byte)4, 32).ToArray()).PublicKey;
    private static readonly PublicKey s_program = Keypair.FromSeed(Enumerable.Repeat((byte)5, 32).ToArray()).PublicKey;

    [Fact]
    public void Keys_are_ordered_writable_signers_readonly_signers_writable_then_readonly()
    {
        var ix = new TransactionInstruction(s_program, [AccountMeta.ReadOnly(s_c), AccountMeta.Writable(s_b), AccountMeta.ReadOnly(s_a, isSigner: true)], []);
        var message = MessageCompiler.CompileLegacy(s_payer, [ix], s_blockhash);
        Assert.Equal([s_payer, s_a, s_b, s_program, s_c], message.StaticAccountKeys);
        Assert.Equal(new MessageHeader(2, 1, 2), message.Header);
        Assert.Equal([4, 2, 1], message.Instructions[0].AccountIndexes.ToArray());
        Assert.Equal(3, message.Instructions[0].ProgramIdIndex);
    }

    [Fact]
    public void Duplicate_keys_merge_by_or_ing_their_flags()
    {
        TransactionInstruction[] ixs =
        [
            new(s_program, [AccountMeta.ReadOnly(s_a)], []),
            new(s_program, [AccountMeta.Writable(s_a)], []),
            new(s_program, [AccountMeta.ReadOnly(s_a, isSigner: true)], []),
        ];
        var message = MessageCompiler.CompileLegacy(s_payer, ixs, s_blockhash);
        Assert.Equal([s_payer, s_a, s_program], message.StaticAccountKeys);
        Assert.Equal(new MessageHeader(2, 0, 1), message.Header);
        Assert.True(message.IsWritable(1));
        Assert.True(message.IsSigner(1));
    }

    [Fact]
    public void Fee_payer_stays_first_even_when_an_instruction_names_it_read_only()
    {
        var ix = new TransactionInstruction(s_program, [AccountMeta.Writable(s_a, isSigner: true), AccountMeta.ReadOnly(s_payer)], []);
        var message = MessageCompiler.CompileLegacy(s_payer, [ix], s_blockhash);
        Assert.Equal(s_payer, message.FeePayer);
        Assert.True(message.IsWritable(0));
    }

    [Fact]
    public void A_memo_over_127_bytes_gets_a_two_byte_length()
    {
        var text = new string('m', 200);
        var message = MessageCompiler.CompileLegacy(s_payer, [MemoInstructions.Memo(text)], s_blockhash);
        var bytes = message.Serialize();
        Assert.Equal(Message.Deserialize(bytes).Serialize(), bytes);
        var data = Message.Deserialize(bytes).Instructions[0].Data.ToArray();
        Assert.Equal(text, System.Text.Encoding.UTF8.GetString(data));
        Assert.Equal([0xc8, 0x01], bytes[^202..^200]);
    }

    [Fact]
    public void V0_loads_non_signer_keys_from_lookup_tables()
    {
        var table = new AddressLookupTableAccount(s_program, [s_c, s_b]);
        var ix = new TransactionInstruction(PublicKey.MemoProgram, [AccountMeta.Writable(s_b), AccountMeta.ReadOnly(s_c), AccountMeta.ReadOnly(s_a, isSigner: true)], []);
        var message = MessageCompiler.CompileV0(s_payer, [ix], s_blockhash, [table]);
        Assert.Equal([s_payer, s_a, PublicKey.MemoProgram], message.StaticAccountKeys);
        var lookup = Assert.Single(message.AddressTableLookups);
        Assert.Equal([1], lookup.WritableIndexes.ToArray());
        Assert.Equal([0], lookup.ReadonlyIndexes.ToArray());
        var loaded = message.ResolveLoadedAddresses([table]);
        var decompiled = Assert.Single(message.DecompileInstructions(loaded));
        Assert.Equal(ix.Accounts, decompiled.Accounts);
    }
}
