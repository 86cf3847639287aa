using System.Text.Json.Nodes;
using Attentium.Solana;

namespace Attentium.Client.Tests.Solana;

/// <summary>Instructions, compiled messages and transactions built by @solana/web3.js and @solana/spl-token for the same inputs.</summary>
public class TransactionVectorTests(TransactionVectorTests.Vectors v) : IClassFixture<TransactionVectorTests.Vectors>
{
    [Fact]
    public void Instruction_builders_match_web3js_and_spl_token()
    {
        var expected = v.Result("builders").AsArray();
        Assert.Equal(v.BuiltInstructions.Count, expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i]!.ToJsonString(), NodeVectors.ToJson(v.BuiltInstructions[i]).ToJsonString());
        }
    }

    [Fact]
    public void Compiled_legacy_message_matches_web3js_byte_for_byte()
    {
        var message = MessageCompiler.CompileLegacy(v.Agent.PublicKey, v.Payment, v.Blockhash);
        Assert.Equal(v.Result("legacyMessage").GetValue<string>(), NodeVectors.Hex(message.Serialize()));
    }

    [Fact]
    public void Compiled_v0_message_matches_web3js_byte_for_byte()
    {
        var message = MessageCompiler.CompileV0(v.Agent.PublicKey, v.Payment, v.Blockhash);
        Assert.Equal(v.Result("v0Message").GetValue<string>(), NodeVectors.Hex(message.Serialize()));
    }

    [Fact]
    public void Compiled_v0_message_with_lookup_tables_matches_web3js_byte_for_byte()
    {
        var message = MessageCompiler.CompileV0(v.Agent.PublicKey, v.Payment, v.Blockhash, v.Tables);
        Assert.NotEmpty(message.AddressTableLookups);
        Assert.Equal(v.Result("v0LookupMessage").GetValue<string>(), NodeVectors.Hex(message.Serialize()));
    }

    [Theory]
    [InlineData("legacy")]
    [InlineData("v0")]
    [InlineData("v0Lookup")]
    public void Fully_signed_transaction_matches_web3js_byte_for_byte(string kind)
    {
        var tx = Transaction.FromMessage(Compile(kind));
        tx.Sign(v.Agent, v.Server);
        Assert.Equal(v.Result(kind + "Signed").GetValue<string>(), NodeVectors.Hex(tx.Serialize()));
    }

    [Theory]
    [InlineData("legacy")]
    [InlineData("v0")]
    [InlineData("v0Lookup")]
    public void Decode_then_encode_of_a_web3js_partially_signed_transaction_is_byte_identical(string kind)
    {
        var bytes = Convert.FromHexString(v.Result(kind + "Partial").GetValue<string>());
        var tx = Transaction.Deserialize(bytes);
        Assert.Equal(bytes, tx.Serialize());
        Assert.Equal([v.Agent.PublicKey], tx.MissingSigners);
        Assert.True(tx.IsSignedBy(v.Server.PublicKey));
    }

    [Theory]
    [InlineData("legacy")]
    [InlineData("v0")]
    [InlineData("v0Lookup")]
    public async Task Signing_our_slot_of_a_web3js_transaction_keeps_its_signature_and_verifies(string kind)
    {
        var tx = Transaction.Deserialize(Convert.FromHexString(v.Result(kind + "Partial").GetValue<string>()));
        await tx.SignAsync(v.Agent, TestContext.Current.CancellationToken);
        Assert.True(tx.VerifySignatures());
        Assert.Equal(v.Result(kind + "Signed").GetValue<string>(), NodeVectors.Hex(tx.Serialize()));
    }

    [Fact]
    public void Decoded_web3js_v0_transaction_resolves_lookup_keys_back_to_the_instructions()
    {
        var tx = Transaction.Deserialize(Convert.FromHexString(v.Result("v0LookupPartial").GetValue<string>()));
        var decompiled = tx.Message.DecompileInstructions(tx.Message.ResolveLoadedAddresses(v.Tables));
        Assert.Equal(v.Payment.Count, decompiled.Count);
        for (var i = 0; i < decompiled.Count; i++)
        {
            Assert.Equal(v.Payment[i].ProgramId, decompiled[i].ProgramId);
            Assert.Equal(v.Payment[i].Data.ToArray(), decompiled[i].Data.ToArray());
            Assert.Equal(v.Payment[i].Accounts.Select(a => a.PublicKey), decompiled[i].Accounts.Select(a => a.PublicKey));
        }
    }

    private Message Compile(string kind) => kind switch
    {
        "legacy" => MessageCompiler.CompileLegacy(v.Agent.PublicKey, v.Payment, v.Blockhash),
        "v0" => MessageCompiler.CompileV0(v.Agent.PublicKey, v.Payment, v.Blockhash),
        _ => MessageCompiler.CompileV0(v.Agent.PublicKey, v.Payment, v.Blockhash, v.Tables),
    };

    public sealed class Vectors : IAsyncLifetime
    {
        private readonly Dictionary<string, JsonNode> _results = [];
        private readonly Random _random = new(1232);

        public Keypair Agent { get; private set; } = null!;

        public Keypair Server { get; private set; } = null!;

        public string Blockhash { get; private set; } = null!;

        public List<TransactionInstruction> Payment { get; } = [];

        public List<TransactionInstruction> BuiltInstructions { get; } = [];

        public List<AddressLookupTableAccount> Tables { get; } = [];

        public JsonNode Result(string name) => _results[name];

        public async ValueTask InitializeAsync()
        {
            Agent = Keypair.FromSeed(Bytes(32));
            Server = Keypair.FromSeed(Bytes(32));
            Blockhash = Base58.Encode(Bytes(32));
            var recipient = Keypair.FromSeed(Bytes(32)).PublicKey;
            var escrow = PublicKey.FindProgramAddress(["escrow"u8.ToArray()], PublicKey.MemoProgram).Address;
            var mint = new PublicKey(Bytes(32));
            var agentAta = PublicKey.GetAssociatedTokenAddress(Agent.PublicKey, mint);
            var escrowAta = PublicKey.GetAssociatedTokenAddress(escrow, mint);
            var mint2022 = new PublicKey(Bytes(32));

            var builderRequests = new JsonArray();
            void Built(TransactionInstruction ix, JsonObject request)
            {
                BuiltInstructions.Add(ix);
                builderRequests.Add(request);
            }

            Built(ComputeBudgetInstructions.SetComputeUnitLimit(200_000), new() { ["type"] = "cuLimit", ["units"] = 200_000 });
            Built(ComputeBudgetInstructions.SetComputeUnitPrice(12_345), new() { ["type"] = "cuPrice", ["microLamports"] = "12345" });
            Built(SystemInstructions.Transfer(Agent.PublicKey, recipient, 5_000_000_000), new() { ["type"] = "systemTransfer", ["from"] = Agent.PublicKey.ToBase58(), ["to"] = recipient.ToBase58(), ["lamports"] = "5000000000" });
            Built(AssociatedTokenInstructions.CreateIdempotent(Agent.PublicKey, escrow, mint), new() { ["type"] = "createAtaIdempotent", ["payer"] = Agent.PublicKey.ToBase58(), ["owner"] = escrow.ToBase58(), ["mint"] = mint.ToBase58(), ["programId"] = PublicKey.TokenProgram.ToBase58() });
            Built(AssociatedTokenInstructions.CreateIdempotent(Agent.PublicKey, recipient, mint2022, PublicKey.Token2022Program), new() { ["type"] = "createAtaIdempotent", ["payer"] = Agent.PublicKey.ToBase58(), ["owner"] = recipient.ToBase58(), ["mint"] = mint2022.ToBase58(), ["programId"] = PublicKey.Token2022Program.ToBase58() });
            Built(TokenInstructions.TransferChecked(agentAta, mint, escrowAta, Agent.PublicKey, 1_234_567, 6), new() { ["type"] = "transferChecked", ["source"] = agentAta.ToBase58(), ["mint"] = mint.ToBase58(), ["destination"] = escrowAta.ToBase58(), ["owner"] = Agent.PublicKey.ToBase58(), ["amount"] = "1234567", ["decimals"] = 6, ["programId"] = PublicKey.TokenProgram.ToBase58() });
            Built(TokenInstructions.Transfer(agentAta, escrowAta, Agent.PublicKey, ulong.MaxValue, PublicKey.Token2022Program), new() { ["type"] = "transfer", ["source"] = agentAta.ToBase58(), ["destination"] = escrowAta.ToBase58(), ["owner"] = Agent.PublicKey.ToBase58(), ["amount"] = ulong.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), ["programId"] = PublicKey.Token2022Program.ToBase58() });

            Payment.AddRange(
            [
                ComputeBudgetInstructions.SetComputeUnitLimit(200_000),
                ComputeBudgetInstructions.SetComputeUnitPrice(12_345),
                SystemInstructions.Transfer(Agent.PublicKey, recipient, 5000),
                AssociatedTokenInstructions.CreateIdempotent(Agent.PublicKey, escrow, mint),
                TokenInstructions.TransferChecked(agentAta, mint, escrowAta, Agent.PublicKey, 1_234_567, 6),
                MemoInstructions.Memo("campaign-" + new string('x', 150)),
                MemoInstructions.Memo("server co-signs", Server.PublicKey),
            ]);
            Tables.Add(new AddressLookupTableAccount(new PublicKey(Bytes(32)), [new PublicKey(Bytes(32)), escrowAta, PublicKey.SystemProgram, recipient]));
            Tables.Add(new AddressLookupTableAccount(new PublicKey(Bytes(32)), [mint, escrow, PublicKey.TokenProgram]));

            var instructions = new JsonArray([.. Payment.Select(ix => (JsonNode)NodeVectors.ToJson(ix))]);
            var tables = new JsonArray([.. Tables.Select(t => (JsonNode)new JsonObject
            {
                ["key"] = t.Key.ToBase58(),
                ["addresses"] = new JsonArray([.. t.Addresses.Select(a => (JsonNode)a.ToBase58())]),
            })]);
            JsonObject Compile(string op, string version, bool lookups, params Keypair[] signers)
            {
                var request = new JsonObject
                {
                    ["op"] = op,
                    ["version"] = version,
                    ["payer"] = Agent.PublicKey.ToBase58(),
                    ["blockhash"] = Blockhash,
                    ["instructions"] = instructions.DeepClone(),
                    ["signerSeeds"] = new JsonArray([.. signers.Select(s => (JsonNode)NodeVectors.Hex(s.ExportSecretKey()[..32]))]),
                };
                if (lookups)
                {
                    request["lookupTables"] = tables.DeepClone();
                }

                return request;
            }

            var named = new List<(string Name, JsonObject Request)>
            {
                ("builders", new JsonObject { ["op"] = "instructions", ["builders"] = builderRequests }),
                ("legacyMessage", Compile("message", "legacy", false)),
                ("v0Message", Compile("message", "v0", false)),
                ("v0LookupMessage", Compile("message", "v0", true)),
                ("legacySigned", Compile("signedTransaction", "legacy", false, Agent, Server)),
                ("v0Signed", Compile("signedTransaction", "v0", false, Agent, Server)),
                ("v0LookupSigned", Compile("signedTransaction", "v0", true, Agent, Server)),
                ("legacyPartial", Compile("signedTransaction", "legacy", false, Server)),
                ("v0Partial", Compile("signedTransaction", "v0", false, Server)),
                ("v0LookupPartial", Compile("signedTransaction", "v0", true, Server)),
            };
            var results = await NodeVectors.RunAsync([.. named.Select(n => n.Request)]);
            for (var i = 0; i < named.Count; i++)
            {
                _results[named[i].Name] = results[i]!;
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
