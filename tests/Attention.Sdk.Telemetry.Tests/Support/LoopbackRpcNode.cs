using System.Net;
using System.Text;
using System.Net.Sockets;

namespace Attention.Sdk.Telemetry.Tests.Support;

/// <summary>
/// A JSON-RPC node on a loopback port answering every call with one result, for clients whose transport cannot be replaced
/// (the RPC client a dependency-injection registration builds itself).
/// </summary>
public sealed class LoopbackRpcNode : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public LoopbackRpcNode(string resultJson)
    {
        Endpoint = new Uri($"http://127.0.0.1:{FreePort()}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        var body = Encoding.UTF8.GetBytes($$"""{"jsonrpc":"2.0","id":1,"result":{{resultJson}}}""");
        _serving = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        });
    }

    public Uri Endpoint { get; }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(10));
    }
}
