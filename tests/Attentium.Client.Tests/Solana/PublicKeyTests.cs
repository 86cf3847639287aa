using Attentium.Solana;

namespace Attentium.Client.Tests.Solana;

public class PublicKeyTests
{
    private const string ZeroSeedKey = "4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS";

    [Fact]
    public void System_program_is_32_zero_bytes()
    {
        Assert.Equal("11111111111111111111111111111111", PublicKey.SystemProgram.ToBase58());
        Assert.Equal(new byte[32], PublicKey.SystemProgram.ToByteArray());
    }

    [Fact]
    public void Parse_then_format_round_trips()
    {
        var key = PublicKey.Parse("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");
        Assert.Equal("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA", new PublicKey(key.AsSpan()).ToString());
    }

    [Fact]
    public void Parse_names_the_character_outside_the_alphabet()
    {
        var ex = Assert.Throws<FormatException>(() => PublicKey.Parse("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5D0"));
        Assert.Contains("'0' at position 42", ex.Message);
    }

    [Fact]
    public void Parse_rejects_base58_of_the_wrong_length()
    {
        var ex = Assert.Throws<FormatException>(() => PublicKey.Parse("3yZe7d"));
        Assert.Contains("decodes to 4 bytes", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a key")]
    [InlineData("1111111111111111111111111111111")]
    public void TryParse_refuses_without_throwing(string? text) => Assert.False(PublicKey.TryParse(text, out _));

    [Fact]
    public void Constructor_rejects_a_span_that_is_not_32_bytes() =>
        Assert.Throws<ArgumentException>(() => new PublicKey(new byte[31]));

    [Fact]
    public void Keys_compare_by_value()
    {
        var a = PublicKey.Parse(ZeroSeedKey);
        var b = new PublicKey(a.ToByteArray());
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.False(a == PublicKey.SystemProgram);
        Assert.True(a != null);
    }

    [Fact]
    public void A_wallet_key_is_on_the_curve_and_an_ata_is_not()
    {
        Assert.True(PublicKey.Parse(ZeroSeedKey).IsOnCurve());
        Assert.False(PublicKey.Parse("DJcjpsHnWXSucjUpourygEN3mkcQwSHG6d5b2AzLSfSn").IsOnCurve());
    }

    [Fact]
    public void Associated_token_address_matches_the_reference_vector()
    {
        var (address, bump) = PublicKey.FindAssociatedTokenAddress(PublicKey.Parse(ZeroSeedKey), Usdc.MainnetMint);
        Assert.Equal("DJcjpsHnWXSucjUpourygEN3mkcQwSHG6d5b2AzLSfSn", address.ToBase58());
        Assert.Equal(250, bump);
    }

    [Fact]
    public void Token_2022_associated_token_address_differs_from_spl_token()
    {
        var owner = PublicKey.Parse(ZeroSeedKey);
        Assert.NotEqual(
            PublicKey.GetAssociatedTokenAddress(owner, Usdc.MainnetMint),
            PublicKey.GetAssociatedTokenAddress(owner, Usdc.MainnetMint, PublicKey.Token2022Program));
    }

    [Fact]
    public void Create_program_address_with_the_found_bump_gives_the_same_address()
    {
        byte[][] seeds = ["escrow"u8.ToArray(), PublicKey.Parse(ZeroSeedKey).ToByteArray()];
        var (address, bump) = PublicKey.FindProgramAddress(seeds, PublicKey.TokenProgram);
        Assert.Equal(address, PublicKey.CreateProgramAddress([.. seeds, [bump]], PublicKey.TokenProgram));
    }

    [Fact]
    public void Seeds_longer_than_32_bytes_are_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => PublicKey.FindProgramAddress([new byte[33]], PublicKey.TokenProgram));
        Assert.Contains("33 bytes", ex.Message);
    }

    [Fact]
    public void More_than_16_seeds_are_rejected() =>
        Assert.Throws<ArgumentException>(() => PublicKey.CreateProgramAddress([.. Enumerable.Range(0, 17).Select(_ => new byte[1])], PublicKey.TokenProgram));
}
