using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json.Nodes;
using Attentium.Solana;

namespace Attention.Sandbox.Solana;

/// <summary>
/// The standard Solana JSON-RPC methods over <see cref="SandboxLedger"/>, with the cluster's result and error shapes:
/// errors as objects (<c>{"InstructionError":[0,{"Custom":1}]}</c>), statuses with <c>status</c> and <c>err</c>,
/// commitments that advance with blocks, <c>skipPreflight</c>, blockhash checks in simulation.
/// </summary>
internal sealed class SandboxRpcMethods(SandboxLedger ledger)
{
    public const int InvalidParams = -32602;
    public const int MethodNotFound = -32601;

    public SandboxLedger Ledger => ledger;

    /// <summary>Runs one method; throws <see cref="LedgerException"/> with the JSON-RPC error to answer.</summary>
    public JsonNode? Invoke(string method, JsonArray parameters) => method switch
    {
        "getLatestBlockhash" => Context(LatestBlockhash()),
        "isBlockhashValid" => Context(ledger.IsBlockhashValid(String(parameters, 0))),
        "getBlockHeight" => ledger.BlockHeightAt(CommitmentOf(Config(parameters, 0))),
        "getSlot" => ledger.BlockHeightAt(CommitmentOf(Config(parameters, 0))),
        "getBalance" => Context(ledger.GetLamports(Key(parameters, 0))),
        "getTokenAccountBalance" => Context(TokenBalance(Key(parameters, 0))),
        "getAccountInfo" => Context(AccountInfo(ledger.GetAccount(Key(parameters, 0)))),
        "getMultipleAccounts" => Context(new JsonArray([.. Keys(parameters, 0).Select(k => (JsonNode?)AccountInfo(ledger.GetAccount(k)))])),
        "getMinimumBalanceForRentExemption" => (ulong)(128 + Number(parameters, 0)) * 6_960,
        "getFeeForMessage" => Context(FeeForMessage(String(parameters, 0))),
        "requestAirdrop" => ledger.Airdrop(Key(parameters, 0), (ulong)Number(parameters, 1)),
        "sendTransaction" => ledger.Submit(Decode(parameters), Config(parameters, 1)?["skipPreflight"] is JsonValue skip && skip.TryGetValue<bool>(out var s) && s),
        "simulateTransaction" => Context(Simulate(parameters)),
        "getSignatureStatuses" => Context(Statuses(parameters)),
        "getVersion" => new JsonObject { ["solana-core"] = "2.2.0", ["feature-set"] = 0 },
        "getHealth" => "ok",
        "getGenesisHash" => "sandbox1111111111111111111111111111111111111",
        _ => throw new LedgerException(MethodNotFound, "Method not found"),
    };

    /// <summary>A transaction's status in the standard shape; null when it never landed.</summary>
    public JsonObject? Status(string signature)
    {
        if (ledger.GetStatus(signature) is not { } found)
        {
            return null;
        }

        var (processed, commitment, confirmations) = found;
        var err = processed.Error?.ToJson();
        return new JsonObject
        {
            ["slot"] = processed.Slot,
            ["confirmations"] = commitment == LedgerCommitment.Finalized ? null : confirmations,
            ["err"] = err,
            ["status"] = err is null ? new JsonObject { ["Ok"] = null } : new JsonObject { ["Err"] = err.DeepClone() },
            ["confirmationStatus"] = Wire(commitment),
        };
    }

