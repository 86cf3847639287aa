using System.Net;
using Attention.Sdk.Testing.WireMock;

namespace Attention.Sdk.Testing.Tests.WireMock;

public sealed class WireMockServerTests(WireMockServer wiremock)
{
    [Fact]
    public async Task Server_is_running_and_answers_health_on_loopback()
    {
        Assert.Equal("127.0.0.1", wiremock.BaseUri.Host);
        Assert.Equal(wiremock.Port, wiremock.BaseUri.Port);
        Assert.Equal(new Uri(wiremock.BaseUri, "__admin/"), wiremock.AdminUri);
        Assert.True(await wiremock.Admin.IsHealthyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Unstubbed_path_answers_404()
    {
        await using var scope = await wiremock.CreateScopeAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(scope.Url("nothing/here"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var unmatched = await scope.GetUnmatchedRequestsAsync(TestContext.Current.CancellationToken);
        var request = Assert.Single(unmatched);
        Assert.Equal("/nothing/here", request.Path);
        Assert.False(request.WasMatched);
    }

    [Fact]
    public async Task Scope_base_uri_is_a_unique_prefix_under_the_server()
    {
        await using var first = await wiremock.CreateScopeAsync();
        await using var second = await wiremock.CreateScopeAsync();

        Assert.Matches("^/s/[0-9a-f]{12}/$", first.BaseUri.AbsolutePath);
        Assert.StartsWith(wiremock.BaseUri.ToString(), first.BaseUri.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(first.BaseUri, second.BaseUri);
        Assert.Equal(new Uri(first.BaseUri, "v1/rentals"), first.Url("/v1/rentals"));
    }

    [Fact]
    public async Task Owned_server_can_be_reset_without_touching_the_shared_one()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var own = await WireMockServer.StartAsync(ct);
        Assert.NotEqual(wiremock.Port, own.Port);
        await own.StubAsync(Stub.Get("ping").Responds(204), ct);
        using var http = new HttpClient();
        using (var before = await http.GetAsync(new Uri(own.BaseUri, "ping"), ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, before.StatusCode);
        }

        await own.ResetAsync(ct);

        using var after = await http.GetAsync(new Uri(own.BaseUri, "ping"), ct);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Empty(await own.Admin.GetMappingsAsync(ct));
        Assert.Single(await own.Admin.GetRequestsAsync(ct));
    }
}
