using System.Text.Json.Nodes;
using Attention.Sdk.Testing.Tools;

namespace Attention.Sandbox.Tests;

/// <summary>
/// The sandbox's Solana JSON-RPC and PubSub WebSocket driven by @solana/web3.js (tests/tools/sandbox-rpc-standard.mjs), as a
/// customer's test in another language would use them: if web3.js confirms, parses and reports errors as against a real node,
/// the endpoint speaks the standard protocol.
/// </summary>
public sealed class SandboxSolanaRpcWeb3Tests(SandboxSolanaRpcWeb3Tests.Web3Report fixture) : IClassFixture<SandboxSolanaRpcWeb3Tests.Web3Report>
{
    private readonly JsonObject _report = fixture.Report;

    /// <summary>Starts a sandbox and runs the web3.js script against it once for the class.</summary>
    public sealed class Web3Report : IAsyncLifetime
    {
        public JsonObject Report { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            var ct = TestContext.Current.CancellationToken;
            await using var sandbox = await AttentionSandbox.StartAsync(cancellationToken: ct);
            var input = new JsonObject { ["rpc"] = sandbox.SolanaRpcAddress.ToString(), ["ws"] = sandbox.SolanaWebSocketAddress.ToString() };
            var output = await NodeScript.RunFileAsync(Path.Combine(TestEnvironment.ToolsDirectory, "sandbox-rpc-standard.mjs"), [], input.ToJsonString(), ct);
            Report = JsonNode.Parse(output)!.AsObject();
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact]
    public void Web3js_sendAndConfirmTransaction_confirms_through_signatureSubscribe_and_accountSubscribe_notifies()
    {
        Assert.Null(_report["airdropErr"]);
        Assert.False(string.IsNullOrEmpty((string?)_report["sendAndConfirmSignature"]));
        Assert.Equal(1_000_000, (long)_report["accountNotificationLamports"]!);
    }

    [Fact]
    public void Signature_status_has_status_and_err_and_advances_from_confirmed_to_finalized()
    {
        Assert.Contains((string?)_report["statusAfterConfirm"], new[] { "confirmed", "finalized" });
        Assert.Null(_report["statusErr"]);
        Assert.Equal("finalized", (string?)_report["statusLater"]);
        Assert.Null(_report["statusLaterConfirmations"]);
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["Ok"] = null }, _report["rawStatusField"]));
    }

    [Fact]
    public void Resending_a_processed_transaction_answers_AlreadyProcessed()
    {
        Assert.Contains("already been processed", (string?)_report["resend"], StringComparison.Ordinal);
    }

    [Fact]
    public void Simulation_checks_the_blockhash_unless_replaced_and_returns_post_state()
    {
        Assert.Null(_report["simulationErr"]);
        Assert.Equal(6_000_000, (long)_report["simulationDestinationLamports"]!);
        Assert.Equal("BlockhashNotFound", (string?)_report["staleSimulationErr"]);
        Assert.Null(_report["replacedSimulationErr"]);
        Assert.False(string.IsNullOrEmpty((string?)_report["replacementBlockhash"]));
    }

    [Fact]
    public void Preflight_failure_carries_the_transaction_error_as_an_object()
    {
        var error = _report["preflightError"]!;
        Assert.Equal(-32002, (int)error["code"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"InstructionError":[0,{"Custom":1}]}"""), error["data"]!["err"]));
    }

    [Fact]
    public void SkipPreflight_lets_a_failing_transaction_land_with_its_error_and_fee()
    {
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"InstructionError":[0,{"Custom":1}]}"""), _report["skipPreflightErr"]));
        Assert.Equal(5_000, (long)_report["skipPreflightFee"]!);
    }

    [Fact]
    public void Framing_errors_are_parse_error_and_invalid_request_and_batches_answer_each_call()
    {
        Assert.Equal(-32700, (int)_report["parseError"]!);
        Assert.Equal(-32600, (int)_report["invalidRequest"]!);
        Assert.Equal([6, 7, 8], _report["batchIds"]!.AsArray().Select(id => (int)id!).ToArray());
        Assert.True((long)_report["batchFinalizedLag"]! > 0);
        Assert.Equal(-32601, (int)_report["batchUnknownMethod"]!);
    }
}
