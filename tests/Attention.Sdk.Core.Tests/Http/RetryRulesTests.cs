using System.Net;
using System.Net.Sockets;
using Attention.Sdk.Core.Tests.Support;
using Attention.Sdk.Http;

namespace Attention.Sdk.Core.Tests.Http;

public sealed class RetryRulesTests
{
    /// <summary>A POST to an endpoint the API documents to de-duplicate by Idempotency-Key.</summary>
    private static ApiRequest KeyedPost() => new ApiRequest(HttpMethod.Post, "things").WithBody("{\"a\":1}"u8).HonoursIdempotencyKey();

    [Fact]
    public async Task Keyed_post_retried_through_503s_reuses_one_minted_key()
    {
        var transport = new ScriptedHandler()
            .Then(HttpStatusCode.ServiceUnavailable, """{"detail":"busy"}""")
            .Then(HttpStatusCode.ServiceUnavailable, """{"detail":"busy"}""")
            .Then(HttpStatusCode.OK, """{"ok":true}""");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));

        var response = await connection.SendRawAsync(KeyedPost(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, transport.Sent.Count);
        var keys = transport.Sent.Select(s => s.Header("Idempotency-Key")).Distinct().ToList();
        var key = Assert.Single(keys);
        Assert.True(Guid.TryParse(key, out _));
        Assert.All(transport.Sent, s => Assert.Equal("{\"a\":1}", s.Body));
    }

    [Fact]
    public async Task Caller_supplied_idempotency_key_is_never_replaced()
    {
        var transport = new ScriptedHandler()
            .Then(HttpStatusCode.BadGateway)
            .Then(HttpStatusCode.Created, "{}");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));

        await connection.SendRawAsync(KeyedPost().WithIdempotencyKey("my-rental-001"), TestContext.Current.CancellationToken);

        Assert.All(transport.Sent, s => Assert.Equal("my-rental-001", s.Header("Idempotency-Key")));
    }

    [Fact]
    public async Task Two_logical_calls_get_two_different_keys()
    {
        var transport = new ScriptedHandler().Then(HttpStatusCode.OK, "{}").Then(HttpStatusCode.OK, "{}");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));

        await connection.SendRawAsync(KeyedPost(), TestContext.Current.CancellationToken);
        await connection.SendRawAsync(KeyedPost(), TestContext.Current.CancellationToken);

        Assert.NotEqual(transport.Sent[0].Header("Idempotency-Key"), transport.Sent[1].Header("Idempotency-Key"));
    }

    [Fact]
    public async Task Post_to_an_api_without_idempotency_keys_is_not_retried_after_503()
    {
        var transport = new ScriptedHandler().Then(HttpStatusCode.ServiceUnavailable, """{"message":"down"}""");
        var connection = TestApis.Connect(TestApis.Unkeyed, TestApis.FastOptions(transport: transport));

        var error = await Assert.ThrowsAsync<AttentionServerException>(() => connection.SendRawAsync(KeyedPost(), TestContext.Current.CancellationToken));

        Assert.Single(transport.Sent);
        Assert.Null(transport.Sent[0].Header("Idempotency-Key"));
        Assert.Equal("down", error.ServerMessage);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task Post_to_an_api_whose_requests_are_all_safe_to_repeat_is_retried_after_503_with_the_same_body()
    {
        var profile = new ApiProfile("json-rpc-test", new Uri("https://rpc.example.test/")) { RequiresApiKey = false, RequestsAreSafeToRepeat = true };
        var transport = new ScriptedHandler()
            .Then(HttpStatusCode.ServiceUnavailable, """{"message":"down"}""")
            .Then(HttpStatusCode.OK, """{"ok":true}""");
        var connection = TestApis.Connect(profile, TestApis.FastOptions(transport: transport));

        var response = await connection.SendRawAsync(KeyedPost(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, transport.Sent.Count);
        Assert.All(transport.Sent, s => Assert.Equal("{\"a\":1}", s.Body));
        Assert.All(transport.Sent, s => Assert.Null(s.Header("Idempotency-Key")));
    }

    [Fact]
    public async Task Post_to_an_api_without_idempotency_keys_is_retried_after_429()
    {
        var transport = new ScriptedHandler()
            .Then(HttpStatusCode.TooManyRequests, configure: r => r.Headers.Add("Retry-After", "0"))
            .Then(HttpStatusCode.OK, "{}");
        var connection = TestApis.Connect(TestApis.Unkeyed, TestApis.FastOptions(transport: transport));

        await connection.SendRawAsync(KeyedPost(), TestContext.Current.CancellationToken);

        Assert.Equal(2, transport.Sent.Count);
    }

    [Fact]
    public async Task Post_to_an_api_without_idempotency_keys_is_retried_when_the_connection_was_refused()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused));
        var transport = new ScriptedHandler().ThenThrow(refused).Then(HttpStatusCode.OK, "{}");
        var connection = TestApis.Connect(TestApis.Unkeyed, TestApis.FastOptions(transport: transport));

        await connection.SendRawAsync(KeyedPost(), TestContext.Current.CancellationToken);

        Assert.Equal(2, transport.Sent.Count);
    }

    [Fact]
    public async Task Post_to_an_api_without_idempotency_keys_is_not_retried_after_a_reset()
    {
        var reset = new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
        var transport = new ScriptedHandler().ThenThrow(reset);
        var connection = TestApis.Connect(TestApis.Unkeyed, TestApis.FastOptions(transport: transport));

        var error = await Assert.ThrowsAsync<AttentionTransportException>(() => connection.SendRawAsync(KeyedPost(), TestContext.Current.CancellationToken));

        Assert.Single(transport.Sent);
        Assert.False(error.RequestWasNotSent);
        Assert.Same(reset, error.InnerException);
    }

    [Fact]
    public async Task Get_is_retried_after_500_and_gives_up_after_max_retries_with_the_attempt_count()
    {
        var transport = new ScriptedHandler();
        for (var i = 0; i < 3; i++)
        {
            transport.Then(HttpStatusCode.InternalServerError, """{"detail":"boom"}""");
        }

        var options = TestApis.FastOptions(transport: transport);
        options.MaxRetries = 2;
        var connection = TestApis.Connect(TestApis.Keyed, options);

        var error = await Assert.ThrowsAsync<AttentionServerException>(() => connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "things"), TestContext.Current.CancellationToken));

        Assert.Equal(3, transport.Sent.Count);
        Assert.Equal(3, error.Attempts);
        Assert.Equal("boom", error.ServerMessage);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.UnprocessableEntity)]
    [InlineData(HttpStatusCode.NotImplemented)]
    public async Task Client_errors_are_never_retried(HttpStatusCode status)
    {
        var transport = new ScriptedHandler().Then(status, """{"detail":"no"}""");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));

        await Assert.ThrowsAnyAsync<AttentionApiException>(() => connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "things"), TestContext.Current.CancellationToken));

        Assert.Single(transport.Sent);
    }

    [Fact]
    public async Task Retry_after_longer_than_the_cap_is_not_waited_and_the_exception_carries_it()
    {
        var transport = new ScriptedHandler()
            .Then(HttpStatusCode.TooManyRequests, """{"detail":"Per-rental rate cap exceeded"}""", configure: r => r.Headers.Add("Retry-After", "120"));
        var options = TestApis.FastOptions(transport: transport);
        options.MaxRetryAfter = TimeSpan.FromSeconds(5);
        var connection = TestApis.Connect(TestApis.Keyed, options);

        var error = await Assert.ThrowsAsync<AttentionRateLimitException>(() => connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "things"), TestContext.Current.CancellationToken));

        Assert.Single(transport.Sent);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Contains("120 s", error.Message);
        Assert.Contains("Per-rental rate cap exceeded", error.Message);
    }

    [Fact]
    public async Task Caller_cancellation_is_an_operation_canceled_exception_not_a_timeout()
    {
        var transport = new ScriptedHandler().Then(HttpStatusCode.OK, "{}");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "things"), cancelled.Token));
        Assert.Empty(transport.Sent);
    }
}
