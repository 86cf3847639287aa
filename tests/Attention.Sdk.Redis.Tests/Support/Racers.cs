using System.Diagnostics;

namespace Attention.Sdk.Redis.Tests.Support;

/// <summary>
/// Real OS processes running Attention.Sdk.Redis.Racer: each connects on its own, says "ready", and starts on one shared "go"
/// line, so they race as separate machines would.
/// </summary>
public static class Racers
{
    /// <summary>Runs <paramref name="count"/> racers with the arguments of each; returns every racer's standard output.</summary>
    public static async Task<string[]> RunAsync(int count, Func<int, string[]> arguments, CancellationToken cancellationToken)
    {
        var racer = Path.Combine(AppContext.BaseDirectory, "Attention.Sdk.Redis.Racer.dll");
        var processes = new List<Process>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                psi.ArgumentList.Add(racer);
                foreach (var argument in arguments(i))
                {
                    psi.ArgumentList.Add(argument);
                }

                processes.Add(Process.Start(psi) ?? throw new InvalidOperationException("the racer did not start"));
            }

            foreach (var process in processes)
            {
                var line = await process.StandardOutput.ReadLineAsync(cancellationToken);
                if (line != "ready")
                {
                    throw new InvalidOperationException($"a racer did not get ready: {line} {await process.StandardError.ReadToEndAsync(cancellationToken)}");
                }
            }

            foreach (var process in processes)
            {
                await process.StandardInput.WriteLineAsync("go");
                await process.StandardInput.FlushAsync(cancellationToken);
            }

            var outputs = new string[count];
            for (var i = 0; i < count; i++)
            {
                var stdout = processes[i].StandardOutput.ReadToEndAsync(cancellationToken);
                var stderr = processes[i].StandardError.ReadToEndAsync(cancellationToken);
                await processes[i].WaitForExitAsync(cancellationToken);
                outputs[i] = await stdout;
                if (processes[i].ExitCode != 0)
                {
                    throw new InvalidOperationException($"racer {i} exited with {processes[i].ExitCode}: {await stderr}");
                }
            }

            return outputs;
        }
        finally
        {
            foreach (var process in processes)
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }

                process.Dispose();
            }
        }
    }
}
