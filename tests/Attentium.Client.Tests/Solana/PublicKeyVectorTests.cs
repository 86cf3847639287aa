using System.Text.Json.Nodes;
using Attentium.Solana;

namespace Attentium.Client.Tests.Solana;

/// <summary>Keys, base58, curve checks and derivations computed by @solana/web3.js and @solana/spl-token for the same inputs.</summary>
public class PublicKeyVectorTests(PublicKeyVectorTests.Vectors vectors) : IClassFixture<PublicKeyVectorTests.Vectors>
{
    [Fact]
    public void Base58_matches_web3js_including_leading_zeros()
    {
        for (var i = 0; i < vectors.Base58Inputs.Count; i++)
        {
            Assert.Equal(vectors.Results["base58"][i]!.GetValue<string>(), Base58.Encode(vectors.Base58Inputs[i]));
            Assert.Equal(vectors.Base58Inputs[i], Base58.Decode(vectors.Results["base58"][i]!.GetValue<string>()));
        }
    }

    [Fact]
    public void On_curve_check_matches_web3js_on_random_bytes()
    {
        var expected = vectors.Results["onCurve"].Select(n => n!.GetValue<bool>()).ToList();
        var actual = vectors.CurveInputs.Select(k => k.IsOnCurve()).ToList();
        Assert.Equal(expected, actual);
        Assert.Contains(true, expected);
        Assert.Contains(false, expected);
    }

    [Fact]
    public void Public_keys_of_seeds_match_web3js()
    {
        for (var i = 0; i < vectors.Seeds.Count; i++)
        {
            Assert.Equal(vectors.Results["publicKeyOfSeed"][i]!.GetValue<string>(), Keypair.FromSeed(vectors.Seeds[i]).PublicKey.ToBase58());
        }
    }

    [Fact]
    public void Signatures_match_web3js_byte_for_byte()
    {
        for (var i = 0; i < vectors.Seeds.Count; i++)
        {
            var keypair = Keypair.FromSeed(vectors.Seeds[i]);
            var message = MessageCompiler.CompileV0(keypair.PublicKey, [], keypair.PublicKey.ToBase58()).Serialize();
            Assert.Equal(vectors.Results["sign"][i]!.GetValue<string>(), NodeVectors.Hex(keypair.Sign(message)));
        }
    }

    [Fact]
    public void Program_addresses_and_bumps_match_web3js()
    {
        for (var i = 0; i < vectors.PdaSeeds.Count; i++)
        {
            var (address, bump) = PublicKey.FindProgramAddress(vectors.PdaSeeds[i], vectors.Programs[i]);
            var expected = vectors.Results["findProgramAddress"][i]!;
            Assert.Equal(expected["address"]!.GetValue<string>(), address.ToBase58());
            Assert.Equal(expected["bump"]!.GetValue<int>(), bump);
        }
    }

    [Fact]
    public void Create_program_address_agrees_with_web3js_on_which_bumps_are_valid()
    {
        var expected = vectors.Results["createProgramAddress"];
        for (var i = 0; i < vectors.BumpTrials.Count; i++)
        {
            var ok = PublicKey.TryCreateProgramAddress(vectors.BumpTrials[i], PublicKey.TokenProgram, out var address);
            Assert.Equal(expected[i]?.GetValue<string>(), ok ? address!.ToBase58() : null);
        }

        Assert.Contains(expected, e => e is null);
    }

    [Fact]
    public void Associated_token_addresses_match_spl_token_for_both_token_programs()
    {
        for (var i = 0; i < vectors.AtaCases.Count; i++)
        {
            var (owner, mint, program) = vectors.AtaCases[i];
            Assert.Equal(vectors.Results["ata"][i]!.GetValue<string>(), PublicKey.GetAssociatedTokenAddress(owner, mint, program).ToBase58());
        }
    }

    public sealed class Vectors : IAsyncLifetime
    {
        private readonly Random _random = new(20260501);

        public List<byte[]> Base58Inputs { get; } = [];

        public List<PublicKey> CurveInputs { get; } = [];

        public List<byte[]> Seeds { get; } = [];

