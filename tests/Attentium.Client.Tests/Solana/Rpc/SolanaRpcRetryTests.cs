using System.Net;
using Attention.Sdk.Testing.Time;
using Attention.Sdk.Testing.WireMock;
using Attentium.Solana;

namespace Attentium.Client.Tests.Solana.Rpc;

/// <summary>
/// The RPC client's own HttpClient runs on the SDK pipeline, against the real WireMock server playing the node: it waits out
/// a 429's Retry-After, repeats a call after a 5xx or an attempt timeout (every JSON-RPC call is safe to repeat, a send
/// re-sends the same signed bytes), and stops where the settings say.
/// </summary>
public sealed class SolanaRpcRetryTests(WireMockServer wiremock)
{
    private const string Height = """{"jsonrpc":"2.0","id":1,"result":4242}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SolanaRpcClient Client(WireMockScope scope, Action<SolanaRpcClientOptions>? configure = null)
    {
        var options = new SolanaRpcClientOptions { Endpoint = scope.Url("rpc"), AttemptTimeout = TimeSpan.FromSeconds(5) };
        configure?.Invoke(options);
        return new SolanaRpcClient(options);
    }

    [Fact]
    public async Task Rate_limited_call_waits_the_retry_after_then_succeeds()
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Post("rpc").InScenario("rl", newState: "ok").RespondsJson(429, """{"jsonrpc":"2.0","id":1,"error":{"code":429,"message":"Too many requests"}}""").WithHeader("Retry-After", "1"), Ct);
        await scope.StubAsync(Stub.Post("rpc").InScenario("rl", requiredState: "ok").RespondsJson(200, Height), Ct);
        using var client = Client(scope);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var height = await client.GetBlockHeightAsync(null, Ct);

        Assert.Equal(4242UL, height);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"the retry came after {clock.Elapsed.TotalMilliseconds:0} ms, before the Retry-After second");
        Assert.Equal(2, (await scope.GetRequestsAsync(Ct)).Count);
    }

    [Fact]
    public async Task Send_answered_503_is_sent_again_with_the_same_signed_bytes()
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Post("rpc").InScenario("busy", newState: "ok").RespondsJson(503, """{"message":"node busy"}"""), Ct);
        await scope.StubAsync(Stub.Post("rpc").InScenario("busy", requiredState: "ok").RespondsJson(200, """{"jsonrpc":"2.0","id":1,"result":"5sig"}"""), Ct);
        using var client = Client(scope);

        var signature = await client.SendTransactionAsync(new byte[] { 1, 2, 3 }, null, Ct);

        Assert.Equal("5sig", signature);
        var requests = await scope.GetRequestsAsync(Ct);
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Contains("\"AQID\"", r.Body));
        Assert.Equal(requests[0].Body, requests[1].Body);
    }

    // The timeout tests run the client on a ManualTimeProvider against a node that holds its answer far beyond any budget: an
    // attempt times out exactly when the test moves the clock, after WireMock has journaled it, so neither a slow machine nor a
    // late timer can change the outcome. HangBound only bounds a hang.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(150);
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(60);

    private static SolanaRpcClient ClientOnClock(WireMockScope scope, ManualTimeProvider clock, Action<SolanaRpcClientOptions> configure) =>
        Client(scope, o =>
        {
            o.TimeProvider = clock;

            // No backoff between attempts: the next attempt follows a timeout at once, with no timer for the test to drive.
            o.RetryBaseDelay = TimeSpan.Zero;
            o.MaxRetryDelay = TimeSpan.Zero;
            configure(o);
        });

    /// <summary>Waits until WireMock has journaled <paramref name="count"/> attempts, then moves the clock by <paramref name="step"/>.</summary>
    private static async Task AdvanceAfterAttemptAsync(WireMockScope scope, ManualTimeProvider clock, int count, TimeSpan step)
    {
        Assert.True(await scope.WaitForRequestsAsync(Stub.Post("rpc"), count, HangBound, Ct), $"attempt {count} never reached the node");
        clock.Advance(step);
    }

    [Fact]
    public async Task Slow_attempt_times_out_and_the_retry_succeeds()
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Post("rpc").InScenario("slow", newState: "fast").RespondsJson(200, Height).WithFixedDelay(Hang), Ct);
        await scope.StubAsync(Stub.Post("rpc").InScenario("slow", requiredState: "fast").RespondsJson(200, Height), Ct);
        var clock = new ManualTimeProvider();
        using var client = ClientOnClock(scope, clock, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(400));

        var call = client.GetBlockHeightAsync(null, Ct);
        await AdvanceAfterAttemptAsync(scope, clock, 1, TimeSpan.FromMilliseconds(400));

        Assert.Equal(4242UL, await call.WaitAsync(HangBound, Ct));
        Assert.Equal(2, (await scope.GetRequestsAsync(Ct)).Count);
    }

    [Fact]
    public async Task Every_attempt_timing_out_is_a_transport_exception_not_a_timeout_type_of_the_pipeline()
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Post("rpc").RespondsJson(200, Height).WithFixedDelay(Hang), Ct);
        var clock = new ManualTimeProvider();
        using var client = ClientOnClock(scope, clock, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.MaxRetries = 1;
        });

        var call = client.GetBlockHeightAsync(null, Ct);
        await AdvanceAfterAttemptAsync(scope, clock, 1, TimeSpan.FromMilliseconds(200));
        await AdvanceAfterAttemptAsync(scope, clock, 2, TimeSpan.FromMilliseconds(200));
        var error = await Assert.ThrowsAsync<SolanaRpcTransportException>(() => call.WaitAsync(HangBound, Ct));

        Assert.Contains("did not answer in time", error.Message);
        Assert.Equal(2, (await scope.GetRequestsAsync(Ct)).Count);
    }

    [Fact]
    public async Task With_retries_off_a_503_fails_at_once_with_the_status()
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Post("rpc").RespondsJson(503, """{"message":"node busy"}"""), Ct);
        using var client = Client(scope, o => o.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<SolanaRpcTransportException>(() => client.GetBlockHeightAsync(null, Ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(await scope.GetRequestsAsync(Ct));
    }

    [Fact]
    public async Task Retry_after_beyond_the_limit_is_not_waited()
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Post("rpc").RespondsJson(429, "{}").WithHeader("Retry-After", "120"), Ct);
        using var client = Client(scope, o => o.MaxRetryAfter = TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<SolanaRpcTransportException>(() => client.GetBlockHeightAsync(null, Ct));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Single(await scope.GetRequestsAsync(Ct));
    }

    [Fact]
    public async Task Access_token_in_the_endpoint_path_never_reaches_logs_or_the_options_text()
    {
        const string Token = "tok3nSECRET9f2c";
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Post($"rpc/{Token}").InScenario("t", newState: "ok").RespondsJson(503, "{}"), Ct);
        await scope.StubAsync(Stub.Post($"rpc/{Token}").InScenario("t", requiredState: "ok").RespondsJson(200, Height), Ct);
        var logs = new Attention.Sdk.Testing.Logging.CapturingLoggerProvider();
        using var loggerFactory = logs.CreateLoggerFactory();
        var options = new SolanaRpcClientOptions { Endpoint = scope.Url($"rpc/{Token}"), LoggerFactory = loggerFactory, RetryBaseDelay = TimeSpan.FromMilliseconds(10) };
        using var client = new SolanaRpcClient(options);

        Assert.Equal(4242UL, await client.GetBlockHeightAsync(null, Ct));

        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(Token, logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, options.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, (await scope.GetRequestsAsync(Ct)).Count);
    }

    [Fact]
    public void Invalid_settings_fail_at_construction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SolanaRpcClient(new SolanaRpcClientOptions { Endpoint = new Uri("http://rpc.test/"), MaxRetries = -1 }));
        Assert.ThrowsAny<ArgumentException>(() => new SolanaRpcClient(new SolanaRpcClientOptions { Endpoint = new Uri("http://rpc.test/"), AttemptTimeout = TimeSpan.Zero }));
    }
}
