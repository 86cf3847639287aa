using System.Net;
using Attention.Sdk;
using Attention.Sdk.Http;
using Attention.Sdk.Testing.Localnet;
using Attention.Sdk.Testing.WireMock;
using Attentium.Client.Tests.Support;

namespace Attentium.Client.Tests;

/// <summary>The raw escape hatch (<c>SendAsync(ApiRequest)</c>) runs the typed calls' pipeline.</summary>
public sealed class EscapeHatchTests(WireMockServer wiremock, LocalnetServer localnet) : AttentiumTestBase(wiremock, localnet)
{
    [Fact]
    public async Task Send_reaches_an_untyped_endpoint_without_any_credential_header()
    {
        await StubAsync(Stub.Get("v1/stats").RespondsJson(200, """{"campaigns":4}""").WithHeader("X-Request-Id", "req_att_1"));

        var response = await CreateClient().SendAsync(new ApiRequest(HttpMethod.Get, "stats").WithQuery("window", "24h"), Ct);

        var sent = Assert.Single(await RequestsAsync());
        Assert.Equal(("GET", "/v1/stats", "24h"), (sent.Method, sent.Path, sent.QueryParam("window")));
        Assert.Null(sent.Header("Authorization"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("req_att_1", response.RequestId);
        Assert.Equal("""{"campaigns":4}""", response.Text);
    }

    [Fact]
    public async Task Send_maps_a_404_to_the_typed_exception_with_the_server_message()
    {
        await StubAsync(Stub.Get("v1/stats").RespondsJson(404, """{"error":"No stats"}"""));

        var ex = await Assert.ThrowsAsync<AttentionNotFoundException>(() => CreateClient().SendAsync(new ApiRequest(HttpMethod.Get, "stats"), Ct));

        Assert.Equal("No stats", ex.ServerMessage);
    }

    [Fact]
    public async Task Send_retries_a_get_after_503()
    {
        await StubAsync(Stub.Get("v1/stats").InScenario("hatch", newState: "ok").Responds(503));
        await StubAsync(Stub.Get("v1/stats").InScenario("hatch", requiredState: "ok").RespondsJson(200, "{}"));

        var response = await CreateClient().SendAsync(new ApiRequest(HttpMethod.Get, "stats"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await RequestsAsync()).Count);
    }

    [Fact]
    public async Task Send_does_not_retry_a_post_after_503()
    {
        await StubAsync(Stub.Post("v1/reports").Responds(503));

        await Assert.ThrowsAsync<AttentionServerException>(() => CreateClient().SendAsync(new ApiRequest(HttpMethod.Post, "reports"), Ct));

        Assert.Single(await RequestsAsync());
    }

    [Fact]
    public async Task Send_refuses_an_idempotency_key_the_api_does_not_honour_before_sending()
    {
        var requestOptions = new RequestOptions { IdempotencyKey = "k-1" };

        await Assert.ThrowsAsync<ArgumentException>(
            () => CreateClient().SendAsync(new ApiRequest(HttpMethod.Post, "reports").HonoursIdempotencyKey(), requestOptions, Ct));

        Assert.Empty(await RequestsAsync());
    }

    [Fact]
    public async Task Send_refuses_an_absolute_url_before_sending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CreateClient().SendAsync(new ApiRequest(HttpMethod.Get, "https://attacker.example/x"), Ct));

        Assert.Empty(await RequestsAsync());
    }
}
