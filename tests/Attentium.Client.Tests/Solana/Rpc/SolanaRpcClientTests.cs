using System.Net;
using System.Text.Json;
using Attentium.Solana;

namespace Attentium.Client.Tests.Solana.Rpc;

public class SolanaRpcClientTests
{
    private static (SolanaRpcClient Client, FakeRpcHandler Handler) Create(Func<System.Text.Json.Nodes.JsonObject, HttpResponseMessage> respond)
    {
        var handler = new FakeRpcHandler(respond);
        var client = new SolanaRpcClient(new SolanaRpcClientOptions { Endpoint = new Uri("http://rpc.test/") }, new HttpClient(handler));
        return (client, handler);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendTransaction_sends_base64_without_node_retries()
    {
        var (client, handler) = Create(_ => FakeRpcHandler.Result("\"5sig\""));
        var signature = await client.SendTransactionAsync(new byte[] { 1, 2, 3 }, new SendTransactionOptions { SkipPreflight = true }, Ct);
        Assert.Equal("5sig", signature);
        var request = handler.Requests.Single();
        Assert.Equal("2.0", request["jsonrpc"]!.GetValue<string>());
        Assert.Equal("sendTransaction", request["method"]!.GetValue<string>());
        Assert.Equal("AQID", request["params"]![0]!.GetValue<string>());
        var config = request["params"]![1]!;
        Assert.Equal("base64", config["encoding"]!.GetValue<string>());
        Assert.True(config["skipPreflight"]!.GetValue<bool>());
        Assert.Equal(0, config["maxRetries"]!.GetValue<int>());
        Assert.Equal("confirmed", config["preflightCommitment"]!.GetValue<string>());
    }

    [Fact]
    public async Task Simulate_asks_for_accounts_in_base64_without_signature_checks()
    {
        var key = Keypair.Generate().PublicKey;
        var (client, handler) = Create(_ => FakeRpcHandler.Result("""
            {"context":{"slot":5},"value":{"err":null,"logs":["Program log: hi"],"unitsConsumed":150,
             "accounts":[{"lamports":7,"owner":"11111111111111111111111111111111","data":["AQI=","base64"],"executable":false,"rentEpoch":18446744073709551615},null]}}
            """));
        var result = await client.SimulateTransactionAsync(new byte[] { 9 }, new SimulateTransactionOptions { ReplaceRecentBlockhash = true, Accounts = [key, key] }, Ct);
        var config = handler.Requests.Single()["params"]![1]!;
        Assert.False(config["sigVerify"]!.GetValue<bool>());
        Assert.True(config["replaceRecentBlockhash"]!.GetValue<bool>());
        Assert.Equal("base64", config["accounts"]!["encoding"]!.GetValue<string>());
        Assert.Equal(key.ToBase58(), config["accounts"]!["addresses"]![0]!.GetValue<string>());
        Assert.Null(result.Error);
        Assert.Equal(["Program log: hi"], result.Logs);
        Assert.Equal(7UL, result.Accounts[0]!.Lamports);
        Assert.Equal(new byte[] { 1, 2 }, result.Accounts[0]!.Data.ToArray());
        Assert.Null(result.Accounts[1]);
        Assert.Equal(150UL, result.UnitsConsumed);
    }

    [Fact]
    public async Task Preflight_failure_becomes_a_typed_exception_with_err_and_logs()
    {
        var (client, _) = Create(_ => FakeRpcHandler.Json("""
            {"jsonrpc":"2.0","id":1,"error":{"code":-32002,"message":"Transaction simulation failed: Error processing Instruction 1: custom program error: 0x1",
             "data":{"err":{"InstructionError":[1,{"Custom":1}]},"logs":["Program log: Error: insufficient funds"],"accounts":null}}}
            """));
        var ex = await Assert.ThrowsAsync<SolanaRpcException>(() => client.SendTransactionAsync(new byte[] { 1 }, null, Ct));
        Assert.Equal(SolanaRpcException.SimulationFailed, ex.Code);
        Assert.Equal("InstructionError", ex.TransactionError!.Name);
        Assert.Equal(1, ex.TransactionError.InstructionIndex);
        Assert.Equal("Custom", ex.TransactionError.InstructionError);
        Assert.Equal(1U, ex.TransactionError.CustomCode);
        Assert.Equal(["Program log: Error: insufficient funds"], ex.Logs);
        Assert.Contains("sendTransaction", ex.Message);
    }

    [Fact]
    public async Task Json_rpc_error_inside_an_http_error_status_is_still_a_json_rpc_exception()
    {
        var (client, _) = Create(_ => FakeRpcHandler.Json("""{"jsonrpc":"2.0","id":1,"error":{"code":-32005,"message":"Node is behind"}}""", HttpStatusCode.ServiceUnavailable));
        var ex = await Assert.ThrowsAsync<SolanaRpcException>(() => client.GetBlockHeightAsync(null, Ct));
        Assert.Equal(-32005, ex.Code);
    }

    [Fact]
    public async Task Http_error_page_becomes_a_transport_exception_with_the_status()
    {
        var (client, _) = Create(_ => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("<html>slow down</html>") });
        var ex = await Assert.ThrowsAsync<SolanaRpcTransportException>(() => client.GetBlockHeightAsync(null, Ct));
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
    }

