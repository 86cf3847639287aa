using System.Text;
using Attentium.Solana;

namespace Attentium.Client.Tests.Solana;

/// <summary>Decoders read instructions the way the runtime does: tag prefix, fields, trailing bytes ignored.</summary>
public class InstructionDecodingTests
{
    private static byte[] SeedInstruction(uint tag, int before, string seed, int after) =>
        [.. BitConverter.GetBytes(tag), .. new byte[before], .. BitConverter.GetBytes((ulong)Encoding.UTF8.GetByteCount(seed)), .. Encoding.UTF8.GetBytes(seed), .. new byte[after]];

    [Theory]
    [InlineData(new byte[] { 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0 }, true)] // Transfer
    [InlineData(new byte[] { 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 9, 9 }, true)] // Transfer, trailing bytes ignored
    [InlineData(new byte[] { 2, 0, 0, 0, 1, 0, 0 }, false)] // Transfer without its lamports
    [InlineData(new byte[] { 4, 0, 0, 0 }, true)] // AdvanceNonceAccount
    [InlineData(new byte[] { 13, 0, 0, 0 }, false)] // unknown tag
    [InlineData(new byte[] { 2, 0, 0 }, false)] // no tag
    public void System_instruction_is_well_formed_only_with_a_known_tag_and_its_fields(byte[] data, bool expected) =>
        Assert.Equal(expected, SystemInstructions.IsWellFormed(data));

    [Fact]
    public void Seeded_system_instructions_need_their_whole_seed_and_the_fields_after_it()
    {
        Assert.True(SystemInstructions.IsWellFormed(SeedInstruction(11, 8, "seed", 32))); // TransferWithSeed
        Assert.False(SystemInstructions.IsWellFormed(SeedInstruction(11, 8, "seed", 31)));
        Assert.True(SystemInstructions.IsWellFormed(SeedInstruction(3, 32, "s", 48))); // CreateAccountWithSeed
        byte[] badUtf8 = [.. BitConverter.GetBytes(11u), .. new byte[8], .. BitConverter.GetBytes(1UL), 0xFF, .. new byte[32]];
        Assert.False(SystemInstructions.IsWellFormed(badUtf8));
        byte[] hugeLength = [.. BitConverter.GetBytes(11u), .. new byte[8], .. BitConverter.GetBytes(ulong.MaxValue), .. new byte[40]];
        Assert.False(SystemInstructions.IsWellFormed(hugeLength));
    }

    [Theory]
    [InlineData(new byte[] { 2, 0x40, 0x0D, 0x03, 0x00 }, ComputeBudgetInstructions.Kind.SetComputeUnitLimit, 200_000UL)]
    [InlineData(new byte[] { 2, 0x40, 0x0D, 0x03, 0x00, 0xAA }, ComputeBudgetInstructions.Kind.SetComputeUnitLimit, 200_000UL)]
    [InlineData(new byte[] { 1, 0, 0, 1, 0 }, ComputeBudgetInstructions.Kind.RequestHeapFrame, 65_536UL)]
    [InlineData(new byte[] { 4, 0, 0, 1, 0, 7 }, ComputeBudgetInstructions.Kind.SetLoadedAccountsDataSizeLimit, 65_536UL)]
    public void Compute_budget_instructions_decode_by_prefix(byte[] data, ComputeBudgetInstructions.Kind kind, ulong value)
    {
        Assert.True(ComputeBudgetInstructions.TryDecode(new TransactionInstruction(PublicKey.ComputeBudgetProgram, [], data), out var decodedKind, out var decoded));
        Assert.Equal((kind, value), (decodedKind, decoded));
    }

    [Fact]
    public void Token_transfer_checked_with_trailing_bytes_decodes_its_amount_and_decimals()
    {
        var keys = Enumerable.Range(0, 4).Select(_ => Keypair.Generate().PublicKey).ToArray();
        var ix = TokenInstructions.TransferChecked(keys[0], keys[1], keys[2], keys[3], 42, 6);
        var padded = new TransactionInstruction(ix.ProgramId, ix.Accounts, [.. ix.Data.Span, 1, 2, 3]);
        Assert.True(TokenInstructions.TryDecodeTransfer(padded, out var transfer));
        Assert.Equal((42UL, (byte?)6, keys[2]), (transfer.Amount, transfer.Decimals, transfer.Destination));
    }

    [Theory]
    [InlineData(24, true)]
    [InlineData(25, false)]
    public void Spl_token_knows_tags_up_to_24(byte tag, bool known) =>
        Assert.Equal(known, TokenInstructions.IsKnownInstruction(PublicKey.TokenProgram, [tag]));
}
