using System.IO.Compression;
using System.Xml.Linq;

namespace Attention.Sdk.Packaging.Tests;

/// <summary>What a customer gets from NuGet: every package complete, and usable from a fresh project with no project references.</summary>
public sealed class PackageTests(PackagesFixture packages) : IClassFixture<PackagesFixture>
{
    public static TheoryData<string> Ids() => [.. PackagesFixture.PackageIds];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Package_has_readme_license_docs_for_both_frameworks_and_symbols(string id)
    {
        var nupkg = Path.Combine(packages.Feed, $"{id}.{packages.Version}.nupkg");
        Assert.True(File.Exists(nupkg), $"{nupkg} was not produced");
        Assert.True(File.Exists(Path.Combine(packages.Feed, $"{id}.{packages.Version}.snupkg")), "no symbol package");

        using var zip = ZipFile.OpenRead(nupkg);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("README.md", names);
        foreach (var tfm in new[] { "net8.0", "net10.0" })
        {
            Assert.Contains($"lib/{tfm}/{id}.dll", names);
            Assert.Contains($"lib/{tfm}/{id}.xml", names);
        }

        using var nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var nuspec = XDocument.Load(nuspecStream);
        XNamespace ns = nuspec.Root!.GetDefaultNamespace();
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        Assert.Equal(packages.Version, metadata.Element(ns + "version")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Net8_dependencies_are_the_8_0_release_line_and_net10_dependencies_the_10_0_0_release(string id)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(packages.Feed, $"{id}.{packages.Version}.nupkg"));
        using var nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var nuspec = XDocument.Load(nuspecStream);
        XNamespace ns = nuspec.Root!.GetDefaultNamespace();
        var groups = nuspec.Descendants(ns + "dependencies").Elements(ns + "group").ToDictionary(g => (string)g.Attribute("targetFramework")!, StringComparer.OrdinalIgnoreCase);

        foreach (var (tfm, line) in new[] { ("net8.0", "8.0."), ("net10.0", "10.0.0") })
        {
            var extensions = groups[tfm].Elements(ns + "dependency")
                .Where(d => ((string)d.Attribute("id")!).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || (string)d.Attribute("id")! == "System.Threading.RateLimiting")
                .ToList();
            Assert.All(extensions, d => Assert.StartsWith(line, (string)d.Attribute("version")!, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_net8_app_on_the_8_0_configuration_packages_restores_and_builds_against_the_packages()
    {
        var project = await CreateConsumerAsync(
            "consumer-net8",
            ["AttentionFactory.Client", "AutoPersonas.Client", "Attentium.Client"],
            """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AttentionFactory:ApiKey"] = "af_test_sk_x" }).Build();
            var services = new ServiceCollection().AddAttentionFactoryClient(configuration.GetSection("AttentionFactory")).Services;
            Console.WriteLine(services.Count);
            """,
            targetFramework: "net8.0",
            otherReferences: [("Microsoft.Extensions.Configuration", "8.0.0"), ("Microsoft.Extensions.DependencyInjection", "8.0.1")]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        // Restore fails with NU1605 (a downgrade) if a package pushes Microsoft.Extensions.* past the app's 8.0 line.
        var output = await DotnetCli.RunAsync(project, null, timeout.Token, "build", "-nologo");

        Assert.Contains("Build succeeded", output);
        Assert.DoesNotContain("NU1605", output);
    }

    [Fact]
    public async Task New_console_project_restores_the_packages_from_a_local_feed_and_calls_the_sandbox()
    {
        var project = await CreateConsumerAsync("consumer", ["Attention.Sandbox", "AttentionFactory.Client"], """
            using Attention.Sandbox;
            using AttentionFactory;

            await using var sandbox = await AttentionSandbox.StartAsync();
            var client = new AttentionFactoryClient(sandbox.CreateAttentionFactoryOptions());
            var platforms = await client.Platforms.ListAsync();
            Console.WriteLine($"platforms={platforms.Count}");
            """);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        var output = await DotnetCli.RunAsync(project, null, timeout.Token, "run", "-nologo");

        Assert.Contains("platforms=6", output);
        Assert.DoesNotContain(Directory.GetFiles(project, "*.csproj").SelectMany(File.ReadAllLines), l => l.Contains("ProjectReference", StringComparison.Ordinal));
    }

    [Fact]
    public async Task New_console_project_registers_the_redis_package_for_the_clients_from_the_local_feed()
    {
        var project = await CreateConsumerAsync("redis-consumer", ["Attention.Sdk.Redis"], """
            using Attention.Sdk.Redis;
            using AutoPersonas;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Options;

            var services = new ServiceCollection();
            services.AddAutoPersonasClient(o => o.ApiKey = "ap_live_packagetest");
            services.AddAttentionRedis(o => o.Configuration = "127.0.0.1:1,abortConnect=false,connectTimeout=200");
            using var provider = services.BuildServiceProvider();
            var options = provider.GetRequiredService<IOptions<AutoPersonasClientOptions>>().Value;
            Console.WriteLine($"limiter={options.RateLimiterProvider?.GetType().Name}");
            """);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        var output = await DotnetCli.RunAsync(project, null, timeout.Token, "run", "-nologo");

        Assert.Contains("limiter=RedisClientRateLimiterProvider", output);
    }

    /// <summary>A console project outside the repository (none of its build settings apply) that takes the packages from the local feed first.</summary>
    private async Task<string> CreateConsumerAsync(string name, string[] packageIds, string program, string targetFramework = "net10.0", (string Id, string Version)[]? otherReferences = null)
    {
        var project = Path.Combine(packages.WorkRoot, name);
        Directory.CreateDirectory(project);
        var references = string.Join(Environment.NewLine, (otherReferences ?? []).Concat(packageIds.Select(id => (Id: id, Version: packages.Version)))
            .Select(r => $"""    <PackageReference Include="{r.Id}" Version="{r.Version}" />"""));
        await File.WriteAllTextAsync(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{targetFramework}</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), program, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{packages.Feed}" />
              </packageSources>
            </configuration>
            """, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(project, "Directory.Build.props"), "<Project />", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(project, "Directory.Packages.props"), "<Project />", TestContext.Current.CancellationToken);
        return project;
    }
}
