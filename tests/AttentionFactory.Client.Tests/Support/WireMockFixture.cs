using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Attention.Sdk.Testing.Tools;

[assembly: AssemblyFixture(typeof(AttentionFactory.Client.Tests.Support.WireMockFixture))]

namespace AttentionFactory.Client.Tests.Support;

/// <summary>
/// The real WireMock standalone server (the jar from the npm package in tests/tools), started once per test run on 127.0.0.1
/// and a free port. Each test takes a <see cref="WireMockScope"/>: a unique path prefix, so stubs, scenarios and the journal
/// of parallel tests never mix. (A stand-in until the shared harness fixture lands.)
/// </summary>
public sealed class WireMockFixture : IAsyncLifetime
{
    private Process? _process;
    private readonly StringBuilder _log = new();

    public HttpClient Admin { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public Uri BaseUri { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        TestEnvironment.EnsureNodeModules();
        TestEnvironment.RequireCommand("java", "default-jre-headless");
        var jar = Directory.GetFiles(Path.Combine(TestEnvironment.NodeModules, "wiremock", "build"), "wiremock-standalone-*.jar").Single();
        var port = FreePort();
        var psi = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar, "--port", port.ToString(), "--bind-address", "127.0.0.1", "--disable-banner", "--async-response-enabled", "true" })
        {
            psi.ArgumentList.Add(arg);
        }

        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        Admin.BaseAddress = new Uri(BaseUri, "__admin/");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await Admin.GetAsync("health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"WireMock did not start: {_log}");
            }

            await Task.Delay(100);
        }
    }

    public WireMockScope CreateScope() => new(this, "s" + Guid.NewGuid().ToString("N")[..12]);

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Admin.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One test's slice of the server: its own path prefix, stubs, scenarios and journal.</summary>
public sealed class WireMockScope(WireMockFixture server, string id)
{
    public string Id { get; } = id;

    /// <summary>The scope's root (stubs are relative to it).</summary>
    public Uri BaseUri { get; } = new(server.BaseUri, id + "/");

    /// <summary>The API base address to give the client (the scope root plus <c>v1/</c>).</summary>
    public Uri ApiBase => new(BaseUri, "v1/");

    /// <summary>Registers a stub for <paramref name="method"/> on the exact <paramref name="path"/> (relative, for example <c>v1/rentals</c>, already escaped).</summary>
    public async Task StubAsync(
        string method,
        string path,
        int status = 200,
        string? body = null,
        IReadOnlyDictionary<string, string>? query = null,
        IReadOnlyDictionary<string, string>? headers = null,
        string? scenario = null,
        string? whenState = null,
        string? nextState = null,
        string? fault = null,
        int priority = 5)
    {
        var request = new JsonObject { ["method"] = method, ["urlPath"] = "/" + Id + "/" + path.TrimStart('/') };
        if (query is not null)
        {
            var parameters = new JsonObject();
            foreach (var (name, value) in query)
            {
                parameters[name] = new JsonObject { ["equalTo"] = value };
            }

            request["queryParameters"] = parameters;
        }

        var response = new JsonObject { ["status"] = status };
        if (fault is not null)
        {
            response = new JsonObject { ["fault"] = fault };
        }
        else
        {
            var responseHeaders = new JsonObject { ["Content-Type"] = "application/json" };
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                responseHeaders[name] = value;
            }

            response["headers"] = responseHeaders;
            if (body is not null)
            {
                response["body"] = body;
            }
        }

        var mapping = new JsonObject { ["request"] = request, ["response"] = response, ["priority"] = priority };
        if (scenario is not null)
        {
            mapping["scenarioName"] = Id + "-" + scenario;
            mapping["requiredScenarioState"] = whenState ?? "Started";
            if (nextState is not null)
            {
                mapping["newScenarioState"] = nextState;
            }
        }

        using var result = await server.Admin.PostAsync("mappings", new StringContent(mapping.ToJsonString(), Encoding.UTF8, "application/json"));
        result.EnsureSuccessStatusCode();
    }

    /// <summary>The requests this scope received, oldest first.</summary>
    public async Task<IReadOnlyList<LoggedRequest>> GetRequestsAsync()
    {
        var filter = new JsonObject { ["urlPathPattern"] = "/" + Id + "/.*" };
        using var result = await server.Admin.PostAsync("requests/find", new StringContent(filter.ToJsonString(), Encoding.UTF8, "application/json"));
        result.EnsureSuccessStatusCode();
        var json = await result.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("requests").EnumerateArray()
            .Select(r => LoggedRequest.From(r, "/" + Id))
            .OrderBy(r => r.LoggedAt)
            .ToArray();
    }
}

/// <summary>One request from the WireMock journal.</summary>
public sealed record LoggedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset LoggedAt)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    internal static LoggedRequest From(JsonElement r, string prefix)
    {
        var url = r.GetProperty("url").GetString()!;
        var queryStart = url.IndexOf('?');
        var path = queryStart < 0 ? url : url[..queryStart];
        var query = queryStart < 0 ? string.Empty : url[(queryStart + 1)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (r.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in h.EnumerateObject())
            {
                headers[p.Name] = p.Value.ValueKind == JsonValueKind.Array
                    ? string.Join(",", p.Value.EnumerateArray().Select(v => v.GetString()))
                    : p.Value.GetString() ?? string.Empty;
            }
        }

        var body = r.TryGetProperty("body", out var b) ? b.GetString() ?? string.Empty : string.Empty;
        var loggedAt = r.TryGetProperty("loggedDate", out var d) && d.ValueKind == JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeMilliseconds(d.GetInt64())
            : DateTimeOffset.MinValue;
        return new LoggedRequest(r.GetProperty("method").GetString()!, path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path, query, headers, body, loggedAt);
    }
}
