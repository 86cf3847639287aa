using Attention.Sdk.Testing.Tools;

namespace Attention.Sdk.Packaging.Tests;

/// <summary>
/// Packs the six libraries once per run into a local feed, the way a release does (<c>dotnet pack -c Release</c>), with a
/// version suffix unique to the run so no cached package of the same version can stand in for the new one.
/// </summary>
public sealed class PackagesFixture : IAsyncLifetime
{
    public static readonly string[] PackageIds = ["Attention.Sdk.Core", "AttentionFactory.Client", "Attentium.Client", "AutoPersonas.Client", "Attention.Sandbox", "Attention.Sdk.Redis"];

    public string Feed { get; } = Path.Combine(Path.GetTempPath(), "attention-sdk-feed-" + Guid.NewGuid().ToString("N")[..8]);

    public string Version { get; } = "0.1.0-pkgtest." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

    public string WorkRoot { get; } = Path.Combine(Path.GetTempPath(), "attention-sdk-pack-" + Guid.NewGuid().ToString("N")[..8]);

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var suffix = Version["0.1.0-".Length..];
        foreach (var id in PackageIds)
        {
            await DotnetCli.RunAsync(
                TestEnvironment.RepoRoot,
                new Dictionary<string, string> { ["ATTENTION_ARTIFACTS"] = Path.Combine(WorkRoot, "build") },
                timeout.Token,
                "pack", Path.Combine("src", id, id + ".csproj"), "-c", "Release", "-o", Feed, "--version-suffix", suffix, "-nologo");
        }
    }

    public ValueTask DisposeAsync()
    {
        foreach (var dir in new[] { Feed, WorkRoot })
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        return ValueTask.CompletedTask;
    }
}
