using System.Diagnostics;
using System.Globalization;
using System.Text;
using Attention.Sdk.Testing.Tools;

namespace Attention.Sdk.Testing.WireMock;

/// <summary>The java process running the WireMock standalone jar from the npm package in tests/tools.</summary>
internal sealed class WireMockProcess : IAsyncDisposable
{
    // Bounds a hang only: a JVM or node start on a saturated machine can take far longer than on a quiet one.
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WireMockProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    /// <summary>What the process wrote so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts WireMock on a free port and waits until its admin API answers; retries on a port clash.</summary>
    public static async Task<WireMockProcess> StartAsync(CancellationToken cancellationToken)
    {
        TestEnvironment.RequireCommand("java", "openjdk-17-jre-headless");
        TestEnvironment.EnsureNodeModules();
        var jar = FindJar();
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var process = new WireMockProcess(Launch(jar, port), port);
            try
            {
                await process.WaitUntilHealthyAsync(cancellationToken);
                return process;
            }
            catch (InvalidOperationException) when (attempt < attempts && process.LostPortRace())
            {
                await process.DisposeAsync();
            }
            catch
            {
                await process.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Polls <c>/__admin/health</c> until it answers, the process dies, or 120 s pass (then throws with the process output).</summary>
    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var admin = new WireMockAdminClient(new Uri($"http://127.0.0.1:{Port}/__admin/"));
        var clock = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await admin.IsHealthyAsync(cancellationToken))
            {
                return;
            }

            if (_process.HasExited)
            {
                _process.WaitForExit(); // flushes the output handlers
                throw new InvalidOperationException($"WireMock (java) exited with code {_process.ExitCode} before answering on port {Port}. Output:{Environment.NewLine}{Output}");
            }

            if (clock.Elapsed > s_startTimeout)
            {
                throw new InvalidOperationException($"WireMock did not answer GET /__admin/health on port {Port} within {s_startTimeout.TotalSeconds:0} s. Output:{Environment.NewLine}{Output}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Whether the process died because another process took the port first.</summary>
    private bool LostPortRace() => _process.HasExited && Output.Contains("Address already in use", StringComparison.OrdinalIgnoreCase);

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or refusing to die: nothing more a test run can do.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static string FindJar()
    {
        var build = Path.Combine(TestEnvironment.NodeModules, "wiremock", "build");
        var jars = Directory.Exists(build) ? Directory.GetFiles(build, "wiremock-standalone-*.jar") : [];
        return jars.Length switch
        {
            1 => jars[0],
            0 => throw new InvalidOperationException($"The WireMock standalone jar is missing from {build}. Run `npm install` in {TestEnvironment.ToolsDirectory}."),
            _ => jars.Order(StringComparer.Ordinal).Last(),
        };
    }

    private static Process Launch(string jar, int port)
    {
        var psi = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] args =
        [
            // Quick start for a short-lived server: C1 only, a small serial heap.
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
            "-jar", jar,
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--bind-address", "127.0.0.1",
            "--disable-banner",
            // Delayed responses wait on a scheduler instead of holding a Jetty thread, so parallel tests with delays do not starve each other.
            "--async-response-enabled", "true",
        ];
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        return Process.Start(psi) ?? throw new InvalidOperationException("java did not start");
    }
}
