using System.Net;
using System.Text;

namespace Attention.Sdk.Redis.Tests.Support;

/// <summary>The HTTP transport under test clients: answers every request with one status and counts the attempts.</summary>
public sealed class StatusHandler(HttpStatusCode status) : HttpMessageHandler
{
    private int _attempts;

    /// <summary>How many requests reached the wire.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent("{}", Encoding.UTF8, "application/json") });
    }
}
