using System.Net;
using Attention.Sdk.Core.Tests.Support;
using Attention.Sdk.Http;

namespace Attention.Sdk.Core.Tests.Http;

/// <summary>
/// Idempotency is a property of the endpoint: on an API that honours Idempotency-Key, only a POST to an endpoint marked as
/// honouring it gets a minted key and is retried after an ambiguous failure; any other POST is sent once and the error says so.
/// </summary>
public sealed class EndpointIdempotencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ApiRequest UnpromisedPost() => new ApiRequest(HttpMethod.Post, "webhooks").WithBody("{}"u8);

    [Fact]
    public async Task Post_to_an_endpoint_without_the_promise_gets_no_minted_key()
    {
        var transport = new ScriptedHandler().Then(HttpStatusCode.Created, "{}");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));

        await connection.SendRawAsync(UnpromisedPost(), Ct);

        Assert.Null(Assert.Single(transport.Sent).Header("Idempotency-Key"));
    }

    [Fact]
    public async Task Post_to_an_endpoint_without_the_promise_is_not_retried_after_503()
    {
        var transport = new ScriptedHandler().Then(HttpStatusCode.ServiceUnavailable, """{"detail":"busy"}""").Then(HttpStatusCode.Created, "{}");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));

        var error = await Assert.ThrowsAsync<AttentionServerException>(() => connection.SendRawAsync(UnpromisedPost(), Ct));

        Assert.Single(transport.Sent);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task Post_to_an_endpoint_without_the_promise_is_not_retried_after_a_reset_and_says_the_server_may_have_acted()
    {
        var reset = new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
        var transport = new ScriptedHandler().ThenThrow(reset).Then(HttpStatusCode.Created, "{}");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));

        var error = await Assert.ThrowsAsync<AttentionTransportException>(() => connection.SendRawAsync(UnpromisedPost(), Ct));

        Assert.Single(transport.Sent);
        Assert.False(error.RequestWasNotSent);
        Assert.Contains("may have acted", error.Message);
        Assert.DoesNotContain("same idempotency key", error.Message);
    }

    [Fact]
    public async Task Post_to_an_endpoint_without_the_promise_is_not_retried_after_an_attempt_timeout()
    {
        var attempts = 0;
        var transport = new DelegatingTransport(async (_, ct) =>
        {
            Interlocked.Increment(ref attempts);
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var options = TestApis.FastOptions(transport: transport);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        var connection = TestApis.Connect(TestApis.Keyed, options);

        var error = await Assert.ThrowsAsync<AttentionTimeoutException>(() => connection.SendRawAsync(UnpromisedPost(), Ct));

        Assert.Equal(1, attempts);
        Assert.Contains("may have acted", error.Message);
    }

    [Fact]
    public async Task Caller_key_is_sent_to_an_endpoint_without_the_promise_but_does_not_make_it_retried()
    {
        var transport = new ScriptedHandler().Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.Created, "{}");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));

        await Assert.ThrowsAsync<AttentionServerException>(() => connection.SendRawAsync(UnpromisedPost().WithIdempotencyKey("hook-001"), Ct));

        Assert.Equal("hook-001", Assert.Single(transport.Sent).Header("Idempotency-Key"));
    }

    [Fact]
    public async Task Post_to_an_endpoint_with_the_promise_is_retried_after_a_reset_with_the_same_minted_key()
    {
        var reset = new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
        var transport = new ScriptedHandler().ThenThrow(reset).Then(HttpStatusCode.Accepted, "{}");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));

        await connection.SendRawAsync(new ApiRequest(HttpMethod.Post, "rentals").WithBody("{}"u8).HonoursIdempotencyKey(), Ct);

        Assert.Equal(2, transport.Sent.Count);
        Assert.NotNull(transport.Sent[0].Header("Idempotency-Key"));
        Assert.Equal(transport.Sent[0].Header("Idempotency-Key"), transport.Sent[1].Header("Idempotency-Key"));
    }

    [Fact]
    public async Task Transport_failure_of_a_promised_post_names_the_key_to_retry_with()
    {
        var reset = new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
        var transport = new ScriptedHandler().ThenThrow(reset);
        var options = TestApis.FastOptions(transport: transport);
        options.MaxRetries = 0;
        var connection = TestApis.Connect(TestApis.Keyed, options);

        var error = await Assert.ThrowsAsync<AttentionTransportException>(() =>
            connection.SendRawAsync(new ApiRequest(HttpMethod.Post, "rentals").WithBody("{}"u8).HonoursIdempotencyKey().WithIdempotencyKey("my-rental-001"), Ct));

        Assert.Contains("same idempotency key (my-rental-001)", error.Message);
    }
}
