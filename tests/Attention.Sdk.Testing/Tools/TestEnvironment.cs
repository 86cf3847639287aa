using System.Diagnostics;
using System.Reflection;

namespace Attention.Sdk.Testing.Tools;

/// <summary>Where the repository and its npm test tools are, and checks that node and java exist.</summary>
public static class TestEnvironment
{
    private static readonly Lazy<string> s_repoRoot = new(FindRepoRoot);

    /// <summary>The repository root (the folder holding Attention.Sdk.sln).</summary>
    public static string RepoRoot => s_repoRoot.Value;

    /// <summary><c>tests/tools</c>: package.json, node_modules and the Node scripts the tests run.</summary>
    public static string ToolsDirectory => Path.Combine(RepoRoot, "tests", "tools");

    /// <summary>The node_modules folder of the test tools.</summary>
    public static string NodeModules => Path.Combine(ToolsDirectory, "node_modules");

    /// <summary>Fails with an install hint when a command is not on PATH.</summary>
    public static void RequireCommand(string command, string debianPackage)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, "--version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException();
            process.WaitForExit(30_000);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"'{command}' is required by the integration tests but was not found on PATH. Install it with: apt-get install {debianPackage}", ex);
        }
    }

    /// <summary>Ensures tests/tools/node_modules exists (runs <c>npm install</c> from the lock once, under a file lock shared by parallel test runs).</summary>
    public static void EnsureNodeModules()
    {
        if (File.Exists(Path.Combine(NodeModules, ".package-lock.json")))
        {
            return;
        }

        RequireCommand("node", "nodejs");
        RequireCommand("npm", "npm");
        using var gate = new FileStream(Path.Combine(Path.GetTempPath(), "attention-sdk-npm-ci.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        if (File.Exists(Path.Combine(NodeModules, ".package-lock.json")))
        {
            return;
        }

        var psi = new ProcessStartInfo("npm", "install --no-audit --no-fund")
        {
            WorkingDirectory = ToolsDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm install in {ToolsDirectory} failed with exit code {process.ExitCode}: {stderr.Result}");
        }
    }

    private static string FindRepoRoot()
    {
        var baked = typeof(TestEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "AttentionRepoRoot")?.Value;
        if (!string.IsNullOrEmpty(baked) && File.Exists(Path.Combine(baked, "Attention.Sdk.sln")))
        {
            return Path.GetFullPath(baked);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Attention.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (Attention.Sdk.sln) from the test assembly.");
    }
}
