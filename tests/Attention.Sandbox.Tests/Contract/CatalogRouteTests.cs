using System.Text.RegularExpressions;
using Attention.Sdk.Http;
using AttentionFactory;
using Attentium;

namespace Attention.Sandbox.Tests.Contract;

/// <summary>
/// Every catalogued endpoint is a route on the sandbox: called with unknown ids it answers the emulator's own JSON (a JSON 404 for a
/// missing resource at most), never ASP.NET's empty routing 404 or a 405, which the two controls below show those look like.
/// </summary>
public sealed partial class CatalogRouteTests : IAsyncLifetime
{
    private AttentionSandbox _sandbox = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _sandbox = await AttentionSandbox.StartAsync(new AttentionSandboxOptions(), Ct);

    public async ValueTask DisposeAsync() => await _sandbox.DisposeAsync();

    public static TheoryData<string> FactoryEndpoints() => Names(AttentionFactoryEndpoints.All);

    public static TheoryData<string> AttentiumEndpointNames() => Names(AttentiumEndpoints.All);

    [Theory]
    [MemberData(nameof(FactoryEndpoints))]
    public async Task Every_attention_factory_endpoint_is_routed(string endpoint)
    {
        using var api = new RawApi(_sandbox.AttentionFactoryBaseAddress);

        var answer = await CallAsync(api, AttentionFactoryEndpoints.All.Single(e => e.ToString() == endpoint), _sandbox.CreateAttentionFactoryKey());

        AssertRouted(answer);
    }

    [Theory]
    [MemberData(nameof(AttentiumEndpointNames))]
    public async Task Every_attentium_endpoint_is_routed(string endpoint)
    {
        using var api = new RawApi(_sandbox.AttentiumBaseAddress);

        var answer = await CallAsync(api, AttentiumEndpoints.All.Single(e => e.ToString() == endpoint), key: null);

        AssertRouted(answer);
    }

    [Fact]
    public async Task An_uncatalogued_route_is_an_empty_404()
    {
        using var api = new RawApi(_sandbox.AttentionFactoryBaseAddress);

        var answer = await api.GetAsync("rentals/some-id/not-an-endpoint", _sandbox.CreateAttentionFactoryKey());

        Assert.Equal(404, answer.Status);
        Assert.Null(answer.Body);
    }

    [Fact]
    public async Task An_uncatalogued_method_on_a_catalogued_route_is_a_405()
    {
        using var api = new RawApi(_sandbox.AttentionFactoryBaseAddress);

        var answer = await api.SendAsync(HttpMethod.Put, "rentals", _sandbox.CreateAttentionFactoryKey(), "{}");

        Assert.Equal(405, answer.Status);
    }

    private static TheoryData<string> Names(IEnumerable<ApiEndpoint> endpoints)
    {
        var data = new TheoryData<string>();
        foreach (var endpoint in endpoints)
        {
            data.Add(endpoint.ToString());
        }

        return data;
    }

    private static Task<RawAnswer> CallAsync(RawApi api, ApiEndpoint endpoint, string? key)
    {
        var path = Parameter().Replace(endpoint.Route, m => "missing-" + m.Groups[1].Value);
        var body = endpoint.Method == HttpMethod.Post || endpoint.Method == HttpMethod.Patch ? "{}" : null;
        return api.SendAsync(endpoint.Method, path, key, body);
    }

    private static void AssertRouted(RawAnswer answer)
    {
        Assert.NotEqual(405, answer.Status);
        Assert.True(answer.Status != 404 || answer.Body is not null, "An empty 404: the sandbox has no route for this endpoint.");
        Assert.NotNull(answer.Body);
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Parameter();
}