        public List<byte[][]> PdaSeeds { get; } = [];

        public List<PublicKey> Programs { get; } = [];

        public List<byte[][]> BumpTrials { get; } = [];

        public List<(PublicKey Owner, PublicKey Mint, PublicKey Program)> AtaCases { get; } = [];

        public Dictionary<string, List<JsonNode?>> Results { get; } = [];

        public async ValueTask InitializeAsync()
        {
            var requests = new List<JsonObject>();
            Base58Inputs.AddRange([[], [0], [0, 0, 1], [.. new byte[32]], [0, 0, 0, 255, 254], Bytes(32), Bytes(64), Bytes(7)]);
            requests.AddRange(Base58Inputs.Select(b => new JsonObject { ["op"] = "base58", ["hex"] = NodeVectors.Hex(b) }));
            for (var i = 0; i < 200; i++)
            {
                var bytes = Bytes(32);
                if (i % 10 == 0)
                {
                    bytes[31] |= 0x80; // sign bit set
                }

                CurveInputs.Add(new PublicKey(bytes));
            }

            CurveInputs.Add(PublicKey.SystemProgram);
            requests.AddRange(CurveInputs.Select(k => new JsonObject { ["op"] = "onCurve", ["key"] = k.ToBase58() }));
            for (var i = 0; i < 10; i++)
            {
                Seeds.Add(Bytes(32));
            }

            requests.AddRange(Seeds.Select(s => new JsonObject { ["op"] = "publicKeyOfSeed", ["seed"] = NodeVectors.Hex(s) }));
            requests.AddRange(Seeds.Select(s => new JsonObject { ["op"] = "sign", ["seed"] = NodeVectors.Hex(s) }));
            for (var i = 0; i < 40; i++)
            {
                PdaSeeds.Add([.. Enumerable.Range(0, 1 + (i % 4)).Select(n => Bytes(n * 10 % 33))]);
                Programs.Add(i % 2 == 0 ? new PublicKey(Bytes(32)) : PublicKey.AssociatedTokenProgram);
            }

            requests.AddRange(PdaSeeds.Select((s, i) => new JsonObject
            {
                ["op"] = "findProgramAddress",
                ["seeds"] = new JsonArray([.. s.Select(x => (JsonNode)NodeVectors.Hex(x))]),
                ["programId"] = Programs[i].ToBase58(),
            }));
            var baseSeed = Bytes(20);
            for (var bump = 255; bump > 235; bump--)
            {
                BumpTrials.Add([baseSeed, [(byte)bump]]);
            }

            requests.AddRange(BumpTrials.Select(s => new JsonObject
            {
                ["op"] = "createProgramAddress",
                ["seeds"] = new JsonArray([.. s.Select(x => (JsonNode)NodeVectors.Hex(x))]),
                ["programId"] = PublicKey.TokenProgram.ToBase58(),
            }));
            for (var i = 0; i < 20; i++)
            {
                var owner = i % 5 == 0 ? PublicKey.FindProgramAddress([Bytes(8)], PublicKey.SystemProgram).Address : Keypair.FromSeed(Bytes(32)).PublicKey;
                AtaCases.Add((owner, i % 3 == 0 ? Usdc.MainnetMint : new PublicKey(Bytes(32)), i % 2 == 0 ? PublicKey.TokenProgram : PublicKey.Token2022Program));
            }

            requests.AddRange(AtaCases.Select(c => new JsonObject
            {
                ["op"] = "ata",
                ["owner"] = c.Owner.ToBase58(),
                ["mint"] = c.Mint.ToBase58(),
                ["programId"] = c.Program.ToBase58(),
            }));

            var results = await NodeVectors.RunAsync(requests);
            for (var i = 0; i < requests.Count; i++)
            {
                var op = requests[i]["op"]!.GetValue<string>();
                if (!Results.TryGetValue(op, out var list))
                {
                    Results[op] = list = [];
                }

                list.Add(results[i]);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private byte[] Bytes(int length)
        {
            var bytes = new byte[length];
            _random.NextBytes(bytes);
            return bytes;
        }
    }
}
