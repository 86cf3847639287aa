using Attentium.Solana;

namespace Attentium.Client.Tests.Solana;

public class ShortVecTests
{
    [Theory]
    [InlineData(0, "00")]
    [InlineData(127, "7f")]
    [InlineData(128, "8001")]
    [InlineData(255, "ff01")]
    [InlineData(256, "8002")]
    [InlineData(16383, "ff7f")]
    [InlineData(16384, "808001")]
    [InlineData(65535, "ffff03")]
    public void Encodes_and_decodes_the_reference_table(int value, string hex)
    {
        Assert.Equal(hex, Convert.ToHexStringLower(ShortVec.Encode(value)));
        Assert.True(ShortVec.TryDecode(Convert.FromHexString(hex), out var decoded, out var read, out _));
        Assert.Equal(value, decoded);
        Assert.Equal(hex.Length / 2, read);
    }

    [Theory]
    [InlineData("8000")]
    [InlineData("ff8000")]
    [InlineData("808000")]
    public void Non_canonical_forms_are_rejected(string hex)
    {
        Assert.False(ShortVec.TryDecode(Convert.FromHexString(hex), out _, out _, out var error));
        Assert.Contains("canonical", error);
    }

    [Theory]
    [InlineData("ffff04")]
    [InlineData("80808001")]
    public void Values_above_65535_are_rejected(string hex) =>
        Assert.False(ShortVec.TryDecode(Convert.FromHexString(hex), out _, out _, out _));

    [Theory]
    [InlineData("")]
    [InlineData("80")]
    [InlineData("ff80")]
    public void Truncated_lengths_are_rejected(string hex)
    {
        Assert.False(ShortVec.TryDecode(Convert.FromHexString(hex), out _, out _, out var error));
        Assert.Contains("truncated", error);
    }

    [Fact]
    public void Values_outside_u16_cannot_be_encoded()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ShortVec.Encode(65536));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShortVec.Encode(-1));
    }
}