    /// <summary>An account in the RPC's base64 encoding; token accounts get the 165-byte SPL layout; null when absent.</summary>
    public static JsonObject? AccountInfo((ulong Lamports, TokenAccount? Token) account)
    {
        var (lamports, token) = account;
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
            ["rentEpoch"] = ulong.MaxValue,
            ["space"] = data.Length,
        };
    }

    public JsonObject Context(JsonNode? value) => new() { ["context"] = new JsonObject { ["apiVersion"] = "2.2.0", ["slot"] = ledger.Slot }, ["value"] = value };

    public static string Wire(LedgerCommitment commitment) => commitment switch
    {
        LedgerCommitment.Processed => "processed",
        LedgerCommitment.Confirmed => "confirmed",
        _ => "finalized",
    };

    /// <summary>The <c>commitment</c> of a config object; a node's default is <c>finalized</c>.</summary>
    public static LedgerCommitment CommitmentOf(JsonObject? config) => (config?["commitment"] as JsonValue)?.TryGetValue<string>(out var text) == true
        ? text switch
        {
            "processed" or "recent" => LedgerCommitment.Processed,
            "confirmed" or "single" or "singleGossip" => LedgerCommitment.Confirmed,
            "finalized" or "max" or "root" => LedgerCommitment.Finalized,
            _ => throw new LedgerException(InvalidParams, $"Invalid params: unknown commitment `{text}`"),
        }
        : LedgerCommitment.Finalized;

    public static JsonObject? Config(JsonArray parameters, int index) => parameters.Count > index
        ? parameters[index] as JsonObject ?? (parameters[index] is null ? null : throw new LedgerException(InvalidParams, "Invalid params: expected a config object"))
        : null;

    public static PublicKey Key(JsonArray parameters, int index)
    {
        var text = String(parameters, index);
        return PublicKey.TryParse(text, out var key) ? key : throw new LedgerException(InvalidParams, "Invalid param: Invalid");
    }

    public static string String(JsonArray parameters, int index) =>
        parameters.Count > index && parameters[index] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new LedgerException(InvalidParams, $"Invalid params: parameter {index} must be a string");

    private static long Number(JsonArray parameters, int index) =>
        parameters.Count > index && parameters[index] is JsonValue value && value.TryGetValue<long>(out var number) && number >= 0
            ? number
            : throw new LedgerException(InvalidParams, $"Invalid params: parameter {index} must be a non-negative integer");

    private static IEnumerable<PublicKey> Keys(JsonArray parameters, int index) =>
        parameters.Count > index && parameters[index] is JsonArray keys
            ? keys.Select(k => k is JsonValue v && v.TryGetValue<string>(out var text) && PublicKey.TryParse(text, out var key) ? key : throw new LedgerException(InvalidParams, "Invalid param: Invalid")).ToList()
            : throw new LedgerException(InvalidParams, $"Invalid params: parameter {index} must be an array of keys");

    private JsonObject LatestBlockhash()
    {
        var (blockhash, lastValid) = ledger.LatestBlockhash();
        return new JsonObject { ["blockhash"] = blockhash, ["lastValidBlockHeight"] = lastValid };
    }

    private JsonObject TokenBalance(PublicKey address)
    {
        var account = ledger.GetTokenAccount(address) ?? throw new LedgerException(InvalidParams, "Invalid param: could not find account");
        var ui = account.Amount / 1_000_000m;
        return new JsonObject
        {
            ["amount"] = account.Amount.ToString(CultureInfo.InvariantCulture),
            ["decimals"] = 6,
            ["uiAmount"] = (double)ui,
            ["uiAmountString"] = ui.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The fee of a message: 5,000 lamports per signature (its header's first count, after the version byte of v0).</summary>
    private static JsonNode? FeeForMessage(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new LedgerException(InvalidParams, "Invalid params: the message is not base64");
        }

        var offset = bytes.Length > 0 && (bytes[0] & 0x80) != 0 ? 1 : 0;
        return bytes.Length > offset ? bytes[offset] * SandboxLedger.FeeLamports : throw new LedgerException(InvalidParams, "Invalid params: the message is empty");
    }

    private static Transaction Decode(JsonArray parameters)
    {
        var encoded = String(parameters, 0);
        var encoding = (Config(parameters, 1)?["encoding"] as JsonValue)?.GetValue<string>() ?? "base58";
        try
        {
            var bytes = encoding switch
            {
                "base64" => Convert.FromBase64String(encoded),
                "base58" => Base58.Decode(encoded),
                _ => throw new LedgerException(InvalidParams, $"Invalid params: unsupported encoding: {encoding}"),
            };
            return Transaction.Deserialize(bytes);
        }
        catch (Exception ex) when (ex is FormatException or TransactionFormatException or ArgumentException)
        {
            throw new LedgerException(InvalidParams, $"Invalid params: failed to deserialize the transaction: {ex.Message}");
        }
    }

    private JsonObject Simulate(JsonArray parameters)
    {
        var transaction = Decode(parameters);
        var config = Config(parameters, 1);
        var sigVerify = config?["sigVerify"] is JsonValue sv && sv.TryGetValue<bool>(out var verify) && verify;
        var replace = config?["replaceRecentBlockhash"] is JsonValue rv && rv.TryGetValue<bool>(out var r) && r;
        if (sigVerify && replace)
        {
            throw new LedgerException(InvalidParams, "Invalid params: sigVerify may not be used with replaceRecentBlockhash");
        }

        if (sigVerify && !transaction.VerifySignatures(requireAll: true))
        {
            throw new LedgerException(-32003, "Transaction signature verification failure");
        }

        var (outcome, after, replacement, lastValid) = ledger.Simulate(transaction, replace);
        JsonNode? accounts = null;
        if (config?["accounts"] is JsonObject accountsConfig)
        {
            if (accountsConfig["encoding"] is JsonValue encoding && encoding.GetValue<string>() is not ("base64" or "base64+zstd"))
            {
                throw new LedgerException(InvalidParams, "Invalid params: only base64 account encoding is supported");
            }

            accounts = new JsonArray([.. Keys(new JsonArray(accountsConfig["addresses"]?.DeepClone()), 0).Select(k => (JsonNode?)AccountInfo(after(k)))]);
        }

        return new JsonObject
        {
            ["err"] = outcome.Error?.ToJson(),
            ["logs"] = new JsonArray([.. outcome.Logs.Select(l => (JsonNode?)JsonValue.Create(l))]),
            ["accounts"] = accounts,
            ["unitsConsumed"] = 1500 * Math.Max(1, outcome.Logs.Count / 2),
            ["returnData"] = null,
            ["replacementBlockhash"] = replacement is null ? null : new JsonObject { ["blockhash"] = replacement, ["lastValidBlockHeight"] = lastValid },
        };
    }

    private JsonArray Statuses(JsonArray parameters)
    {
        if (parameters.Count == 0 || parameters[0] is not JsonArray signatures || signatures.Count > 256)
        {
            throw new LedgerException(InvalidParams, "Invalid params: expected an array of at most 256 signatures");
        }

        return new JsonArray([.. signatures.Select(s => (JsonNode?)(s is JsonValue v && v.TryGetValue<string>(out var text) ? Status(text) : throw new LedgerException(InvalidParams, "Invalid param: Invalid")))]);
    }
}
