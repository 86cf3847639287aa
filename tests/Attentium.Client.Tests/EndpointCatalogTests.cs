using Attention.Sdk.Http;

namespace Attentium.Client.Tests;

/// <summary><see cref="AttentiumEndpoints"/>: consistent with its API (the catalogs' completeness is checked once, in the reliability suite).</summary>
public sealed class EndpointCatalogTests
{
    [Fact]
    public void Only_the_gets_are_safe_to_repeat_and_no_endpoint_needs_a_scope()
    {
        Assert.All(AttentiumEndpoints.All, e => Assert.Equal(e.Method == HttpMethod.Get, e.IsSafeToRepeat));
        Assert.All(AttentiumEndpoints.All, e => Assert.Null(e.RequiredPermission));
    }
}
