using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Attention.Sdk.Testing.WireMock;

/// <summary>
/// One test's slice of the shared <see cref="WireMockServer"/>: the unique path prefix <c>/s/&lt;12 hex&gt;/</c>.
/// Stubs registered here match only under the prefix, scenario names are prefixed, the journal is filtered to the prefix,
/// and disposing the scope removes its stubs. Give <see cref="BaseUri"/> (plus the API's own base path) to the client under test.
/// </summary>
public sealed class WireMockScope : IAsyncDisposable
{
    private readonly WireMockServer _server;
    private readonly ScopePrefix _prefix;
    private readonly ConcurrentQueue<Guid> _mappings = new();

    internal WireMockScope(WireMockServer server, string id)
    {
        _server = server;
        _prefix = new ScopePrefix(id);
        BaseUri = new Uri(server.BaseUri, _prefix.Path.TrimStart('/') + "/");
    }

    /// <summary>The scope id (12 hex characters).</summary>
    public string Id => _prefix.Id;

    /// <summary>The path prefix without a trailing slash, <c>/s/&lt;id&gt;</c>.</summary>
    public string PathPrefix => _prefix.Path;

    /// <summary>The scope root with a trailing slash, e.g. <c>http://127.0.0.1:41234/s/0123456789ab/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The server that owns the scope.</summary>
    public WireMockServer Server => _server;

    /// <summary>An absolute URI for <paramref name="relativePath"/> under the scope (leading slash optional).</summary>
    public Uri Url(string relativePath) => new(BaseUri, relativePath.TrimStart('/'));

    /// <summary>Registers a stub under the scope prefix and returns its mapping id.</summary>
    public async Task<Guid> StubAsync(StubDefinition stub, CancellationToken cancellationToken = default)
    {
        var id = await _server.Admin.AddMappingAsync(stub.ToMapping(_prefix), cancellationToken);
        _mappings.Enqueue(id);
        return id;
    }

    /// <summary>The mapping JSON a stub becomes in this scope (for debugging).</summary>
    public JsonObject ToMappingJson(StubDefinition stub) => stub.ToMapping(_prefix);

    /// <summary>Every request received under the prefix, in the order received.</summary>
    public Task<IReadOnlyList<RecordedRequest>> GetRequestsAsync(CancellationToken cancellationToken = default) =>
        _server.Admin.FindRequestsAsync(new JsonObject { ["method"] = "ANY", ["urlPathPattern"] = _prefix.EverythingRegex }, _prefix, cancellationToken);

    /// <summary>The requests under the prefix that match <paramref name="pattern"/> (its response half is not needed), in the order received.</summary>
    public Task<IReadOnlyList<RecordedRequest>> FindRequestsAsync(StubRequestBuilder pattern, CancellationToken cancellationToken = default) =>
        _server.Admin.FindRequestsAsync(pattern.ToRequestPattern(_prefix), _prefix, cancellationToken);

    /// <summary>How many requests under the prefix match <paramref name="pattern"/>.</summary>
    public Task<int> CountRequestsAsync(StubRequestBuilder pattern, CancellationToken cancellationToken = default) =>
        _server.Admin.CountRequestsAsync(pattern.ToRequestPattern(_prefix), cancellationToken);

    /// <summary>
    /// Waits until at least <paramref name="count"/> requests under the prefix match <paramref name="pattern"/> (WireMock journals a
    /// request when it arrives, before any delayed answer): an event to act on instead of a guessed sleep. <paramref name="deadline"/>
    /// only bounds a hang; false when it passes first.
    /// </summary>
    public async Task<bool> WaitForRequestsAsync(StubRequestBuilder pattern, int count, TimeSpan deadline, CancellationToken cancellationToken = default)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        while (true)
        {
            if (await CountRequestsAsync(pattern, cancellationToken) >= count)
            {
                return true;
            }

            if (DateTimeOffset.UtcNow >= until)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    /// <summary>Requests under the prefix that no stub matched: the first thing to print when a stub "does not work".</summary>
    public Task<IReadOnlyList<RecordedRequest>> GetUnmatchedRequestsAsync(CancellationToken cancellationToken = default) =>
        _server.Admin.GetUnmatchedRequestsAsync(_prefix, cancellationToken);

    /// <summary>The current state of this scope's scenario <paramref name="name"/> (<c>Started</c> until a stub moves it), or null if no stub uses it.</summary>
    public async Task<string?> GetScenarioStateAsync(string name, CancellationToken cancellationToken = default)
    {
        var scoped = _prefix.Scenario(name);
        var scenarios = await _server.Admin.GetScenariosAsync(cancellationToken);
        return scenarios.FirstOrDefault(s => s.Name == scoped)?.State;
    }

    /// <summary>Moves this scope's scenario <paramref name="name"/> to <paramref name="state"/> (a stub must already use the scenario).</summary>
    public Task SetScenarioStateAsync(string name, string state, CancellationToken cancellationToken = default) =>
        _server.Admin.SetScenarioStateAsync(_prefix.Scenario(name), state, cancellationToken);

    /// <summary>Puts this scope's scenario <paramref name="name"/> back to <c>Started</c>.</summary>
    public Task ResetScenarioAsync(string name, CancellationToken cancellationToken = default) =>
        SetScenarioStateAsync(name, WireMockScenario.Started, cancellationToken);

    /// <summary>Removes the scope's stubs (failures are ignored: the server may already be gone).</summary>
    public async ValueTask DisposeAsync()
    {
        while (_mappings.TryDequeue(out var id))
        {
            try
            {
                await _server.Admin.RemoveMappingAsync(id);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
                // Best effort.
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => BaseUri.ToString();
}
