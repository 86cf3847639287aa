using Attentium.Solana;

namespace Attentium.Client.Tests.Solana;

public class KeypairTests
{
    private static readonly byte[] s_rfcSeed = Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

    [Fact]
    public void Zero_seed_gives_the_reference_public_key() =>
        Assert.Equal("4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS", Keypair.FromSeed(new byte[32]).PublicKey.ToBase58());

    [Fact]
    public void Signing_matches_rfc_8032_test_1()
    {
        var keypair = Keypair.FromSeed(s_rfcSeed);
        Assert.Equal("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", Convert.ToHexStringLower(keypair.PublicKey.AsSpan()));
        Assert.Equal(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
            Convert.ToHexStringLower(keypair.Sign([])));
    }

    [Fact]
    public async Task SignAsync_signs_the_raw_bytes_and_verifies()
    {
        ISolanaSigner signer = Keypair.Generate();
        var message = "sign the message 42"u8.ToArray();
        var signature = await signer.SignAsync(message, TestContext.Current.CancellationToken);
        Assert.True(SignatureVerifier.Verify(signer.PublicKey, message, signature));
        Assert.True(SignatureVerifier.Verify(signer.PublicKey, message, Base58.Encode(signature)));
        Assert.False(SignatureVerifier.Verify(signer.PublicKey, "sign the message 43"u8, signature));
    }

    [Fact]
    public void Secret_key_round_trips_through_id_json()
    {
        var keypair = Keypair.Generate();
        var json = keypair.ExportJson();
        Assert.StartsWith("[", json);
        Assert.Equal(keypair.PublicKey, Keypair.FromJson(json).PublicKey);
    }

    [Fact]
    public void Id_json_tolerates_whitespace_and_newlines()
    {
        var keypair = Keypair.FromSeed(s_rfcSeed);
        var spaced = keypair.ExportJson().Replace(",", ",\n  ", StringComparison.Ordinal).Replace("[", "[ ", StringComparison.Ordinal);
        Assert.Equal(keypair.PublicKey, Keypair.FromJson(spaced).PublicKey);
    }

    [Fact]
    public async Task Key_file_is_read_from_disk()
    {
        var keypair = Keypair.Generate();
        var path = Path.Combine(Path.GetTempPath(), $"id-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, keypair.ExportJson(), TestContext.Current.CancellationToken);
        try
        {
            Assert.Equal(keypair.PublicKey, (await Keypair.FromFileAsync(path, TestContext.Current.CancellationToken)).PublicKey);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("{}", "not an array")]
    [InlineData("[1,2,3]", "has 3")]
    [InlineData("[", "not valid JSON")]
    public void Id_json_errors_say_what_is_wrong(string json, string expected) =>
        Assert.Contains(expected, Assert.Throws<FormatException>(() => Keypair.FromJson(json)).Message);

    [Fact]
    public void Id_json_rejects_numbers_outside_a_byte()
    {
        var json = "[" + string.Join(',', Enumerable.Repeat("256", 64)) + "]";
        Assert.Contains("Element 0", Assert.Throws<FormatException>(() => Keypair.FromJson(json)).Message);
    }

    [Fact]
    public void Secret_key_whose_public_half_does_not_match_is_rejected()
    {
        var secret = Keypair.Generate().ExportSecretKey();
        secret[63] ^= 1;
        Assert.Throws<ArgumentException>(() => Keypair.FromSecretKey(secret));
    }

    [Fact]
    public void Base58_wallet_export_loads()
    {
        var keypair = Keypair.Generate();
        var exported = Base58.Encode(keypair.ExportSecretKey());
        Assert.InRange(exported.Length, 86, 88);
        Assert.Equal(keypair.PublicKey, Keypair.FromBase58(exported).PublicKey);
    }

    [Fact]
    public void Base58_errors_never_echo_the_secret()
    {
        var bad = Base58.Encode(Keypair.Generate().ExportSecretKey())[..40] + "0OIl";
        var ex = Assert.Throws<FormatException>(() => Keypair.FromBase58(bad));
        Assert.DoesNotContain(bad[..20], ex.Message);
    }

    [Fact]
    public void ToString_shows_the_public_key_and_redacts_the_secret()
    {
        var keypair = Keypair.Generate();
        var text = keypair.ToString();
        Assert.Contains(keypair.PublicKey.ToBase58(), text);
        Assert.Contains("redacted", text);
        Assert.DoesNotContain(Base58.Encode(keypair.ExportSecretKey()), text);
        Assert.DoesNotContain(Convert.ToHexString(keypair.ExportSecretKey()[..32]), text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Seed_must_be_32_bytes() => Assert.Throws<ArgumentException>(() => Keypair.FromSeed(new byte[31]));
}
