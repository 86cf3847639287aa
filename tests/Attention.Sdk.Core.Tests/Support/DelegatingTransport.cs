namespace Attention.Sdk.Core.Tests.Support;

/// <summary>An in-process transport that runs a function per attempt (for hanging, throwing or counting transports).</summary>
public sealed class DelegatingTransport(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await send(request, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }
}
