using System.Net;
using System.Text;
using Attention.Sdk.Core.Tests.Support;
using Attention.Sdk.Http;

namespace Attention.Sdk.Core.Tests.Errors;

public sealed class ErrorMappingTests
{
    private static async Task<AttentionException> FailWith(HttpStatusCode status, string? body, string mediaType = "application/json", Action<HttpResponseMessage>? configure = null)
    {
        var transport = new ScriptedHandler().Then(status, body, mediaType, configure);
        var options = TestApis.FastOptions(transport: transport);
        options.MaxRetries = 0;
        var connection = TestApis.Connect(TestApis.Keyed, options);
        return await Assert.ThrowsAnyAsync<AttentionException>(() =>
            connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "rentals/{id}").WithPath("id", "4e1a"), TestContext.Current.CancellationToken));
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
    [InlineData(418, typeof(AttentionApiException))]
    public async Task Each_status_maps_to_its_type_with_the_servers_detail(int status, Type expected)
    {
        var error = await FailWith((HttpStatusCode)status, """{"detail":"Insufficient credits. Need 99.00, have 12.00"}""");

        Assert.IsType(expected, error);
        var api = (AttentionApiException)error;
        Assert.Equal((HttpStatusCode)status, api.StatusCode);
        Assert.Equal("Insufficient credits. Need 99.00, have 12.00", api.ServerMessage);
        Assert.Contains("Insufficient credits. Need 99.00, have 12.00", api.Message);
        Assert.Equal("GET", api.Method);
        Assert.Equal("/v1/rentals/{id}", api.Route);
        Assert.DoesNotContain("4e1a", api.Route);
    }

    [Fact]
    public async Task Attentium_style_error_code_and_message_are_both_kept()
    {
        var error = (AttentionApiException)await FailWith(HttpStatusCode.PaymentRequired, """{"error":"memo_mismatch","message":"Memo content doesn't match header"}""");

        Assert.Equal("memo_mismatch", error.ErrorCode);
        Assert.Equal("Memo content doesn't match header", error.ServerMessage);
        Assert.Contains("memo_mismatch", error.Message);
    }

    [Fact]
    public async Task Validation_detail_items_are_joined_with_their_locations()
    {
        var error = (AttentionApiException)await FailWith(HttpStatusCode.UnprocessableEntity,
            """{"detail":[{"loc":["body","params","caption"],"msg":"field required","type":"value_error.missing"}]}""");

        Assert.Equal("body.params.caption: field required", error.ServerMessage);
    }

    [Fact]
    public async Task Html_error_page_keeps_status_and_raw_body()
    {
        var error = (AttentionApiException)await FailWith(HttpStatusCode.BadGateway, "<html><body>502 Bad Gateway</body></html>", "text/html");

        Assert.IsType<AttentionServerException>(error);
        Assert.Null(error.ServerMessage);
        Assert.Contains("502 Bad Gateway", error.RawBody);
    }

    [Fact]
    public async Task Request_id_and_retry_after_are_read_from_headers()
    {
        var error = (AttentionApiException)await FailWith(HttpStatusCode.ServiceUnavailable, "{}", configure: r =>
        {
            r.Headers.Add("X-Request-Id", "req_123");
            r.Headers.Add("Retry-After", "7");
        });

        Assert.Equal("req_123", error.RequestId);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Fact]
    public async Task Raw_body_is_bounded()
    {
        var error = (AttentionApiException)await FailWith(HttpStatusCode.BadRequest, new string('x', 100_000), "text/plain");

        Assert.True(error.RawBody!.Length <= ApiErrorDetails.MaxRawBodyLength + 1);
    }

    [Theory]
    [InlineData("<html>oops</html>")]
    [InlineData("{\"id\":\"4e1a\",")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("{\"id\":42}")]
    public async Task Undecodable_success_bodies_become_response_exceptions(string body)
    {
        var transport = new ScriptedHandler().Then(HttpStatusCode.OK, body);
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));

        var error = await Assert.ThrowsAsync<AttentionResponseException>(() => connection.SendAsync(
            new ApiRequest(HttpMethod.Get, "things/{id}").WithPath("id", "1"), TestJsonContext.Default.Thing, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(body, error.RawBody);
        Assert.Contains(body == "null" ? "empty or null" : "could not be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typed_call_with_request_options_reads_the_model_and_the_raw_answer_from_one_buffered_body()
    {
        var transport = new ScriptedHandler().Then(HttpStatusCode.OK, """{"id":"t1","price":"99.00"}""");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));
        var options = new RequestOptions();

        var thing = await connection.SendAsync(
            new ApiRequest(HttpMethod.Get, "things/{id}").WithPath("id", "t1"), TestJsonContext.Default.Thing, options, TestContext.Current.CancellationToken);

        Assert.Equal("t1", thing.Id);
        Assert.Equal("""{"id":"t1","price":"99.00"}""", Encoding.UTF8.GetString(options.Response!.Body.Span));
    }

    [Fact]
    public async Task A_call_through_a_disposed_client_fails_as_disposed_and_sends_nothing()
    {
        var transport = new ScriptedHandler().Then(HttpStatusCode.OK, """{"id":"t1","price":"1"}""");
        var options = TestApis.FastOptions(transport: transport);
        var http = AttentionPipeline.CreateHttpClient(TestApis.Keyed, options);
        var connection = new ApiConnection(http, TestApis.Keyed, options);
        http.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => connection.SendAsync(
            new ApiRequest(HttpMethod.Get, "things/{id}").WithPath("id", "t1"), TestJsonContext.Default.Thing, TestContext.Current.CancellationToken));
        Assert.Empty(transport.Sent);
    }

    [Fact]
    public async Task Well_formed_success_body_is_deserialized_and_unknown_fields_kept()
    {
        var transport = new ScriptedHandler().Then(HttpStatusCode.OK, """{"id":"t1","price":"99.00","extra":{"x":1}}""");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));

        var thing = await connection.SendAsync(new ApiRequest(HttpMethod.Get, "things/{id}").WithPath("id", "t1"), TestJsonContext.Default.Thing, TestContext.Current.CancellationToken);

        Assert.Equal("t1", thing.Id);
        Assert.Equal(99.00m, thing.Price);
        Assert.True(thing.AdditionalProperties!.ContainsKey("extra"));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(2 * 1024 * 1024)]
    public async Task Success_body_is_deserialized_whether_read_from_a_pooled_span_or_streamed(int padding)
    {
        // Bodies up to 1 MiB are read from a pooled array, larger ones streamed: both must give the same model.
        var body = $$"""{"id":"t1","price":"99.00","extra":"{{new string('x', padding)}}"}""";
        var transport = new ScriptedHandler().Then(HttpStatusCode.OK, body);
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));

        var thing = await connection.SendAsync(new ApiRequest(HttpMethod.Get, "things/{id}").WithPath("id", "t1"), TestJsonContext.Default.Thing, TestContext.Current.CancellationToken);

        Assert.Equal("t1", thing.Id);
        Assert.Equal(99.00m, thing.Price);
        Assert.Equal(padding, thing.AdditionalProperties!["extra"].GetString()!.Length);
    }
}
