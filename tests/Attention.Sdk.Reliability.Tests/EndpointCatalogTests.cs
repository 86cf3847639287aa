using System.Reflection;
using Attention.Sdk.Http;
using AttentionFactory;
using Attentium;
using AutoPersonas;

namespace Attention.Sdk.Reliability.Tests;

/// <summary>
/// The three endpoint catalogs are complete and consistent: <c>All</c> lists every catalogued endpoint once, no two share a method
/// and route, and each holds as many endpoints as its API document (so one left out of <c>All</c>, or added twice, fails here).
/// </summary>
public sealed class EndpointCatalogTests
{
    public static TheoryData<string, int> Catalogs => new()
    {
        { nameof(AttentionFactoryEndpoints), 27 },
        { nameof(AttentiumEndpoints), 8 },
        { nameof(AutoPersonasEndpoints), 46 },
    };

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void All_lists_every_endpoint_property_exactly_once(string catalog, int documented)
    {
        var (type, all) = Find(catalog);
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(ApiEndpoint))
            .Select(p => (ApiEndpoint)p.GetValue(null)!)
            .ToList();

        Assert.Equal(documented, properties.Count);
        Assert.Equal(properties.Count, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.True(properties.ToHashSet().SetEquals(all));
    }

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void No_two_endpoints_share_a_method_and_route(string catalog, int documented)
    {
        var (_, all) = Find(catalog);

        Assert.Equal(documented, all.Count);
        Assert.Empty(all.GroupBy(e => e.ToString()).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    private static (Type Type, IReadOnlyList<ApiEndpoint> All) Find(string catalog) => catalog switch
    {
        nameof(AttentionFactoryEndpoints) => (typeof(AttentionFactoryEndpoints), AttentionFactoryEndpoints.All),
        nameof(AttentiumEndpoints) => (typeof(AttentiumEndpoints), AttentiumEndpoints.All),
        nameof(AutoPersonasEndpoints) => (typeof(AutoPersonasEndpoints), AutoPersonasEndpoints.All),
        _ => throw new ArgumentOutOfRangeException(nameof(catalog)),
    };
}
