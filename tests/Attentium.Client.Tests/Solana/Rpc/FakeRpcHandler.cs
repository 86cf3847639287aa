using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Attentium.Client.Tests.Solana.Rpc;

/// <summary>An in-process HTTP handler that records JSON-RPC requests and answers with canned responses.</summary>
internal sealed class FakeRpcHandler(Func<JsonObject, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<JsonObject> Requests { get; } = [];

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Result(string resultJson) => Json($$"""{"jsonrpc":"2.0","id":1,"result":{{resultJson}}}""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
        lock (Requests)
        {
            Requests.Add(body);
        }

        return respond(body);
    }
}
