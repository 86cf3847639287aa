using System.Text.Json.Nodes;
using Attention.Sdk.Testing.Localnet;
using Attention.Sdk.Testing.Tools;
using Attentium.Solana;

namespace Attentium.Client.Tests.Solana.Inspection;

/// <summary>
/// The hostile corpus (tests/tools/hostile-corpus.mjs): transactions a hostile server builds with @solana/web3.js and
/// @solana/spl-token, legacy and v0, each with its own fresh agent. Each is inspected as the SDK would before signing; each that
/// can execute is then signed anyway and run on the LiteSVM localnet, to show where the funds would really have gone.
/// </summary>
public class HostileCorpusTests(LocalnetServer localnet)
{
    /// <summary>Every case of the corpus, by name (a test checks the list is complete).</summary>
    public static readonly TheoryData<string> Cases = new(
        "honest-memo-flow-payment-legacy",
        "honest-escrow-vault-deposit-v0",
        "honest-refund-co-signed",
        "right-amount-and-memo-to-attacker",
        "attacker-transfer-beside-an-escrow-instruction",
        "attacker-transfer-inside-an-opaque-escrow-instruction",
        "another-agents-escrow-vault",
        "unchecked-transfer-to-attacker",
        "transfer-with-trailing-bytes-to-attacker",
        "split-payment-half-to-attacker",
        "agent-pays-rent-for-attacker-account",
        "inflated-invoice-to-treasury",
        "two-transfers-above-the-invoice",
        "unit-price-with-a-trailing-byte",
        "unit-price-u64-max",
        "unit-price-set-twice",
        "compute-budget-unknown-tag",
        "durable-nonce-owned-by-the-server",
        "durable-nonce-not-first",
        "sol-transfer-to-attacker",
        "sol-via-create-account",
        "assign-the-agent-to-the-token-program",
        "allocate-data-on-the-agent",
        "approve-attacker-beside-the-payment",
        "set-owner-of-the-agents-usdc-account",
        "close-an-agent-token-account-to-the-attacker",
        "lookup-table-substitutes-the-destination",
        "lookup-table-hides-the-agents-usdc-account",
        "lookup-table-that-does-not-exist",
        "duplicate-account-keys",
        "server-pays-the-fee-agent-signs-second",
        "destination-marked-read-only",
        "token-2022-transfer",
        "another-mint-with-usdc-decimals",
        "usdc-with-wrong-decimals",
        "unknown-program-with-the-agent-as-signer",
        "extra-memo-with-other-text",
        "memo-v1-for-another-campaign",
        "no-memo",
        "refund-sent-elsewhere",
        "refund-short-of-the-stated-amount",
        "refund-with-approve-for-attacker",
        "refund-with-opaque-set-authority",
        "refund-with-opaque-approve",
        "refund-that-takes-sol",
        "claim-that-assigns-the-agent");

