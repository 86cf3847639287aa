using System.Net;
using System.Text;

namespace Attention.Sdk.Redis.Tests.Support;

/// <summary>The HTTP transport under test clients: answers every request 200 <c>{}</c> and records what was sent.</summary>
public sealed class CountingHandler : HttpMessageHandler
{
    private readonly List<HttpRequestMessage> _requests = [];

    /// <summary>The requests that reached the wire.</summary>
    public IReadOnlyList<HttpRequestMessage> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_requests)
        {
            _requests.Add(request);
        }

        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8, "application/json") });
    }
}
