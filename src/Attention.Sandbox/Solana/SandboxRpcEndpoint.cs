using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Attention.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Attention.Sandbox.Solana;

/// <summary>
/// The sandbox's Solana JSON-RPC endpoint (<c>POST /solana</c>) over <see cref="SandboxRpcMethods"/>: JSON-RPC 2.0 framing as a
/// node answers it (-32700 for a body that is not JSON, -32600 for a request that is not one, batches as JSON arrays), and on
/// the same path the PubSub WebSocket (<see cref="SandboxPubSubEndpoint"/>).
/// </summary>
internal sealed class SandboxRpcEndpoint(SandboxRpcMethods methods)
{
    public const string Path = "/solana";

    private const int ParseError = -32700;
    private const int InvalidRequest = -32600;
    private const int InternalError = -32603;
    private const int MaxBatch = 100;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost(Path, HandleAsync);
        routes.MapGet(Path, new SandboxPubSubEndpoint(methods).HandleAsync);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        JsonNode? request;
        try
        {
            request = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            await SandboxHttp.WriteJsonAsync(context, 200, Error(null, ParseError, "Parse error")).ConfigureAwait(false);
            return;
        }

        JsonNode response = request switch
        {
            JsonArray { Count: 0 } => Error(null, InvalidRequest, "Invalid request"),
            JsonArray { Count: > MaxBatch } => Error(null, InvalidRequest, $"Invalid request: a batch holds at most {MaxBatch} requests"),
            JsonArray batch => new JsonArray([.. batch.Select(Answer)]),
            _ => Answer(request),
        };
        await SandboxHttp.WriteJsonAsync(context, 200, response).ConfigureAwait(false);
    }

    /// <summary>Answers one request object; anything else is an invalid request.</summary>
    public JsonNode Answer(JsonNode? request)
    {
        var id = request?["id"] is { } idNode && request is JsonObject ? idNode.DeepClone() : null;
        if (request is not JsonObject call
            || call["jsonrpc"] is not JsonValue version || !version.TryGetValue<string>(out var v) || v != "2.0"
            || call["method"] is not JsonValue methodNode || !methodNode.TryGetValue<string>(out var method)
            || (call["params"] is { } p && p is not JsonArray)
            || (id is not null && id.GetValueKind() is not (JsonValueKind.Number or JsonValueKind.String)))
        {
            return Error(id, InvalidRequest, "Invalid request");
        }

        try
        {
            var parameters = call["params"] is JsonArray array ? (JsonArray)array.DeepClone() : [];
            return new JsonObject { ["jsonrpc"] = "2.0", ["result"] = methods.Invoke(method, parameters), ["id"] = id };
        }
        catch (LedgerException ex)
        {
            return Error(id, ex.Code, ex.Message, ex.Error is null ? null : new JsonObject
            {
                ["accounts"] = null,
                ["err"] = ex.Error.ToJson(),
                ["logs"] = new JsonArray([.. ex.Logs.Select(l => (JsonNode?)JsonValue.Create(l))]),
                ["returnData"] = null,
                ["unitsConsumed"] = 0,
            });
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or JsonException)
        {
            return Error(id, SandboxRpcMethods.InvalidParams, $"Invalid params: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Hostile input must never become an HTTP 500: a node answers its own failures as JSON-RPC internal errors.
            return Error(id, InternalError, "Internal error");
        }
    }

    public static JsonObject Error(JsonNode? id, int code, string message, JsonNode? data = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (data is not null)
        {
            error["data"] = data;
        }

        return new JsonObject { ["jsonrpc"] = "2.0", ["error"] = error, ["id"] = id };
    }
}
