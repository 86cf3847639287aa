using Attention.Sdk;
using Attention.Sdk.Http;
using Attention.Sdk.Testing.WireMock;
using AutoPersonas.Client.Tests.Support;

namespace AutoPersonas.Client.Tests;

/// <summary>
/// <see cref="AutoPersonasEndpoints"/>: consistent with its API (the catalogs' completeness is checked once, in the reliability suite), and a catalogued request sent
/// through the escape hatch gets the same scope handling as a typed method.
/// </summary>
public sealed class EndpointCatalogTests(WireMockServer wiremock) : ApTestBase(wiremock)
{
    [Fact]
    public void Every_endpoint_needs_a_documented_scope()
    {
        var documented = AutoPersonasScope.All.Select(s => s.Value).ToHashSet();

        Assert.All(AutoPersonasEndpoints.All, e => Assert.Contains(e.RequiredPermission!, documented));
    }

    [Fact]
    public void No_endpoint_promises_idempotency_key_deduplication()
    {
        Assert.All(AutoPersonasEndpoints.All, e => Assert.False(e.HonoursIdempotencyKey, e.ToString()));
    }

    [Fact]
    public async Task A_catalogued_request_through_the_escape_hatch_is_refused_before_sending_when_its_scope_is_not_declared()
    {
        await StubAsync("POST", "content/cnt_1/publish", 200, "{}");
        var client = CreateClient(o => o.GrantedScopes = [AutoPersonasScope.ContentRead]);

        var ex = await Assert.ThrowsAsync<ScopeNotGrantedException>(
            () => client.SendAsync(new ApiRequest(AutoPersonasEndpoints.PublishContent).WithPath("id", "cnt_1"), Ct));

        Assert.Equal("publishing:write", ex.RequiredPermission);
        Assert.Equal(0, await RequestCountAsync());
    }

    [Fact]
    public async Task A_catalogued_request_through_the_escape_hatch_gets_a_403_naming_its_scope()
    {
        await StubAsync("DELETE", "characters/chr_1/voice-samples/a.mp3", 403, """{"error":"Key lacks required scope"}""");

        var ex = await Assert.ThrowsAsync<AttentionPermissionDeniedException>(
            () => CreateClient().SendAsync(new ApiRequest(AutoPersonasEndpoints.DeleteVoiceSample).WithPath("id", "chr_1").WithPath("audioUrl", "a.mp3"), Ct));

        Assert.Equal("character:write", ex.RequiredPermission);
        Assert.Equal(1, await RequestCountAsync());
    }
}
