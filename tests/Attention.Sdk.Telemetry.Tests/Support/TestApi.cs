using Attention.Sdk.Http;

namespace Attention.Sdk.Telemetry.Tests.Support;

public sealed class TestOptions : AttentionClientOptions
{
}

/// <summary>An imaginary API, its options (fast retries, a private retry budget) and a connection over a scripted transport.</summary>
public static class TestApi
{
    public const string Key = "tt_live_sk_SECRETKEY123456";

    public static readonly ApiProfile Profile = new("telemetry-test", new Uri("https://api.telemetry.test/v1"))
    {
        ApiKeyPrefixes = ["tt_live_sk_"],
    };

    public static TestOptions Options(HttpMessageHandler? transport = null, int maxRetries = 2) => new()
    {
        ApiKey = Key,
        Transport = transport,
        MaxRetries = maxRetries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        RetryBudgetProvider = new Attention.Sdk.RateLimiting.InProcessRetryBudgetProvider(),
    };

    public static ApiConnection Connect(HttpMessageHandler transport, int maxRetries = 2)
    {
        var options = Options(transport, maxRetries);
        return new ApiConnection(AttentionPipeline.CreateHttpClient(Profile, options), Profile, options);
    }

    public static ApiRequest GetThing(string id) => new ApiRequest(HttpMethod.Get, "things/{id}").WithPath("id", id);
}

/// <summary>A client type for the dependency-injection path.</summary>
public sealed class TestClient(ApiConnection connection)
{
    public ApiConnection Connection { get; } = connection;
}
