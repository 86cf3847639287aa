using System.Globalization;
using System.Net;
using Attention.Sdk.Core.Tests.Support;
using Attention.Sdk.Http;
using Attention.Sdk.Testing.Logging;
using Attention.Sdk.Testing.Time;
using Attention.Sdk.Testing.WireMock;
using Microsoft.Extensions.Logging;

namespace Attention.Sdk.Core.Tests.Integration;

/// <summary>The Core pipeline against the real WireMock server: what went over the wire comes from its request journal.</summary>
public sealed class PipelineWireMockTests(WireMockServer wiremock)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ApiConnection Connect(WireMockScope scope, ApiProfile profile, Action<TestClientOptions>? configure = null)
    {
        var options = TestApis.FastOptions(scope.Url("v1/"));
        configure?.Invoke(options);
        return TestApis.Connect(profile, options);
    }

    private static ApiRequest CreateRental() =>
        new ApiRequest(HttpMethod.Post, "rentals").WithBody("""{"platform":"instagram","months":1}"""u8).HonoursIdempotencyKey();

    [Fact]
    public async Task Rate_limited_call_waits_the_retry_after_seconds_then_succeeds()
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Get("v1/platforms").InScenario("rl", newState: "ok").RespondsJson(429, """{"detail":"slow down"}""").WithHeader("Retry-After", "1"), Ct);
        await scope.StubAsync(Stub.Get("v1/platforms").InScenario("rl", requiredState: "ok").RespondsJson(200, """{"platforms":["x"]}"""), Ct);
        var connection = Connect(scope, TestApis.Keyed);

        var response = await connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "platforms"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var journal = await scope.GetRequestsAsync(Ct);
        Assert.Equal(2, journal.Count);
        Assert.True(journal[1].LoggedAt - journal[0].LoggedAt >= TimeSpan.FromMilliseconds(900), "the retry came before Retry-After elapsed");
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_honoured()
    {
        await using var scope = wiremock.NewScope();
        var date = DateTimeOffset.UtcNow.AddSeconds(2).ToString("r", CultureInfo.InvariantCulture);
        await scope.StubAsync(Stub.Get("v1/platforms").InScenario("rl", newState: "ok").RespondsJson(429, """{"detail":"slow down"}""").WithHeader("Retry-After", date), Ct);
        await scope.StubAsync(Stub.Get("v1/platforms").InScenario("rl", requiredState: "ok").RespondsJson(200, "{}"), Ct);
        var connection = Connect(scope, TestApis.Keyed);

        await connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "platforms"), Ct);

        var journal = await scope.GetRequestsAsync(Ct);
        Assert.Equal(2, journal.Count);
        Assert.True(journal[1].LoggedAt - journal[0].LoggedAt >= TimeSpan.FromMilliseconds(500), "the HTTP-date Retry-After was not waited");
    }

    [Fact]
    public async Task Retry_after_above_the_cap_throws_with_the_value_without_waiting()
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Get("v1/platforms").RespondsJson(429, """{"detail":"Per-rental rate cap exceeded"}""").WithHeader("Retry-After", "3600"), Ct);
        var connection = Connect(scope, TestApis.Keyed, o => o.MaxRetryAfter = TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<AttentionRateLimitException>(() => connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "platforms"), Ct));

        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Equal("Per-rental rate cap exceeded", error.ServerMessage);
        Assert.Single(await scope.GetRequestsAsync(Ct));
    }

    [Fact]
    public async Task Keyed_post_through_two_503s_succeeds_with_the_same_key_on_all_three_attempts()
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Post("v1/rentals").InScenario("flaky", newState: "second").RespondsJson(503, """{"detail":"busy"}"""), Ct);
        await scope.StubAsync(Stub.Post("v1/rentals").InScenario("flaky", requiredState: "second", newState: "third").RespondsJson(503, """{"detail":"busy"}"""), Ct);
        await scope.StubAsync(Stub.Post("v1/rentals").InScenario("flaky", requiredState: "third").RespondsJson(202, """{"id":"r1"}"""), Ct);
        var connection = Connect(scope, TestApis.Keyed);

        var response = await connection.SendRawAsync(CreateRental(), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var journal = await scope.GetRequestsAsync(Ct);
        Assert.Equal(3, journal.Count);
        var key = Assert.Single(journal.Select(r => r.Header("Idempotency-Key")).Distinct());
        Assert.False(string.IsNullOrEmpty(key));
        Assert.All(journal, r => Assert.Equal("""{"platform":"instagram","months":1}""", r.Body));
    }

    [Fact]
    public async Task Post_to_an_api_that_does_not_honour_keys_is_not_retried_after_503()
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Post("v1/rentals").RespondsJson(503, """{"message":"generation backend unavailable"}"""), Ct);
        var connection = Connect(scope, TestApis.Unkeyed);

        var error = await Assert.ThrowsAsync<AttentionServerException>(() => connection.SendRawAsync(CreateRental(), Ct));

        Assert.Equal("generation backend unavailable", error.ServerMessage);
        var request = Assert.Single(await scope.GetRequestsAsync(Ct));
        Assert.Null(request.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task Connection_reset_on_get_is_retried()
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Get("v1/platforms").InScenario("reset", newState: "ok").RespondsWithFault(WireMockFault.ConnectionResetByPeer), Ct);
        await scope.StubAsync(Stub.Get("v1/platforms").InScenario("reset", requiredState: "ok").RespondsJson(200, "{}"), Ct);
        var connection = Connect(scope, TestApis.Keyed);

        var response = await connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "platforms"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await scope.GetRequestsAsync(Ct)).Count);
    }

    [Fact]
    public async Task Empty_response_on_an_unkeyed_post_is_a_transport_exception_after_one_attempt()
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Post("v1/rentals").RespondsWithFault(WireMockFault.EmptyResponse), Ct);
        var connection = Connect(scope, TestApis.Unkeyed);

        var error = await Assert.ThrowsAsync<AttentionTransportException>(() => connection.SendRawAsync(CreateRental(), Ct));

        Assert.Equal(1, error.Attempts);
        Assert.False(error.RequestWasNotSent);
        Assert.NotNull(error.InnerException);
        Assert.Single(await scope.GetRequestsAsync(Ct));
    }

    // The timeout tests below run the client on a ManualTimeProvider against a server that holds its answer far beyond any
    // budget: a budget expires exactly when the test moves the clock, after WireMock has journaled the attempt, so neither a
    // slow machine nor a late timer can change the outcome. HangBound only bounds a hang.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(150);
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(60);

    private static ApiConnection ConnectOnClock(WireMockScope scope, ManualTimeProvider clock, Action<TestClientOptions> configure) =>
        Connect(scope, TestApis.Keyed, o =>
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
        Assert.True(await scope.WaitForRequestsAsync(Stub.Get("v1/platforms"), count, HangBound, Ct), $"attempt {count} never reached the server");
        clock.Advance(step);
    }

    [Fact]
    public async Task Slow_attempt_times_out_and_the_retry_succeeds()
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Get("v1/platforms").InScenario("slow", newState: "fast").RespondsJson(200, "{}").WithFixedDelay(Hang), Ct);
        await scope.StubAsync(Stub.Get("v1/platforms").InScenario("slow", requiredState: "fast").RespondsJson(200, """{"fast":true}"""), Ct);
        var clock = new ManualTimeProvider();
        var connection = ConnectOnClock(scope, clock, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(400));

        var call = connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "platforms"), Ct);
        await AdvanceAfterAttemptAsync(scope, clock, 1, TimeSpan.FromMilliseconds(400));
        var response = await call.WaitAsync(HangBound, Ct);

        Assert.Contains("fast", response.Text);
        Assert.Equal(2, (await scope.GetRequestsAsync(Ct)).Count);
    }

    [Fact]
    public async Task Every_attempt_timing_out_ends_in_a_timeout_exception_with_the_attempt_count()
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Get("v1/platforms").RespondsJson(200, "{}").WithFixedDelay(Hang), Ct);
        var clock = new ManualTimeProvider();
        var connection = ConnectOnClock(scope, clock, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.MaxRetries = 1;
        });

        var call = connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "platforms"), Ct);
        await AdvanceAfterAttemptAsync(scope, clock, 1, TimeSpan.FromMilliseconds(200));
        await AdvanceAfterAttemptAsync(scope, clock, 2, TimeSpan.FromMilliseconds(200));
        var error = await Assert.ThrowsAsync<AttentionTimeoutException>(() => call.WaitAsync(HangBound, Ct));

        Assert.Equal(TimeSpan.FromMilliseconds(200), error.Timeout);
        Assert.Equal(2, error.Attempts);
    }

    [Fact]
    public async Task Total_timeout_bounds_all_attempts_together()
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Get("v1/platforms").RespondsJson(200, "{}").WithFixedDelay(Hang), Ct);
        var clock = new ManualTimeProvider();
        var connection = ConnectOnClock(scope, clock, o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(700);
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
        });

        var call = connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "platforms"), Ct);
        await AdvanceAfterAttemptAsync(scope, clock, 1, TimeSpan.FromMilliseconds(700));
        var error = await Assert.ThrowsAsync<AttentionTimeoutException>(() => call.WaitAsync(HangBound, Ct));

        Assert.Equal(TimeSpan.FromMilliseconds(700), error.Timeout);
        Assert.Contains("overall timeout", error.Message);
    }

    [Fact]
    public async Task Overall_timeout_counts_the_first_attempt_and_the_retries_together()
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Get("v1/platforms").RespondsJson(200, "{}").WithFixedDelay(Hang), Ct);
        var clock = new ManualTimeProvider();
        var connection = ConnectOnClock(scope, clock, o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(1000);
            o.AttemptTimeout = TimeSpan.FromMilliseconds(400);
            o.MaxRetries = 10;
        });

        // Attempts start at 0, 400 and 800 ms; the 1 s budget (first attempt included) ends the third before its own 400 ms.
        // Ten retries of 400 ms would need over 4 s of clock; the clock moves 1.2 s in all.
        var call = connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "platforms"), Ct);
        await AdvanceAfterAttemptAsync(scope, clock, 1, TimeSpan.FromMilliseconds(400));
        await AdvanceAfterAttemptAsync(scope, clock, 2, TimeSpan.FromMilliseconds(400));
        await AdvanceAfterAttemptAsync(scope, clock, 3, TimeSpan.FromMilliseconds(400));
        var error = await Assert.ThrowsAsync<AttentionTimeoutException>(() => call.WaitAsync(HangBound, Ct));

        Assert.Equal(TimeSpan.FromMilliseconds(1000), error.Timeout);
        Assert.Contains("overall timeout", error.Message);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, (await scope.GetRequestsAsync(Ct)).Count);
    }

    [Theory]
    [InlineData(400, typeof(AttentionBadRequestException))]
    [InlineData(401, typeof(AttentionAuthenticationException))]
    [InlineData(402, typeof(AttentionPaymentRequiredException))]
    [InlineData(403, typeof(AttentionPermissionDeniedException))]
    [InlineData(404, typeof(AttentionNotFoundException))]
    [InlineData(409, typeof(AttentionConflictException))]
    [InlineData(422, typeof(AttentionUnprocessableEntityException))]
    [InlineData(429, typeof(AttentionRateLimitException))]
    [InlineData(500, typeof(AttentionServerException))]
    public async Task Error_status_from_the_server_maps_to_its_type_with_the_detail(int status, Type expected)
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Get("v1/rentals/r1").RespondsJson(status, $$"""{"detail":"server says {{status}}"}"""), Ct);
        var connection = Connect(scope, TestApis.Keyed, o => o.MaxRetries = 0);

        var error = await Assert.ThrowsAnyAsync<AttentionApiException>(() =>
            connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "rentals/{id}").WithPath("id", "r1"), Ct));

        Assert.IsType(expected, error);
        Assert.Equal($"server says {status}", error.ServerMessage);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.EndsWith("/v1/rentals/{id}", error.Route);
    }

    [Fact]
    public async Task Html_error_page_gives_an_sdk_exception_with_the_raw_body()
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Get("v1/platforms").RespondsBody(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"), Ct);
        var connection = Connect(scope, TestApis.Keyed, o => o.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<AttentionServerException>(() => connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "platforms"), Ct));

        Assert.Contains("502 Bad Gateway", error.RawBody);
    }

    [Fact]
    public async Task Truncated_json_on_success_gives_a_response_exception()
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Get("v1/things/t1").RespondsJson(200, """{"id":"t1","price":"9"""), Ct);
        var connection = Connect(scope, TestApis.Keyed);

        var error = await Assert.ThrowsAsync<AttentionResponseException>(() =>
            connection.SendAsync(new ApiRequest(HttpMethod.Get, "things/{id}").WithPath("id", "t1"), TestJsonContext.Default.Thing, Ct));

        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public async Task Api_key_never_appears_in_captured_logs_or_exception_text()
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.Get("v1/rentals").RespondsJson(401, """{"detail":"Invalid API key"}"""), Ct);
        using var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var connection = Connect(scope, TestApis.Keyed, o => o.LoggerFactory = factory);

        var error = await Assert.ThrowsAsync<AttentionAuthenticationException>(() =>
            connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "rentals").WithQuery("read_key", "rk_secret_value"), Ct));

        var request = Assert.Single(await scope.GetRequestsAsync(Ct));
        Assert.Equal($"Bearer {TestApis.KeyedApiKey}", request.Header("Authorization"));
        Assert.Contains(logs.Entries, e => e.Message.Contains("401", StringComparison.Ordinal));
        foreach (var text in new[] { logs.AllText, error.ToString() })
        {
            Assert.DoesNotContain(TestApis.KeyedApiKey, text);
            Assert.DoesNotContain("rk_secret_value", text);
        }
    }
}
