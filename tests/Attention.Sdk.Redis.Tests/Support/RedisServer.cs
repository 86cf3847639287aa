using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Attention.Sdk.Testing.Tools;
using StackExchange.Redis;

namespace Attention.Sdk.Redis.Tests.Support;

/// <summary>
/// A redis-server of the test's own: a free loopback port, a temporary directory for its append-only file, never the system
/// service. Can be killed (SIGKILL, no clean shutdown) and started again on the same port and directory.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string[] _settings;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private RedisServer(string directory, int port, string[] settings)
    {
        Directory = directory;
        Port = port;
        _settings = settings;
    }

    /// <summary>The server's data directory (deleted on dispose).</summary>
    public string Directory { get; }

    /// <summary>The loopback port.</summary>
    public int Port { get; }

    /// <summary>
    /// A StackExchange.Redis configuration string for this server. Its 15 s timeouts only bound a hang: on a saturated machine
    /// (racer processes starting beside the suite) a command can wait well over 2 s for its turn.
    /// </summary>
    public string Configuration => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)},connectTimeout=15000,syncTimeout=15000,asyncTimeout=15000,abortConnect=false,connectRetry=1";

    /// <summary>The configuration string with 2 s timeouts, for tests that stop the server and expect calls to fail fast.</summary>
    public string FailFastConfiguration => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)},connectTimeout=2000,syncTimeout=2000,asyncTimeout=2000,abortConnect=false,connectRetry=1";

    /// <summary>Starts a durable server (<c>appendonly yes</c>, <c>appendfsync always</c>) unless other settings are given.</summary>
    /// <param name="appendFsync">The <c>appendfsync</c> setting.</param>
    /// <param name="appendOnly">The <c>appendonly</c> setting.</param>
    public static async Task<RedisServer> StartAsync(string appendFsync = "always", string appendOnly = "yes")
    {
        TestEnvironment.RequireCommand("redis-server", "redis-server");
        for (var attempt = 1; ; attempt++)
        {
            var directory = Path.Combine(Path.GetTempPath(), "attention-redis-" + Guid.NewGuid().ToString("N")[..10]);
            System.IO.Directory.CreateDirectory(directory);
            var server = new RedisServer(directory, FreePort(), ["--appendonly", appendOnly, "--appendfsync", appendFsync]);
            try
            {
                await server.StartAgainAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>Connects a new multiplexer (each call is a separate connection, as separate processes would have).</summary>
    /// <param name="failFast">Whether to use <see cref="FailFastConfiguration"/> (for a test that stops the server).</param>
    public Task<ConnectionMultiplexer> ConnectAsync(bool failFast = false) => ConnectionMultiplexer.ConnectAsync(failFast ? FailFastConfiguration : Configuration);

    /// <summary>Kills the server with SIGKILL: no shutdown, no final rewrite of its files.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the server (again) on the same port and directory, and waits until it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        var psi = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        foreach (var argument in (string[])["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", Directory, "--save", "", "--daemonize", "no", "--protected-mode", "yes", .. _settings])
        {
            psi.ArgumentList.Add(argument);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("redis-server did not start");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        var clock = Stopwatch.StartNew();
        while (!await AnswersPingAsync())
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new InvalidOperationException($"redis-server on port {Port} did not come up: {Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>What the server wrote so far.</summary>
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

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("*1\r\n$4\r\nPING\r\n"u8.ToArray());
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(2));
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
