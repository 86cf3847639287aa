using Attention.Sdk.Http;

namespace Attention.Sdk.Core.Tests.Support;

/// <summary>Options and profiles for two imaginary APIs: one that honours Idempotency-Key, one that does not.</summary>
public sealed class TestClientOptions : AttentionClientOptions
{
}

public static class TestApis
{
    public const string KeyedApiKey = "tk_live_sk_SECRET123456";

    public static readonly ApiProfile Keyed = new("keyed-test", new Uri("https://keyed.example.test/v1"))
    {
        HonoursIdempotencyKeys = true,
        ApiKeyPrefixes = ["tk_live_sk_", "tk_test_sk_"],
    };

    public static readonly ApiProfile Unkeyed = new("unkeyed-test", new Uri("https://unkeyed.example.test/api/v1"))
    {
        HonoursIdempotencyKeys = false,
        ApiKeyPrefixes = ["tk_live_sk_", "tk_test_sk_"],
    };

    public static TestClientOptions FastOptions(Uri? baseAddress = null, HttpMessageHandler? transport = null) => new()
    {
        BaseAddress = baseAddress,
        ApiKey = KeyedApiKey,
        Transport = transport,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        Timeout = TimeSpan.FromSeconds(30),

        // Tests run in parallel with one key: a budget per options keeps one test's failures from stopping another's retries.
        RetryBudgetProvider = new Attention.Sdk.RateLimiting.InProcessRetryBudgetProvider(),
    };

    public static ApiConnection Connect(ApiProfile profile, TestClientOptions options) =>
        new(AttentionPipeline.CreateHttpClient(profile, options), profile, options);
}
