using Attention.Sdk.Polling;
using Attention.Sdk.Testing.WireMock;

namespace AttentionFactory.Client.Tests.Support;

/// <summary>A client pointed at the test's own WireMock scope, with short retry delays and polling intervals.</summary>
public abstract class FactoryTestBase(WireMockServer wiremock)
{
    public const string ApiKey = "af_test_sk_4f1c2d3e";

    protected static readonly PollingOptions FastPolling = new()
    {
        Interval = TimeSpan.FromMilliseconds(20),
        MaxInterval = TimeSpan.FromMilliseconds(50),
        Timeout = TimeSpan.FromSeconds(10),
    };

    protected FactoryScope Scope { get; } = new(wiremock.NewScope());

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected AttentionFactoryClientOptions Options() => new()
    {
        ApiKey = ApiKey,
        BaseAddress = Scope.ApiBase,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        RentalActivationPolling = FastPolling,
        ActionCompletionPolling = FastPolling,
        PostAnalyticsPolling = FastPolling,
    };

    protected AttentionFactoryClient CreateClient() => new(Options());

    /// <summary>The single request the scope received, checked for method, path, query and the bearer key.</summary>
    protected async Task<LoggedRequest> SingleRequestAsync(string method, string path, string query = "")
    {
        var requests = await Scope.GetRequestsAsync();
        var request = Assert.Single(requests);
        AssertRequest(request, method, path, query);
        return request;
    }

    protected static void AssertRequest(LoggedRequest request, string method, string path, string query = "")
    {
        Assert.Equal(method, request.Method);
        Assert.Equal(path, request.Path);
        Assert.Equal(query, request.Query);
        Assert.Equal("Bearer " + ApiKey, request.Header("Authorization"));
    }

    /// <summary>Asserts the body sent is exactly this JSON (compared structurally).</summary>
    protected static void AssertJsonBody(string expectedJson, LoggedRequest request)
    {
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        Assert.True(
            System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(expectedJson), System.Text.Json.Nodes.JsonNode.Parse(request.Body)),
            $"Expected body {expectedJson} but the server received {request.Body}");
    }
}