    [Theory]
    [InlineData("<html>proxy</html>")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"not a number\"}")]
    public async Task Undecodable_success_bodies_become_a_response_exception(string body)
    {
        var (client, _) = Create(_ => FakeRpcHandler.Json(body));
        var ex = await Assert.ThrowsAsync<SolanaRpcResponseException>(() => client.GetBlockHeightAsync(null, Ct));
        Assert.NotNull(ex.RawBody);
    }

    [Fact]
    public async Task A_result_of_the_wrong_shape_is_a_response_exception_not_a_json_exception()
    {
        var (client, _) = Create(_ => FakeRpcHandler.Result("""{"context":{"slot":1},"value":{"blockhash":5,"lastValidBlockHeight":"x"}}"""));
        var ex = await Assert.ThrowsAsync<SolanaRpcResponseException>(() => client.GetLatestBlockhashAsync(null, Ct));
        Assert.IsType<JsonException>(ex.InnerException);
    }

    [Fact]
    public async Task Connection_failure_becomes_a_transport_exception()
    {
        using var client = new SolanaRpcClient(new SolanaRpcClientOptions { Endpoint = new Uri("http://127.0.0.1:1/"), MaxRetries = 0 });
        var ex = await Assert.ThrowsAsync<SolanaRpcTransportException>(() => client.GetBlockHeightAsync(null, Ct));
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task Latest_blockhash_carries_the_last_valid_block_height()
    {
        var (client, handler) = Create(_ => FakeRpcHandler.Result("""{"context":{"slot":321},"value":{"blockhash":"EkSnNWid2cvwEVnVx9aBqawnmiCNiDgp3gUdkDPTKN1N","lastValidBlockHeight":3090}}"""));
        var latest = await client.GetLatestBlockhashAsync(Commitment.Finalized, Ct);
        Assert.Equal(new LatestBlockhash("EkSnNWid2cvwEVnVx9aBqawnmiCNiDgp3gUdkDPTKN1N", 3090, 321), latest);
        Assert.Equal("finalized", handler.Requests.Single()["params"]![0]!["commitment"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_balance_reads_the_amount_string_exactly()
    {
        var (client, _) = Create(_ => FakeRpcHandler.Result("""{"context":{"slot":1},"value":{"amount":"18446744073709551615","decimals":6,"uiAmount":1.8e13,"uiAmountString":"18446744073709.551615"}}"""));
        var balance = await client.GetTokenAccountBalanceAsync(Keypair.Generate().PublicKey, null, Ct);
        Assert.Equal(ulong.MaxValue, balance.Amount);
        Assert.Equal(6, balance.Decimals);
        Assert.Equal(18446744073709.551615m, balance.UiAmount);
    }

    [Fact]
    public async Task Signature_statuses_parse_errors_and_commitment()
    {
        var (client, _) = Create(_ => FakeRpcHandler.Result("""
            {"context":{"slot":9},"value":[{"slot":8,"confirmations":1,"err":null,"confirmationStatus":"confirmed"},null,
             {"slot":7,"confirmations":null,"err":"BlockhashNotFound","confirmationStatus":"finalized"}]}
            """));
        var statuses = await client.GetSignatureStatusesAsync(["a", "b", "c"], Ct);
        Assert.True(statuses[0]!.HasReached(Commitment.Confirmed));
        Assert.False(statuses[0]!.HasReached(Commitment.Finalized));
        Assert.Null(statuses[1]);
        Assert.Equal("BlockhashNotFound", statuses[2]!.Error!.Name);
    }

    [Fact]
    public async Task Missing_account_is_null()
    {
        var (client, _) = Create(_ => FakeRpcHandler.Result("""{"context":{"slot":1},"value":null}"""));
        Assert.Null(await client.GetAccountInfoAsync(Keypair.Generate().PublicKey, null, Ct));
    }

    [Fact]
    public async Task Confirmation_reports_a_landed_error_as_a_typed_failure()
    {
        var (client, _) = Create(r => r["method"]!.GetValue<string>() == "getSignatureStatuses"
            ? FakeRpcHandler.Result("""{"context":{"slot":9},"value":[{"slot":8,"confirmations":0,"err":{"InstructionError":[0,"InvalidAccountData"]},"confirmationStatus":"processed"}]}""")
            : FakeRpcHandler.Result("10"));
        var ex = await Assert.ThrowsAsync<TransactionFailedException>(() => client.ConfirmTransactionAsync("sig", 100, null, null, Ct));
        Assert.Equal("InvalidAccountData", ex.Error.InstructionError);
        Assert.Equal("sig", ex.Signature);
    }

    [Fact]
    public void Endpoint_is_required() =>
        Assert.Throws<ArgumentException>(() => new SolanaRpcClient(new SolanaRpcClientOptions()));
}
