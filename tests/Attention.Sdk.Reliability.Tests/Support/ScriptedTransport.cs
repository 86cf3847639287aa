using System.Collections.Concurrent;

namespace Attention.Sdk.Reliability.Tests.Support;

/// <summary>
/// An in-process transport (given to a client as <c>options.Transport</c>): the whole SDK pipeline, retries and
/// deserialization run as usual, only the socket is replaced by <see cref="Respond"/>. It counts every attempt it sees.
/// </summary>
internal sealed class ScriptedTransport(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _attempts;

    public ScriptedTransport(Func<HttpRequestMessage, int, HttpResponseMessage> respond)
        : this((request, attempt, _) => Task.FromResult(respond(request, attempt)))
    {
    }

    public Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> Respond { get; } = respond;

    /// <summary>How many attempts reached the transport.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Completes when the first attempt reaches the transport: the moment a test may cancel "mid-request".</summary>
    public Task FirstAttempt => _firstAttempt.Task;

    /// <summary>What reached the transport, in order ("METHOD path").</summary>
    public ConcurrentQueue<string> Seen { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        Seen.Enqueue($"{request.Method} {request.RequestUri?.AbsolutePath}");
        _firstAttempt.TrySetResult();
        if (request.Content is not null)
        {
            // Like a socket: the body is read, so a content the SDK failed to rebuild would show up here.
            await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        var response = await Respond(request, attempt, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }

    /// <summary>A transport that never answers until the attempt is cancelled (by the caller or the attempt timeout).</summary>
    public static ScriptedTransport Hanging() =>
        new(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
}
