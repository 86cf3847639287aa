using Attention.Sdk.Core.Tests.Support;
using Attention.Sdk.Http;
using Attention.Sdk.RateLimiting;
using Attention.Sdk.Testing.Time;
using Attention.Sdk.Testing.WireMock;

namespace Attention.Sdk.Core.Tests.Integration;

/// <summary>The retry budget against a real server that fails every call: the attempts it received stay within the budget.</summary>
public sealed class RetryBudgetWireMockTests(WireMockServer wiremock)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Forty_concurrent_calls_to_a_server_failing_every_call_make_at_most_a_quarter_more_attempts()
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Get("v1/things").RespondsJson(503, """{"detail":"down"}"""), Ct);
        var options = TestApis.FastOptions(scope.Url("v1/"));
        options.RetryBaseDelay = TimeSpan.Zero;
        options.MaxRetryDelay = TimeSpan.Zero;
        options.RetryBudgetRatio = 0.25;
        options.RetryBudgetMinPerSecond = 0;
        options.RetryBudgetProvider = new InProcessRetryBudgetProvider();
        options.TimeProvider = new ManualTimeProvider(); // deposits do not fade: the bound below is exact
        var connection = TestApis.Connect(TestApis.Keyed, options);

        var errors = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            Assert.ThrowsAsync<AttentionServerException>(() => connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "things"), Ct))));

        // Without the budget: 160 attempts (4 per call). With it: 40 first attempts and at most 40 × 0.25 retries.
        var received = (await scope.GetRequestsAsync(Ct)).Count;
        Assert.InRange(received, 41, 50);
        Assert.Equal(received, errors.Sum(e => e.Attempts));
        Assert.Contains(errors, e => e.RetryBudgetExhausted);
    }
}
