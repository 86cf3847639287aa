using System.Text.Json;
using System.Text.Json.Serialization;

namespace Attentium.Solana;

internal sealed class RpcBlockhashDto
{
    [JsonPropertyName("blockhash")]
    public string? Blockhash { get; set; }

    [JsonPropertyName("lastValidBlockHeight")]
    public ulong LastValidBlockHeight { get; set; }
}

internal sealed class RpcAccountDto
{
    [JsonPropertyName("lamports")]
    public ulong Lamports { get; set; }

    [JsonPropertyName("owner")]
    public string? Owner { get; set; }

    [JsonPropertyName("data")]
    public JsonElement Data { get; set; }

    [JsonPropertyName("executable")]
    public bool Executable { get; set; }
}

internal sealed class RpcTokenAmountDto
{
    [JsonPropertyName("amount")]
    public string? Amount { get; set; }

    [JsonPropertyName("decimals")]
    public byte Decimals { get; set; }

    [JsonPropertyName("uiAmountString")]
    public string? UiAmountString { get; set; }
}

internal sealed class RpcSignatureStatusDto
{
    [JsonPropertyName("slot")]
    public ulong Slot { get; set; }

    [JsonPropertyName("confirmations")]
    public ulong? Confirmations { get; set; }

    [JsonPropertyName("err")]
    public JsonElement Err { get; set; }

    [JsonPropertyName("confirmationStatus")]
    public string? ConfirmationStatus { get; set; }
}

internal sealed class RpcSimulationDto
{
    [JsonPropertyName("err")]
    public JsonElement Err { get; set; }

    [JsonPropertyName("logs")]
    public List<string>? Logs { get; set; }

    [JsonPropertyName("accounts")]
    public List<RpcAccountDto?>? Accounts { get; set; }

    [JsonPropertyName("unitsConsumed")]
    public ulong? UnitsConsumed { get; set; }
}

/// <summary>Source-generated (reflection-free, trimming and AOT safe) JSON metadata for RPC results.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(RpcBlockhashDto))]
[JsonSerializable(typeof(RpcAccountDto))]
[JsonSerializable(typeof(RpcTokenAmountDto))]
[JsonSerializable(typeof(List<RpcSignatureStatusDto?>))]
[JsonSerializable(typeof(RpcSimulationDto))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class SolanaRpcJsonContext : JsonSerializerContext
{
}
