using System.Net;
using System.Net.Http.Json;
using System.Text;
using Attention.Sdk.Testing.WireMock;

namespace Attention.Sdk.Testing.Tests.WireMock;

public sealed class StubTests(WireMockServer wiremock)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stub_returns_its_status_body_and_headers()
    {
        await using var scope = await wiremock.CreateScopeAsync();
        await scope.StubAsync(Stub.Get("v1/rentals/r1")
            .RespondsJson(200, """{"id":"r1","status":"active"}""")
            .WithHeaders(("Retry-After", "1"), ("X-Request-Id", "req-9")), Ct);
        using var http = new HttpClient { BaseAddress = new Uri(scope.BaseUri, "v1/") };

        using var response = await http.GetAsync("rentals/r1", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("Retry-After")));
        Assert.Equal("req-9", Assert.Single(response.Headers.GetValues("X-Request-Id")));
        Assert.Equal("""{"id":"r1","status":"active"}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Status_only_and_raw_body_responses_keep_status_and_content_type()
    {
        await using var scope = await wiremock.CreateScopeAsync();
        await scope.StubAsync(Stub.Delete("/v1/rentals/r1").Responds(204), Ct);
        await scope.StubAsync(Stub.Get("v1/broken").RespondsBody(502, "<html><body>Bad gateway</body></html>", "text/html"), Ct);
        await scope.StubAsync(Stub.Get("v1/truncated").RespondsBody(200, """{"id":"r1","sta""", "application/json"), Ct);
        using var http = new HttpClient();

        using var deleted = await http.DeleteAsync(scope.Url("v1/rentals/r1"), Ct);
        using var html = await http.GetAsync(scope.Url("v1/broken"), Ct);
        using var truncated = await http.GetAsync(scope.Url("v1/truncated"), Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bad gateway", await html.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("""{"id":"r1","sta""", await truncated.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Request_matchers_select_the_stub_by_header_query_and_json_body()
    {
        await using var scope = await wiremock.CreateScopeAsync();
        await scope.StubAsync(Stub.Post("v1/rentals")
            .WithHeader("Idempotency-Key", Matches.Present)
            .WithQueryParam("status", "active")
            .WithBodyJson("""{"platform":"tiktok","count":2}""")
            .RespondsJson(202, """{"accepted":true}"""), Ct);
        await scope.StubAsync(Stub.Post("v1/rentals").RespondsJson(400, """{"error":"fallback"}""").WithPriority(10), Ct);
        using var http = new HttpClient();

        async Task<HttpStatusCode> Send(string url, string body, string? key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, scope.Url(url)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (key is not null)
            {
                request.Headers.Add("Idempotency-Key", key);
            }

            using var response = await http.SendAsync(request, Ct);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Accepted, await Send("v1/rentals?status=active", """{ "count": 2, "platform": "tiktok" }""", "k1"));
        Assert.Equal(HttpStatusCode.BadRequest, await Send("v1/rentals?status=active", """{"count":2,"platform":"tiktok"}""", null));
        Assert.Equal(HttpStatusCode.BadRequest, await Send("v1/rentals?status=paused", """{"count":2,"platform":"tiktok"}""", "k1"));
        Assert.Equal(HttpStatusCode.BadRequest, await Send("v1/rentals?status=active", """{"count":3,"platform":"tiktok"}""", "k1"));
    }

    [Fact]
    public async Task Priority_picks_the_more_specific_stub()
    {
        await using var scope = await wiremock.CreateScopeAsync();
        await scope.StubAsync(Stub.PathMatching("GET", "v1/rentals/[^/]+").RespondsJson(200, """{"who":"any"}""").WithPriority(5), Ct);
        await scope.StubAsync(Stub.Get("v1/rentals/special").RespondsJson(200, """{"who":"special"}""").WithPriority(1), Ct);
        using var http = new HttpClient();

        Assert.Equal("""{"who":"special"}""", await http.GetStringAsync(scope.Url("v1/rentals/special"), Ct));
        Assert.Equal("""{"who":"any"}""", await http.GetStringAsync(scope.Url("v1/rentals/other"), Ct));
    }

    [Fact]
    public async Task Path_regex_and_full_url_matching_work_under_the_prefix()
    {
        await using var scope = await wiremock.CreateScopeAsync();
        await scope.StubAsync(Stub.PathMatching("GET", "^/v1/items/[0-9]+").Responds(200), Ct);
        await scope.StubAsync(Stub.Get("v1/search?q=cats&page=2").Responds(203), Ct);
        using var http = new HttpClient();

        using var byRegex = await http.GetAsync(scope.Url("v1/items/42"), Ct);
        using var regexMiss = await http.GetAsync(scope.Url("v1/items/abc"), Ct);
        using var byUrl = await http.GetAsync(scope.Url("v1/search?q=cats&page=2"), Ct);
        using var urlMiss = await http.GetAsync(scope.Url("v1/search?page=2&q=cats"), Ct);

        Assert.Equal(HttpStatusCode.OK, byRegex.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, regexMiss.StatusCode);
        Assert.Equal(HttpStatusCode.NonAuthoritativeInformation, byUrl.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, urlMiss.StatusCode);
    }

    [Fact]
    public async Task Scoped_stub_is_not_matched_from_another_scope()
    {
        await using var owner = await wiremock.CreateScopeAsync();
        await using var other = await wiremock.CreateScopeAsync();
        await owner.StubAsync(Stub.Get("v1/ping").Responds(200), Ct);
        using var http = new HttpClient();

        using var fromOwner = await http.GetAsync(owner.Url("v1/ping"), Ct);
        using var fromOther = await http.GetAsync(other.Url("v1/ping"), Ct);
        using var fromRoot = await http.GetAsync(new Uri(wiremock.BaseUri, "v1/ping"), Ct);

        Assert.Equal(HttpStatusCode.OK, fromOwner.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fromOther.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fromRoot.StatusCode);
    }

    [Fact]
    public async Task Disposing_a_scope_removes_its_stubs()
    {
        var scope = wiremock.NewScope();
        var id = await scope.StubAsync(Stub.Get("v1/ping").Responds(200), Ct);
        using var http = new HttpClient();
        using (var before = await http.GetAsync(scope.Url("v1/ping"), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await scope.DisposeAsync();

        using var after = await http.GetAsync(scope.Url("v1/ping"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.DoesNotContain(await wiremock.Admin.GetMappingsAsync(Ct), m => m["id"]?.GetValue<string>() == id.ToString());
        await scope.DisposeAsync(); // a second dispose is harmless
    }

    [Fact]
    public async Task Fixed_delay_holds_the_response_back()
    {
        await using var scope = await wiremock.CreateScopeAsync();
        await scope.StubAsync(Stub.Get("v1/slow").RespondsJson(200, """{"ok":true}""").WithFixedDelay(TimeSpan.FromMilliseconds(1500)), Ct);
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };
        using var patient = new HttpClient();

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.GetAsync(scope.Url("v1/slow"), Ct));
        var body = await patient.GetFromJsonAsync<Dictionary<string, bool>>(scope.Url("v1/slow"), Ct);

        Assert.True(body!["ok"]);
    }
}
