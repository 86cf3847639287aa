using Attention.Sdk.Testing.WireMock;

namespace Attention.Sdk.Testing.Tests.WireMock;

public sealed class FaultTests(WireMockServer wiremock)
{
    [Theory]
    [InlineData(WireMockFault.ConnectionResetByPeer)]
    [InlineData(WireMockFault.EmptyResponse)]
    [InlineData(WireMockFault.RandomDataThenClose)]
    [InlineData(WireMockFault.MalformedResponseChunk)]
    public async Task Fault_breaks_the_connection_for_HttpClient(WireMockFault fault)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = await wiremock.CreateScopeAsync();
        await scope.StubAsync(Stub.Get("v1/flaky").RespondsWithFault(fault), ct);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        // MALFORMED_RESPONSE_CHUNK sends a 200 and headers first: the failure comes while reading the body.
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var response = await http.GetAsync(scope.Url("v1/flaky"), ct);
            await response.Content.ReadAsByteArrayAsync(ct);
        });

        Assert.True(error is HttpRequestException or IOException, $"Expected a transport failure, got {error}");
        // HttpClient may retry a request whose connection died before any response byte, so WireMock can log it more than once.
        var requests = await scope.GetRequestsAsync(ct);
        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.Equal("/v1/flaky", r.Path));
    }
}
