using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Attentium.Solana;

namespace Attention.Sandbox.Tests;

/// <summary>
/// The sandbox's Solana JSON-RPC and PubSub endpoints on the wire (raw HTTP and WebSocket), and the SDK's RPC client against
/// them: standard error and status shapes, AlreadyProcessed on a resend, subscriptions that notify and unsubscribe.
/// </summary>
public sealed class SandboxSolanaRpcTests : AttentiumSandboxTestBase
{
    [Fact]
    public async Task Resend_of_a_landed_transaction_is_AlreadyProcessed_on_the_wire_and_its_signature_to_the_sdk()
    {
        var payer = FundedAgent();
        var bytes = await TransferAsync(payer, 1_000);
        var signature = await Client.SolanaRpc.SendTransactionAsync(bytes, cancellationToken: Ct);

        var raw = await RpcAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "sendTransaction", ["params"] = new JsonArray(Convert.ToBase64String(bytes), new JsonObject { ["encoding"] = "base64" }) });
        var again = await Client.SolanaRpc.SendTransactionAsync(bytes, cancellationToken: Ct);

        Assert.Equal(-32002, (int)raw["error"]!["code"]!);
        Assert.Equal("AlreadyProcessed", (string?)raw["error"]!["data"]!["err"]);
        Assert.Equal(signature, again);
    }

    [Fact]
    public async Task Status_of_a_landed_transaction_carries_status_ok_and_a_null_err()
    {
        var payer = FundedAgent();
        var signature = await Client.SolanaRpc.SendTransactionAsync(await TransferAsync(payer, 1_000), cancellationToken: Ct);

        var raw = await RpcAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "getSignatureStatuses", ["params"] = new JsonArray(new JsonArray(signature)) });

        var status = raw["result"]!["value"]![0]!.AsObject();
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["Ok"] = null }, status["status"]));
        Assert.True(status.ContainsKey("err"));
        Assert.Null(status["err"]);
    }

    [Fact]
    public async Task Request_without_a_method_is_an_invalid_request_and_an_empty_batch_too()
    {
        var missing = await RpcAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 3 });
        var empty = await RpcAsync(new JsonArray());

        Assert.Equal((-32600, 3), ((int)missing["error"]!["code"]!, (int)missing["id"]!));
        Assert.Equal(-32600, (int)empty["error"]!["code"]!);
    }

    [Fact]
    public async Task Undecodable_transaction_is_invalid_params_not_a_server_error()
    {
        var garbage = await RpcAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 4, ["method"] = "sendTransaction", ["params"] = new JsonArray("AAAA", new JsonObject { ["encoding"] = "base64" }) });
        var unsigned = await RpcAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 5, ["method"] = "simulateTransaction", ["params"] = new JsonArray(12) });

        Assert.Equal(-32602, (int)garbage["error"]!["code"]!);
        Assert.Equal(-32602, (int)unsigned["error"]!["code"]!);
    }

    [Fact]
    public async Task Signature_subscription_notifies_once_confirmed_and_slot_subscription_unsubscribes()
    {
        var payer = FundedAgent();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(Sandbox.SolanaWebSocketAddress, Ct);
        var bytes = await TransferAsync(payer, 1_000);
        var signature = Base58.Encode(Transaction.Deserialize(bytes).GetSignature(0));

        await SendAsync(socket, new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "signatureSubscribe", ["params"] = new JsonArray(signature, new JsonObject { ["commitment"] = "confirmed" }) });
        var subscribed = await ReceiveAsync(socket);
        await Client.SolanaRpc.SendTransactionAsync(bytes, cancellationToken: Ct);
        var notification = await ReceiveAsync(socket);
        await SendAsync(socket, new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 2, ["method"] = "slotSubscribe" });
        var slot = await ReceiveAsync(socket);
        await SendAsync(socket, new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 3, ["method"] = "slotUnsubscribe", ["params"] = new JsonArray((long)slot["result"]!) });
        var unsubscribed = await ReceiveUntilAsync(socket, m => (int?)m["id"] == 3);

        Assert.Equal("signatureNotification", (string?)notification["method"]);
        Assert.Equal((long)subscribed["result"]!, (long)notification["params"]!["subscription"]!);
        Assert.Null(notification["params"]!["result"]!["value"]!["err"]);
        Assert.True((bool)unsubscribed["result"]!);
    }

    [Fact]
    public async Task Disposing_the_sandbox_closes_open_subscriptions_instead_of_waiting_for_the_client()
    {
        var sandbox = await AttentionSandbox.StartAsync(cancellationToken: Ct);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(sandbox.SolanaWebSocketAddress, Ct);
        await SendAsync(socket, new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "slotSubscribe" });
        await ReceiveAsync(socket);

        // Generous: the host's own shutdown timeout (30 s) is what an open socket would otherwise cost.
        await sandbox.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15), Ct);
    }

    private async Task<byte[]> TransferAsync(Keypair payer, ulong lamports)
    {
        var blockhash = await Client.SolanaRpc.GetLatestBlockhashAsync(cancellationToken: Ct);
        var transaction = Transaction.FromMessage(MessageCompiler.CompileLegacy(payer.PublicKey, [SystemInstructions.Transfer(payer.PublicKey, Keypair.Generate().PublicKey, lamports)], blockhash.Blockhash));
        await transaction.SignAsync(payer, Ct);
        return transaction.Serialize();
    }

    private async Task<JsonNode> RpcAsync(JsonNode request)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(Sandbox.SolanaRpcAddress, new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"), Ct);
        return (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
    }

    private static Task SendAsync(ClientWebSocket socket, JsonObject message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, Ct);

    private static async Task<JsonNode> ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[16 * 1024];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var received = await socket.ReceiveAsync(buffer, timeout.Token);
        return JsonNode.Parse(buffer.AsSpan(0, received.Count))!;
    }

    private static async Task<JsonNode> ReceiveUntilAsync(ClientWebSocket socket, Func<JsonNode, bool> match)
    {
        while (true)
        {
            var message = await ReceiveAsync(socket);
            if (match(message))
            {
                return message;
            }
        }
    }
}
