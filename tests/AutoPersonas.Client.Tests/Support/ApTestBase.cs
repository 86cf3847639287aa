using System.Text.Json.Nodes;
using Attention.Sdk.Polling;
using Attention.Sdk.Testing.WireMock;

namespace AutoPersonas.Client.Tests.Support;

/// <summary>
/// A client pointed at the test's own WireMock scope (base <c>/api/v1/</c>, as in production), with a unique API key (so the
/// process-wide rate limiter never mixes tests), short retry delays and polling intervals.
/// </summary>
public abstract class ApTestBase(WireMockServer wiremock) : IAsyncLifetime
{
    protected static readonly PollingOptions FastPolling = new()
    {
        Interval = TimeSpan.FromMilliseconds(20),
        BackoffFactor = 1,
        MaxInterval = TimeSpan.FromMilliseconds(20),
        Timeout = TimeSpan.FromSeconds(10),
    };

    protected WireMockScope Scope { get; } = wiremock.NewScope();

    protected string ApiKey { get; } = "ap_live_test_" + Guid.NewGuid().ToString("N");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => Scope.DisposeAsync();

    protected AutoPersonasClientOptions Options() => new()
    {
        ApiKey = ApiKey,
        BaseAddress = Scope.Url("api/v1/"),
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        BatchPolling = FastPolling,
        PublishPolling = FastPolling,
        ImportPolling = FastPolling,
    };

    protected AutoPersonasClient CreateClient(Action<AutoPersonasClientOptions>? configure = null)
    {
        var options = Options();
        configure?.Invoke(options);
        return new AutoPersonasClient(options);
    }

    /// <summary>Stubs <paramref name="method"/> on <c>/api/v1/<paramref name="path"/></c> (path only; any query) with a JSON answer.</summary>
    protected Task StubAsync(string method, string path, int status, string json) =>
        Scope.StubAsync(Stub.Request(method, "api/v1/" + path).RespondsJson(status, json), Ct);

    /// <summary>Stubs a method on a path regex under <c>/api/v1/</c> (for escaped segments, matched as received).</summary>
    protected Task StubRegexAsync(string method, string pathRegex, int status, string json) =>
        Scope.StubAsync(Stub.PathMatching(method, "api/v1/" + pathRegex).RespondsJson(status, json), Ct);

    /// <summary>The single request the scope received, checked for method, path (as received, escaped), raw query and the bearer key.</summary>
    protected async Task<RecordedRequest> SingleRequestAsync(string method, string path, string rawQuery = "")
    {
        var requests = await Scope.GetRequestsAsync(Ct);
        var request = Assert.Single(requests);
        Assert.Equal(method, request.Method);
        Assert.Equal("/api/v1/" + path, request.Path);
        Assert.Equal("/api/v1/" + path + rawQuery, request.RelativeUrl);
        Assert.Equal("Bearer " + ApiKey, request.Header("Authorization"));
        Assert.Null(request.Header("Idempotency-Key"));
        return request;
    }

    /// <summary>Asserts the body sent is exactly this JSON (compared structurally), as application/json.</summary>
    protected static void AssertJsonBody(string expectedJson, RecordedRequest request)
    {
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(expectedJson), request.BodyJson),
            $"Expected body {expectedJson} but the server received {request.Body}");
    }

    /// <summary>Asserts no body was sent.</summary>
    protected static void AssertNoBody(RecordedRequest request) => Assert.Equal(string.Empty, request.Body);

    protected async Task<int> RequestCountAsync() => (await Scope.GetRequestsAsync(Ct)).Count;
}
