using Attention.Sdk.Core.Tests.Support;
using Attention.Sdk.Http;
using Attention.Sdk.Testing.WireMock;

namespace Attention.Sdk.Core.Tests.Integration;

/// <summary>What HttpClient puts on the wire for hostile ids, read from the real WireMock server's journal.</summary>
public sealed class PathParameterWireMockTests(WireMockServer wiremock)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("%2e%2e", "/v1/rentals/%252e%252e")]
    [InlineData("a/b", "/v1/rentals/a%2Fb")]
    [InlineData("a?b", "/v1/rentals/a%3Fb")]
    [InlineData("a#b", "/v1/rentals/a%23b")]
    [InlineData("a b", "/v1/rentals/a%20b")]
    [InlineData("..%2f..", "/v1/rentals/..%252f..")]
    [InlineData("\u0440\u0435\u043d\u0442", "/v1/rentals/%D1%80%D0%B5%D0%BD%D1%82")]
    public async Task Hostile_id_arrives_as_exactly_one_escaped_segment(string id, string expectedPath)
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.PathMatching("DELETE", ".*").Responds(204), Ct);
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(scope.Url("v1/")));

        await connection.SendRawAsync(new ApiRequest(HttpMethod.Delete, "rentals/{id}").WithPath("id", id), Ct);

        var request = Assert.Single(await scope.GetRequestsAsync(Ct));
        Assert.Equal("DELETE", request.Method);
        Assert.Equal(expectedPath, request.RelativeUrl);
    }

    [Fact]
    public async Task Dot_dot_id_sends_nothing_to_the_server()
    {
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.PathMatching("ANY", ".*").Responds(204), Ct);
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(scope.Url("v1/")));

        await Assert.ThrowsAsync<ArgumentException>(() => connection.SendRawAsync(new ApiRequest(HttpMethod.Delete, "rentals/{id}").WithPath("id", ".."), Ct));

        Assert.Empty(await scope.GetRequestsAsync(Ct));
    }
}