    private static readonly SemaphoreSlim s_gate = new(1, 1);
    private static JsonNode? s_corpus;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_corpus_has_at_least_thirty_cases_and_every_one_is_tested()
    {
        var corpus = await CorpusAsync();
        var names = corpus["cases"]!.AsArray().Select(c => (string)c!["name"]!).ToList();
        Assert.True(names.Count >= 30, $"only {names.Count} cases");
        Assert.Equal(names, Cases.Select(c => c.Data));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_is_judged_as_expected_and_its_real_effect_is_shown(string name)
    {
        var corpus = await CorpusAsync();
        var c = corpus["cases"]!.AsArray().Single(x => (string)x!["name"]! == name)!;
        await SetUpAsync(c);
        using var rpc = new SolanaRpcClient(new SolanaRpcClientOptions { Endpoint = localnet.RpcUri });
        var agent = Keypair.FromBase58((string)c["agentSecret"]!);
        var tx = await StampAsync(Transaction.FromBase64((string)c["transaction"]!));
        var extraSigners = c["extraSigners"]!.AsArray().Select(s => Keypair.FromBase58((string)s!)).ToList();
        foreach (var signer in extraSigners)
        {
            tx.Sign(signer);
        }

        var inspector = new TransactionInspector(
            new TransactionInspectionOptions
            {
                UsdcMint = PublicKey.Parse((string)corpus["usdcMint"]!),
                Treasury = PublicKey.Parse((string)c["treasury"]!),
                EscrowProgramId = (bool)c["escrowIsToken"]! ? PublicKey.TokenProgram : PublicKey.Parse((string)corpus["escrowProgram"]!),
            },
            rpc);
        var policy = (string)c["flow"]! == "refund"
            ? InspectionPolicy.RefundOrClaim(ulong.Parse((string)c["statedAmount"]!, System.Globalization.CultureInfo.InvariantCulture))
            : InspectionPolicy.CampaignPayment((string)corpus["campaignId"]!, ulong.Parse((string)corpus["invoice"]!, System.Globalization.CultureInfo.InvariantCulture));

        var expected = (string)c["expect"]!;
        if (expected == "Accepted")
        {
            var report = await inspector.InspectAndSignAsync(tx, agent, policy, Ct);
            Assert.True(report.Inspected);
            Assert.True(tx.IsSignedBy(agent.PublicKey));
        }
        else
        {
            var error = await Assert.ThrowsAsync<TransactionRejectedException>(() => inspector.InspectAndSignAsync(tx, agent, policy, Ct));
            Assert.Equal(expected, error.Reason.ToString());
            Assert.False(tx.IsSignedBy(agent.PublicKey));
        }

        if ((bool)c["execute"]!)
        {
            await ShowRealEffectAsync(rpc, c, tx, agent);
        }
    }

    /// <summary>Signs what the inspector refused anyway, runs it, and checks the effect the case names (the money's real destination).</summary>
    private async Task ShowRealEffectAsync(SolanaRpcClient rpc, JsonNode c, Transaction tx, Keypair agent)
    {
        var effect = c["effect"]!;
        var account = PublicKey.Parse((string)effect["account"]!);
        var kind = (string)effect["kind"]!;
        var before = kind switch
        {
            "tokenGain" => (await rpc.GetTokenAccountBalanceAsync(account, null, Ct)).Amount,
            "lamportsGain" => await rpc.GetBalanceAsync(account, null, Ct),
            _ => 0UL,
        };
        if (!tx.IsSignedBy(agent.PublicKey))
        {
            tx.Sign(agent);
        }

        var signature = await rpc.SendTransactionAsync(tx, null, Ct);
        var status = (await rpc.GetSignatureStatusesAsync([signature], Ct))[0];
        Assert.NotNull(status);
        Assert.Null(status.Error);
        var info = await rpc.GetAccountInfoAsync(account, null, Ct);
        switch (kind)
        {
            case "tokenGain":
                Assert.Equal(ulong.Parse((string)effect["amount"]!, System.Globalization.CultureInfo.InvariantCulture), (await rpc.GetTokenAccountBalanceAsync(account, null, Ct)).Amount - before);
                break;
            case "lamportsGain":
                Assert.Equal(ulong.Parse((string)effect["amount"]!, System.Globalization.CultureInfo.InvariantCulture), await rpc.GetBalanceAsync(account, null, Ct) - before);
                break;
            case "accountOwner":
                Assert.Equal((string)effect["owner"]!, info!.Owner.ToBase58());
                break;
            case "tokenOwner":
                Assert.Equal((string)effect["owner"]!, new PublicKey(info!.Data.Span[32..64]).ToBase58());
                break;
            case "tokenDelegate":
                Assert.Equal(1, info!.Data.Span[72]);
                Assert.Equal((string)effect["delegate"]!, new PublicKey(info.Data.Span[76..108]).ToBase58());
                break;
            case "missing":
                Assert.Null(info);
                break;
            default:
                Assert.Fail($"unknown effect {kind}");
                break;
        }
    }

    private async Task<JsonNode> CorpusAsync()
    {
        await s_gate.WaitAsync(Ct);
        try
        {
            if (s_corpus is null)
            {
                var corpus = JsonNode.Parse(await NodeScript.RunFileAsync(Path.Combine(TestEnvironment.ToolsDirectory, "hostile-corpus.mjs"), [], "{}", Ct))!;
                await CreateMintAsync((string)corpus["usdcMint"]!, null);
                await CreateMintAsync((string)corpus["otherMint"]!, null);
                await CreateMintAsync((string)corpus["token2022Mint"]!, PublicKey.Token2022Program.ToBase58());
                s_corpus = corpus;
            }

            return s_corpus;
        }
        finally
        {
            s_gate.Release();
        }
    }

    private Task CreateMintAsync(string address, string? tokenProgram)
    {
        var options = new JsonObject { ["address"] = address, ["decimals"] = 6 };
        if (tokenProgram is not null)
        {
            options["tokenProgram"] = tokenProgram;
        }

        return localnet.CallAsync("localnet_createMint", [options], Ct);
    }

    private async Task SetUpAsync(JsonNode c)
    {
        foreach (var step in c["setup"]!.AsArray())
        {
            switch ((string)step!["op"]!)
            {
                case "airdrop":
                    await localnet.AirdropAsync((string)step["address"]!, ulong.Parse((string)step["lamports"]!, System.Globalization.CultureInfo.InvariantCulture), Ct);
                    break;
                case "token":
                    await localnet.SetTokenAccountAsync((string)step["owner"]!, (string)step["mint"]!, ulong.Parse((string)step["amount"]!, System.Globalization.CultureInfo.InvariantCulture), cancellationToken: Ct);
                    break;
                case "lookupTable":
                    await localnet.CallAsync("localnet_createLookupTable", [step["addresses"]!.DeepClone(), new JsonObject { ["address"] = (string)step["address"]! }], Ct);
                    break;
                default:
                    Assert.Fail($"unknown setup step {step["op"]}");
                    break;
            }
        }
    }

    /// <summary>The corpus carries a placeholder blockhash; the localnet's current one is put in before anything signs.</summary>
    private async Task<Transaction> StampAsync(Transaction built)
    {
        var (blockhash, _) = await localnet.GetLatestBlockhashAsync(Ct);
        var m = built.Message;
        return Transaction.FromMessage(new Message(m.Version, m.Header, m.StaticAccountKeys, Base58.Decode(blockhash), m.Instructions, m.AddressTableLookups));
    }
}
