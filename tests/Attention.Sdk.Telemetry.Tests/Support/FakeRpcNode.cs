using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Attention.Sdk.Telemetry.Tests.Support;

/// <summary>An in-process JSON-RPC node: answers each request by its method.</summary>
public sealed class FakeRpcNode(Func<string, JsonArray, string> answer) : HttpMessageHandler
{
    /// <summary>A JSON-RPC success with <paramref name="resultJson"/> as its result.</summary>
    public static string Result(string resultJson) => $$"""{"jsonrpc":"2.0","id":1,"result":{{resultJson}}}""";

    /// <summary>A JSON-RPC error.</summary>
    public static string Error(long code, string message) => $$$"""{"jsonrpc":"2.0","id":1,"error":{"code":{{{code}}},"message":"{{{message}}}"}}""";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
        var json = answer((string)body["method"]!, body["params"]!.AsArray());
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json"), RequestMessage = request };
    }
}
