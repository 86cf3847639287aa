using System.Net;
using System.Text;

namespace Attention.Sdk.Core.Tests.Support;

/// <summary>An in-process transport that answers from a script and records what each attempt sent.</summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _script = new();
    private readonly List<SentRequest> _sent = [];

    public IReadOnlyList<SentRequest> Sent
    {
        get { lock (_sent) { return _sent.ToList(); } }
    }

    public ScriptedHandler Then(HttpStatusCode status, string? body = null, string mediaType = "application/json", Action<HttpResponseMessage>? configure = null)
    {
        _script.Enqueue(_ =>
        {
            var response = new HttpResponseMessage(status);
            if (body is not null)
            {
                response.Content = new StringContent(body, Encoding.UTF8, mediaType);
            }

            configure?.Invoke(response);
            return response;
        });
        return this;
    }

    public ScriptedHandler ThenThrow(Exception exception)
    {
        _script.Enqueue(_ => throw exception);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (_sent)
        {
            _sent.Add(new SentRequest(
                request.Method.Method,
                request.RequestUri!,
                request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
                body));
        }

        if (_script.Count == 0)
        {
            throw new InvalidOperationException("The script has no more answers.");
        }

        var response = _script.Dequeue()(request);
        response.RequestMessage = request;
        return response;
    }
}

public sealed record SentRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
