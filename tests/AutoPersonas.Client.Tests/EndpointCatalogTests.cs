using System.Reflection;
using Attention.Sdk;
using Attention.Sdk.Http;
using Attention.Sdk.Testing.WireMock;
using AutoPersonas.Client.Tests.Support;

namespace AutoPersonas.Client.Tests;

/// <summary>
/// <see cref="AutoPersonasEndpoints"/>: complete and consistent (so adding an endpoint is one entry), and a catalogued request sent
/// through the escape hatch gets the same scope handling as a typed method.
/// </summary>
public sealed class EndpointCatalogTests(WireMockServer wiremock) : ApTestBase(wiremock)
{
    [Fact]
    public void All_lists_every_endpoint_property_exactly_once()
    {
        var properties = typeof(AutoPersonasEndpoints)
            .GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(ApiEndpoint))
            .Select(p => (ApiEndpoint)p.GetValue(null)!)
            .ToList();

        Assert.Equal(46, properties.Count);
        Assert.Equal(properties.Count, AutoPersonasEndpoints.All.Distinct().Count());
        Assert.True(properties.ToHashSet().SetEquals(AutoPersonasEndpoints.All));
    }

    [Fact]
    public void No_two_endpoints_share_a_method_and_route()
    {
        var duplicates = AutoPersonasEndpoints.All.GroupBy(e => e.ToString()).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

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
