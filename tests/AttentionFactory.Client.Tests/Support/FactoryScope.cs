using System.Text.Json;
using Attention.Sdk.Testing.WireMock;

[assembly: AssemblyFixture(typeof(WireMockServer))]

namespace AttentionFactory.Client.Tests.Support;

/// <summary>
/// One test's slice of the shared WireMock server (<see cref="WireMockServer"/> from the test harness), with the compact
/// stub call these tests use: method, path and the response in one line.
/// </summary>
public sealed class FactoryScope(WireMockScope scope)
{
    /// <summary>The API base address to give the client (the scope root plus <c>v1/</c>).</summary>
    public Uri ApiBase => scope.Url("v1/");

    /// <summary>Registers a stub for <paramref name="method"/> on the exact <paramref name="path"/> (relative, for example <c>v1/rentals</c>, already escaped).</summary>
    public async Task StubAsync(
        string method,
        string path,
        int status = 200,
        string? body = null,
        IReadOnlyDictionary<string, string>? query = null,
        IReadOnlyDictionary<string, string>? headers = null,
        string? scenario = null,
        string? whenState = null,
        string? nextState = null,
        string? fault = null,
        int priority = 5)
    {
        var request = Stub.Request(method, path).WithPriority(priority);
        foreach (var (name, value) in query ?? new Dictionary<string, string>())
        {
            request = request.WithQueryParam(name, value);
        }

        if (scenario is not null)
        {
            request = request.InScenario(scenario, whenState ?? WireMockScenario.Started, nextState);
        }

        var stub = fault is not null
            ? request.RespondsWithFault(FaultNamed(fault))
            : body is not null ? request.RespondsJson(status, body) : request.Responds(status).WithHeader("Content-Type", "application/json");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            stub = stub.WithHeader(name, value);
        }

        await scope.StubAsync(stub, TestContext.Current.CancellationToken);
    }

    private static WireMockFault FaultNamed(string name) => name switch
    {
        "CONNECTION_RESET_BY_PEER" => WireMockFault.ConnectionResetByPeer,
        "EMPTY_RESPONSE" => WireMockFault.EmptyResponse,
        "RANDOM_DATA_THEN_CLOSE" => WireMockFault.RandomDataThenClose,
        "MALFORMED_RESPONSE_CHUNK" => WireMockFault.MalformedResponseChunk,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a WireMock fault name."),
    };

    /// <summary>The requests this scope received, oldest first.</summary>
    public async Task<IReadOnlyList<LoggedRequest>> GetRequestsAsync()
    {
        var requests = await scope.GetRequestsAsync(TestContext.Current.CancellationToken);
        return requests.Select(LoggedRequest.From).ToArray();
    }
}

/// <summary>One request from the WireMock journal, as these tests assert on it (the raw query string, headers joined).</summary>
public sealed record LoggedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset LoggedAt)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    internal static LoggedRequest From(RecordedRequest request) => new(
        request.Method,
        request.Path,
        request.Url.Query.TrimStart('?'),
        request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
        request.Body,
        request.LoggedAt);
}
