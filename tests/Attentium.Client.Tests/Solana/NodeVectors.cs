using System.Text.Json.Nodes;
using Attention.Sdk.Testing.Tools;

namespace Attentium.Client.Tests.Solana;

/// <summary>Runs tests/tools/solana-vectors.mjs once for a batch of requests (one Node process per test class).</summary>
internal static class NodeVectors
{
    public static async Task<JsonNode?[]> RunAsync(IReadOnlyList<JsonObject> requests)
    {
        var input = new JsonObject { ["requests"] = new JsonArray([.. requests.Select(r => (JsonNode)r.DeepClone())]) };
        var script = Path.Combine(TestEnvironment.ToolsDirectory, "solana-vectors.mjs");
        var output = await NodeScript.RunFileAsync(script, [], input.ToJsonString());
        var results = JsonNode.Parse(output)!["results"]!.AsArray();
        return [.. results];
    }

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    public static JsonObject ToJson(Attentium.Solana.TransactionInstruction ix) => new()
    {
        ["programId"] = ix.ProgramId.ToBase58(),
        ["keys"] = new JsonArray([.. ix.Accounts.Select(a => (JsonNode)new JsonObject
        {
            ["pubkey"] = a.PublicKey.ToBase58(),
            ["isSigner"] = a.IsSigner,
            ["isWritable"] = a.IsWritable,
        })]),
        ["data"] = Hex(ix.Data.Span),
    };
}
