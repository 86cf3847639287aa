using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Attention.Sdk.Testing.Tools;

namespace Attention.Sandbox.Tests.Tool;

/// <summary>
/// The standalone server as a customer gets it: packed as a .NET tool, installed from the local pack into a fresh tool path,
/// started with <c>--port</c>, driven with plain HTTP (one flow per API), and stopped with SIGTERM.
/// </summary>
public sealed class StandaloneToolTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "attention-sandbox-tool-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly StringBuilder _output = new();
    private Process _server = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var feed = Path.Combine(_root, "feed");
        var version = "0.1.0-tooltest." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string>();

        // The test build built the tool (a non-referencing project reference) in this configuration: pack that build as is.
        var configuration = typeof(StandaloneToolTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        await RunDotnetAsync(TestEnvironment.RepoRoot, environment, timeout.Token,
            "pack", Path.Combine("src", "Attention.Sandbox.Tool", "Attention.Sandbox.Tool.csproj"), "--no-build", "-c", configuration, "-o", feed, "--version-suffix", version["0.1.0-".Length..], "-nologo");
        await RunDotnetAsync(_root, environment, timeout.Token,
            "tool", "install", "Attention.Sandbox.Tool", "--tool-path", Path.Combine(_root, "tools"), "--add-source", feed, "--version", version);

        var port = FreePort();
        var start = new ProcessStartInfo(Path.Combine(_root, "tools", "attention-sandbox"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _server = Process.Start(start)!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.OutputDataReceived += (_, e) => Capture(e.Data, ready);
        _server.ErrorDataReceived += (_, e) => Capture(e.Data, ready: null);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromMinutes(1));
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Installed_tool_serves_each_api_over_plain_http_and_stops_cleanly_on_sigterm()
    {
        var banner = Output();
        Assert.Contains("af_test_sk_sandbox", banner);
        Assert.Contains("ap_live_sandbox", banner);
        Assert.Contains("/factory/v1/", banner);

        // Attention Factory: a new account through the control endpoint, a rental, activation, its detail.
        var key = (string)(await SendAsync(HttpMethod.Post, "sandbox/factory/keys", null, """{"credits":150}""", 201))["api_key"]!;
        var rental = await SendAsync(HttpMethod.Post, "factory/v1/rentals", key, """{"platform":"instagram"}""", 202);
        await SendAsync(HttpMethod.Post, $"sandbox/factory/rentals/{rental["id"]}/activate", null, null, 200);
        var active = await SendAsync(HttpMethod.Get, $"factory/v1/rentals/{rental["id"]}", key, null, 200);
        Assert.Equal("active", (string?)active["status"]);
        Assert.Equal("51.00", (string?)(await SendAsync(HttpMethod.Get, "factory/v1/billing/balance", key, null, 200))["balance"]);

        // AutoPersonas: an influencer and a generation batch.
        var influencer = await SendAsync(HttpMethod.Post, "autopersonas/api/v1/influencers", "ap_live_sandbox", """{"name":"Ava","profileId":"prof_ava"}""", 201);
        var batch = await SendAsync(HttpMethod.Post, "autopersonas/api/v1/content/generate", "ap_live_sandbox", """{"profileId":"prof_ava","count":2}""", 202);
        Assert.Equal("Ava", (string?)influencer["name"]);
        Assert.Equal(2, (int)batch["count"]!);

        // Attentium: a quote, then a campaign that answers 402 with the escrow deposit to sign; and the Solana endpoint.
        var quote = await SendAsync(HttpMethod.Get, "attentium/v1/oracle/quote?duration=30", null, null, 200);
        var invoice = await SendAsync(HttpMethod.Post, "attentium/v1/verify", null, """{"duration":30,"quantity":5,"bid_per_second":0.003,"validation_question":"Is this a cat?"}""", 402);
        var slot = await SendAsync(HttpMethod.Post, "solana", null, """{"jsonrpc":"2.0","id":1,"method":"getSlot"}""", 200);
        Assert.Equal(30, (int)quote["duration"]!);
        Assert.False(string.IsNullOrEmpty((string?)invoice["campaign_id"]));
        Assert.NotNull(slot["result"]);

        using (var kill = Process.Start("kill", ["-TERM", _server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(Ct);
        }

        await _server.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(0, _server.ExitCode);
        Assert.Contains("attention-sandbox: stopped", Output());
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, string? key, string? json, int expectedStatus)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode == expectedStatus, $"{method} {path}: {(int)response.StatusCode} {text}");
        Assert.True(response.Headers.Contains("X-Request-Id"), $"{method} {path} has no X-Request-Id");
        return JsonNode.Parse(text)!;
    }

    private void Capture(string? line, TaskCompletionSource? ready)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains("attention-sandbox: ready", StringComparison.Ordinal))
        {
            ready?.TrySetResult();
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunDotnetAsync(string workingDirectory, Dictionary<string, string> environment, CancellationToken cancellationToken, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', args)} exited with {process.ExitCode}:{Environment.NewLine}{await stdout}{await stderr}");
    }
}
