using System.Net.Http.Headers;
using System.Text;
using Attention.Sdk.Testing.WireMock;

namespace Attention.Sdk.Testing.Tests.WireMock;

public sealed class JournalTests(WireMockServer wiremock)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Journal_shows_method_path_query_headers_and_body()
    {
        await using var scope = await wiremock.CreateScopeAsync();
        await scope.StubAsync(Stub.Post("v1/rentals").RespondsJson(201, """{"id":"r1"}"""), Ct);
        using var http = new HttpClient { BaseAddress = new Uri(scope.BaseUri, "v1/") };
        using var request = new HttpRequestMessage(HttpMethod.Post, "rentals?status=active&tag=a%20b&tag=c")
        {
            Content = new StringContent("""{"platform":"tiktok"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", "key-1");
        request.Headers.Add("X-Multi", ["one", "two"]);

        using var response = await http.SendAsync(request, Ct);

        var recorded = Assert.Single(await scope.GetRequestsAsync(Ct));
        Assert.Equal("POST", recorded.Method);
        Assert.Equal("/v1/rentals", recorded.Path);
        Assert.Equal("/v1/rentals?status=active&tag=a%20b&tag=c", recorded.RelativeUrl);
        Assert.Equal(new Uri(scope.BaseUri, "v1/rentals?status=active&tag=a%20b&tag=c"), recorded.Url);
        Assert.Equal("active", recorded.QueryParam("status"));
        Assert.Equal(["a b", "c"], recorded.Query["tag"]);
        Assert.Equal("key-1", recorded.Header("idempotency-key"));
        Assert.Equal("application/json; charset=utf-8", recorded.Header("Content-Type"), ignoreCase: true);
        Assert.Contains("two", string.Join(",", recorded.HeaderValues("X-Multi")), StringComparison.Ordinal);
        Assert.Null(recorded.Header("X-Absent"));
        Assert.Equal("""{"platform":"tiktok"}""", recorded.Body);
        Assert.Equal("tiktok", recorded.BodyJson?["platform"]?.GetValue<string>());
        Assert.True(recorded.WasMatched);
        Assert.True(recorded.LoggedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Journal_keeps_paths_escaped_as_received_and_lists_requests_in_order()
    {
        await using var scope = await wiremock.CreateScopeAsync();
        using var http = new HttpClient();

        for (var i = 0; i < 5; i++)
        {
            using var response = await http.GetAsync(scope.Url($"v1/items/{i}"), Ct);
        }

        using (await http.GetAsync(new Uri(scope.BaseUri + "v1/items/a%2Fb%20c"), Ct))
        {
        }

        var requests = await scope.GetRequestsAsync(Ct);
        Assert.Equal(["/v1/items/0", "/v1/items/1", "/v1/items/2", "/v1/items/3", "/v1/items/4", "/v1/items/a%2Fb%20c"], requests.Select(r => r.Path));
        Assert.All(requests, r => Assert.Null(r.BodyJson));
    }

    [Fact]
    public async Task Two_scopes_do_not_see_each_others_requests()
    {
        await using var first = await wiremock.CreateScopeAsync();
        await using var second = await wiremock.CreateScopeAsync();
        using var http = new HttpClient();

        using (await http.GetAsync(first.Url("v1/a"), Ct))
        using (await http.GetAsync(second.Url("v1/b"), Ct))
        using (await http.GetAsync(second.Url("v1/c"), Ct))
        {
        }

        Assert.Equal(["/v1/a"], (await first.GetRequestsAsync(Ct)).Select(r => r.Path));
        Assert.Equal(["/v1/b", "/v1/c"], (await second.GetRequestsAsync(Ct)).Select(r => r.Path));
        Assert.Equal(["/v1/a"], (await first.GetUnmatchedRequestsAsync(Ct)).Select(r => r.Path));
    }

    [Fact]
    public async Task Find_and_count_filter_the_scope_journal_with_a_request_pattern()
    {
        await using var scope = await wiremock.CreateScopeAsync();
        await scope.StubAsync(Stub.Any("v1/things").Responds(200), Ct);
        using var http = new HttpClient();
        using var withKey = new HttpRequestMessage(HttpMethod.Post, scope.Url("v1/things")) { Content = new StringContent("{}") };
        withKey.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        withKey.Headers.Add("Idempotency-Key", "k");

        using (await http.SendAsync(withKey, Ct))
        using (await http.PostAsync(scope.Url("v1/things"), new StringContent("{}"), Ct))
        using (await http.GetAsync(scope.Url("v1/things"), Ct))
        {
        }

        var pattern = Stub.Post("v1/things").WithHeader("Idempotency-Key", Matches.Present);
        var found = Assert.Single(await scope.FindRequestsAsync(pattern, Ct));
        Assert.Equal("k", found.Header("Idempotency-Key"));
        Assert.Equal(1, await scope.CountRequestsAsync(pattern, Ct));
        Assert.Equal(2, await scope.CountRequestsAsync(Stub.Post("v1/things"), Ct));
        Assert.Equal(3, await scope.CountRequestsAsync(Stub.Any("v1/things"), Ct));
    }
}
