using System.Diagnostics;
using System.Text;

namespace Attention.Sdk.Testing.Tools;

/// <summary>Runs Node.js code from tests/tools (so the npm reference packages resolve) and returns its standard output.</summary>
public static class NodeScript
{
    /// <summary>Runs an ES module given as source text; <paramref name="stdin"/> is written to its standard input.</summary>
    public static async Task<string> RunAsync(string moduleSource, string? stdin = null, CancellationToken cancellationToken = default)
    {
        TestEnvironment.EnsureNodeModules();
        var file = Path.Combine(TestEnvironment.ToolsDirectory, $".run-{Guid.NewGuid():N}.mjs");
        await File.WriteAllTextAsync(file, moduleSource, cancellationToken);
        try
        {
            return await RunFileAsync(file, [], stdin, cancellationToken);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Runs a script file with arguments and returns its standard output; a non-zero exit throws with stderr.</summary>
    public static async Task<string> RunFileAsync(string scriptPath, IEnumerable<string> args, string? stdin = null, CancellationToken cancellationToken = default)
    {
        TestEnvironment.EnsureNodeModules();
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = TestEnvironment.ToolsDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(scriptPath);
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {Path.GetFileName(scriptPath)} exited with {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }
}
