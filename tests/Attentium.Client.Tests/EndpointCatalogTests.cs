using System.Reflection;
using Attention.Sdk.Http;

namespace Attentium.Client.Tests;

/// <summary><see cref="AttentiumEndpoints"/>: complete and consistent, so adding an endpoint is one entry.</summary>
public sealed class EndpointCatalogTests
{
    [Fact]
    public void All_lists_every_endpoint_property_exactly_once()
    {
        var properties = typeof(AttentiumEndpoints)
            .GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(ApiEndpoint))
            .Select(p => (ApiEndpoint)p.GetValue(null)!)
            .ToList();

        Assert.Equal(8, properties.Count);
        Assert.Equal(properties.Count, AttentiumEndpoints.All.Distinct().Count());
        Assert.True(properties.ToHashSet().SetEquals(AttentiumEndpoints.All));
    }

    [Fact]
    public void No_two_endpoints_share_a_method_and_route()
    {
        var duplicates = AttentiumEndpoints.All.GroupBy(e => e.ToString()).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Only_the_gets_are_safe_to_repeat_and_no_endpoint_needs_a_scope()
    {
        Assert.All(AttentiumEndpoints.All, e => Assert.Equal(e.Method == HttpMethod.Get, e.IsSafeToRepeat));
        Assert.All(AttentiumEndpoints.All, e => Assert.Null(e.RequiredPermission));
    }
}
