using System.Net;
using System.Net.Sockets;

namespace Attention.Sdk.Testing.WireMock;

/// <summary>Picks a free loopback port by binding port 0 and releasing it (the caller retries if someone takes it meanwhile).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
