using System.Net;
using System.Text;

namespace Attention.Sdk.Telemetry.Tests.Support;

/// <summary>An in-process transport answering from a script, one entry per attempt.</summary>
public sealed class ScriptedTransport : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _script = new();

    public int Attempts { get; private set; }

    public ScriptedTransport Then(HttpStatusCode status, string body = "{}")
    {
        _script.Enqueue(_ => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        return this;
    }

    public ScriptedTransport ThenThrow(Exception exception)
    {
        _script.Enqueue(_ => throw exception);
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Func<HttpRequestMessage, HttpResponseMessage> next;
        lock (_script)
        {
            Attempts++;
            next = _script.Count > 0 ? _script.Dequeue() : throw new InvalidOperationException("The script has no more answers.");
        }

        var response = next(request);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}
