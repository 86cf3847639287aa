using Attention.Sdk.Reliability.Tests.Support;

namespace Attention.Sdk.Reliability.Tests;

/// <summary>The reflection the other suites rely on finds every public async method and can build arguments for each.</summary>
public sealed class SurfaceTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_public_async_method_is_found_and_gets_sample_arguments()
    {
        foreach (var surface in ClientSurfaces.All)
        {
            Assert.NotEmpty(surface.Methods);
            output.WriteLine($"{surface.Name}: {surface.Methods.Count} public async methods");
        }

        foreach (var method in ClientSurfaces.AllMethods)
        {
            var args = SampleArguments.For(method.Method, CancellationToken.None);
            output.WriteLine($"  {method.DisplayName}");
            Assert.Equal(method.Method.GetParameters().Length, args.Length);
        }

        Assert.Contains(ClientSurfaces.AttentionFactory.Methods, m => m.DisplayName.Contains("Rentals.CreateAsync", StringComparison.Ordinal));
    }
}
