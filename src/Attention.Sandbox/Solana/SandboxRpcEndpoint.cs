using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Nodes;
using Attention.Sandbox.Hosting;
using Attentium.Solana;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Attention.Sandbox.Solana;

/// <summary>
/// The sandbox's Solana JSON-RPC endpoint (<c>POST /solana</c>) over <see cref="SandboxLedger"/>, with the standard
/// request and response shapes and error codes, so the SDK's RPC client talks to it as it would to devnet.
/// </summary>
internal sealed class SandboxRpcEndpoint(SandboxLedger ledger)
{
    public const string Path = "/solana";

    public void Map(IEndpointRouteBuilder routes) => routes.MapPost(Path, HandleAsync);

    private async Task HandleAsync(HttpContext context)
    {
        var request = await SandboxHttp.ReadObjectAsync(context).ConfigureAwait(false);
        var id = request?["id"]?.DeepClone();
        var method = SandboxHttp.GetString(request, "method");
        var parameters = request?["params"] as JsonArray ?? [];
        JsonObject response;
        try
        {
            response = new JsonObject { ["jsonrpc"] = "2.0", ["result"] = Dispatch(method, parameters), ["id"] = id };
        }
        catch (LedgerException ex)
        {
            response = Error(id, ex.Code, ex.Message, new JsonObject
            {
                ["err"] = ex.Error,
                ["logs"] = new JsonArray(ex.Logs.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
            });
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or TransactionFormatException or InvalidOperationException or JsonException)
        {
            response = Error(id, -32602, $"Invalid params: {ex.Message}", null);
        }

        await SandboxHttp.WriteJsonAsync(context, 200, response).ConfigureAwait(false);
    }

    private JsonNode? Dispatch(string? method, JsonArray parameters) => method switch
    {
        "getLatestBlockhash" => Context(LatestBlockhash()),
        "getBlockHeight" => ledger.BlockHeight,
        "getSlot" => ledger.Slot,
        "getBalance" => Context(ledger.GetLamports(Key(parameters, 0))),
        "getTokenAccountBalance" => Context(TokenBalance(Key(parameters, 0))),
        "getAccountInfo" => Context(AccountInfo(Key(parameters, 0), ledger.GetLamports(Key(parameters, 0)), ledger.GetTokenAccount(Key(parameters, 0)))),
        "requestAirdrop" => Airdrop(parameters),
        "sendTransaction" => ledger.Submit(Decode(parameters)),
        "simulateTransaction" => Context(Simulate(parameters)),
        "getSignatureStatuses" => Context(Statuses(parameters)),
        _ => throw new LedgerException(-32601, $"Method not found: {method}", "MethodNotFound"),
    };

    private JsonObject Context(JsonNode? value) => new() { ["context"] = new JsonObject { ["slot"] = ledger.Slot }, ["value"] = value };

    private JsonObject LatestBlockhash()
    {
        var (blockhash, lastValid) = ledger.LatestBlockhash();
        return new JsonObject { ["blockhash"] = blockhash, ["lastValidBlockHeight"] = lastValid };
    }

    private JsonObject? TokenBalance(PublicKey address)
    {
        var account = ledger.GetTokenAccount(address) ?? throw new LedgerException(-32602, "Invalid param: could not find account", "AccountNotFound");
        var ui = account.Amount / 1_000_000m;
        return new JsonObject
        {
            ["amount"] = account.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["decimals"] = 6,
            ["uiAmount"] = (double)ui,
            ["uiAmountString"] = ui.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private JsonNode Airdrop(JsonArray parameters)
    {
        var key = Key(parameters, 0);
        var lamports = parameters[1]!.GetValue<ulong>();
        ledger.Airdrop(key, lamports);
        return Base58.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
    }

    private static Transaction Decode(JsonArray parameters)
    {
        var encoded = parameters[0]!.GetValue<string>();
        var encoding = (parameters.Count > 1 ? parameters[1] as JsonObject : null)?["encoding"]?.GetValue<string>() ?? "base58";
        var bytes = encoding == "base64" ? Convert.FromBase64String(encoded) : Base58.Decode(encoded);
        return Transaction.Deserialize(bytes);
    }

    private JsonObject Simulate(JsonArray parameters)
    {
        var transaction = Decode(parameters);
        var config = parameters.Count > 1 ? parameters[1] as JsonObject : null;
        if (config?["sigVerify"]?.GetValue<bool>() == true && !transaction.VerifySignatures(requireAll: true))
        {
            throw new LedgerException(-32003, "Transaction signature verification failure", "SignatureFailure");
        }

        var (outcome, after) = ledger.Simulate(transaction);
        JsonNode? accounts = null;
        if (config?["accounts"]?["addresses"] is JsonArray addresses)
        {
            var list = new JsonArray();
            foreach (var address in addresses)
            {
                var key = PublicKey.Parse(address!.GetValue<string>());
                var (lamports, token) = after(key);
                list.Add((JsonNode?)AccountInfo(key, lamports, token));
            }

            accounts = list;
        }

        return new JsonObject
        {
            ["err"] = outcome.Error is null ? null : JsonValue.Create(outcome.Error),
            ["logs"] = new JsonArray(outcome.Logs.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
            ["accounts"] = accounts,
            ["unitsConsumed"] = 1500 * Math.Max(1, outcome.Logs.Count / 2),
        };
    }

    private JsonArray Statuses(JsonArray parameters)
    {
        var statuses = new JsonArray();
        foreach (var signature in (JsonArray)parameters[0]!)
        {
            var processed = ledger.GetProcessed(signature!.GetValue<string>());
            statuses.Add((JsonNode?)(processed is null
                ? null
                : new JsonObject
                {
                    ["slot"] = processed.Slot,
                    ["confirmations"] = null,
                    ["err"] = null,
                    ["confirmationStatus"] = "finalized",
                }));
        }

        return statuses;
    }

    /// <summary>An account in the RPC's base64 encoding; token accounts get the 165-byte SPL layout.</summary>
    private static JsonObject? AccountInfo(PublicKey key, ulong lamports, TokenAccount? token)
    {
        if (lamports == 0 && token is null)
        {
            return null;
        }

        byte[] data = [];
        var owner = PublicKey.SystemProgram;
        if (token is not null)
        {
            data = new byte[165];
            token.Mint.AsSpan().CopyTo(data);
            token.Owner.AsSpan().CopyTo(data.AsSpan(32));
            BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(64), token.Amount);
            data[108] = 1; // AccountState::Initialized
            owner = PublicKey.TokenProgram;
        }

        return new JsonObject
        {
            ["lamports"] = lamports,
            ["owner"] = owner.ToBase58(),
            ["data"] = new JsonArray(Convert.ToBase64String(data), "base64"),
            ["executable"] = false,
            ["rentEpoch"] = 0,
            ["space"] = data.Length,
        };
    }

    private static PublicKey Key(JsonArray parameters, int index) => PublicKey.Parse(parameters[index]!.GetValue<string>());

    private static JsonObject Error(JsonNode? id, int code, string message, JsonNode? data) => new()
    {
        ["jsonrpc"] = "2.0",
        ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["data"] = data },
        ["id"] = id,
    };
}
