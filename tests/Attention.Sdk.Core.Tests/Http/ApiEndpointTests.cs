using System.Net;
using Attention.Sdk.Core.Tests.Support;
using Attention.Sdk.Http;

namespace Attention.Sdk.Core.Tests.Http;

/// <summary>An endpoint states its method, route, scope and idempotency once; a request built from it carries all four.</summary>
public sealed class ApiEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Request_built_from_an_endpoint_carries_its_method_route_scope_and_idempotency_promise()
    {
        var endpoint = new ApiEndpoint(HttpMethod.Post, "/rentals/{id}/extend", "rentals:write", honoursIdempotencyKey: true);

        var request = new ApiRequest(endpoint).WithPath("id", "r_1");

        Assert.Same(endpoint, request.Endpoint);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("rentals/{id}/extend", request.RouteTemplate);
        Assert.Equal("rentals:write", request.RequiredPermission);
        Assert.True(request.IdempotencyKeyHonoured);
        Assert.Equal("rentals/r_1/extend", request.BuildRelativeUri());
    }

    [Fact]
    public void Parameters_are_listed_in_route_order()
    {
        var endpoint = new ApiEndpoint(HttpMethod.Get, "rentals/{rental_id}/actions/{action_id}");

        Assert.Equal(["rental_id", "action_id"], endpoint.Parameters);
        Assert.Equal("GET rentals/{rental_id}/actions/{action_id}", endpoint.ToString());
    }

    [Theory]
    [InlineData("https://evil.example/x")]
    [InlineData("rentals?x=1")]
    [InlineData("rentals#x")]
    [InlineData("rentals/%2e%2e")]
    [InlineData("rentals//x")]
    [InlineData("rentals/../x")]
    [InlineData("rentals/./x")]
    [InlineData("rentals/x{id}")]
    [InlineData("rentals/{a}{b}")]
    [InlineData("rentals/{}")]
    [InlineData("rentals/{id}/x/{id}")]
    [InlineData("rentals\\x")]
    public void Route_that_is_not_a_plain_relative_path_is_refused(string route) =>
        Assert.Throws<ArgumentException>(() => new ApiEndpoint(HttpMethod.Get, route));

    [Fact]
    public void Empty_scope_is_refused() =>
        Assert.Throws<ArgumentException>(() => new ApiEndpoint(HttpMethod.Get, "rentals", ""));

    [Theory]
    [InlineData("GET", false, true)]
    [InlineData("PUT", false, true)]
    [InlineData("DELETE", false, true)]
    [InlineData("POST", false, false)]
    [InlineData("PATCH", false, false)]
    [InlineData("POST", true, true)]
    public void Safe_to_repeat_means_an_idempotent_method_or_a_key_promise(string method, bool honoursKey, bool expected) =>
        Assert.Equal(expected, new ApiEndpoint(new HttpMethod(method), "things", null, honoursKey).IsSafeToRepeat);

    [Fact]
    public async Task Post_to_an_endpoint_with_the_promise_gets_a_minted_key_and_is_retried_after_503()
    {
        var transport = new ScriptedHandler().Then(HttpStatusCode.ServiceUnavailable, """{"detail":"busy"}""").Then(HttpStatusCode.Created, "{}");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));
        var endpoint = new ApiEndpoint(HttpMethod.Post, "rentals", honoursIdempotencyKey: true);

        await connection.SendRawAsync(new ApiRequest(endpoint).WithBody("{}"u8), Ct);

        Assert.Equal(2, transport.Sent.Count);
        var key = transport.Sent[0].Header("Idempotency-Key");
        Assert.False(string.IsNullOrEmpty(key));
        Assert.Equal(key, transport.Sent[1].Header("Idempotency-Key"));
    }

    [Fact]
    public async Task Post_to_an_endpoint_without_the_promise_is_sent_once()
    {
        var transport = new ScriptedHandler().Then(HttpStatusCode.ServiceUnavailable, """{"detail":"busy"}""").Then(HttpStatusCode.Created, "{}");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));
        var endpoint = new ApiEndpoint(HttpMethod.Post, "webhooks");

        await Assert.ThrowsAsync<AttentionServerException>(() => connection.SendRawAsync(new ApiRequest(endpoint).WithBody("{}"u8), Ct));

        Assert.Null(Assert.Single(transport.Sent).Header("Idempotency-Key"));
    }
}
