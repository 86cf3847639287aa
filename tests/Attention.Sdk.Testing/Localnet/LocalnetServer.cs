using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Attention.Sdk.Testing.Tools;
using Xunit;

namespace Attention.Sdk.Testing.Localnet;

/// <summary>
/// A Solana JSON-RPC localnet backed by LiteSVM (<c>tests/tools/localnet.mjs</c>) on 127.0.0.1 and a free port. Use it as an
/// xunit assembly fixture, <c>[assembly: AssemblyFixture(typeof(LocalnetServer))]</c>, and take it in test-class constructors;
/// tests sharing it use fresh keys and mints. A test that changes global state (<see cref="ExpireBlockhashAsync"/>) starts its
/// own: <c>await using var localnet = await LocalnetServer.StartAsync();</c>.
/// </summary>
public sealed class LocalnetServer : IAsyncLifetime
{
    // Bounds a hang only: a JVM or node start on a saturated machine can take far longer than on a quiet one.
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(120);
    private readonly StringBuilder _stderr = new();
    private Process? _process;
    private HttpClient? _http;
    private int _nextId;

    /// <summary>How many blocks a blockhash the localnet hands out stays valid (its <c>lastValidBlockHeight</c> is the height then plus this).</summary>
    public const int ValidBlocks = 6_000;

    /// <summary>The JSON-RPC endpoint, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri RpcUri { get; private set; } = null!;

    /// <summary>What the node process wrote to stderr so far.</summary>
    public string ProcessErrors
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts a localnet owned by the caller (dispose it to stop it).</summary>
    public static async Task<LocalnetServer> StartAsync(int tickMilliseconds = 100, CancellationToken cancellationToken = default)
    {
        var server = new LocalnetServer();
        await server.StartCoreAsync(tickMilliseconds, cancellationToken);
        return server;
    }

    /// <summary>Starts node and waits (at most 120 s) for its <c>LISTENING port</c> line.</summary>
    public async ValueTask InitializeAsync() => await StartCoreAsync(100, TestContext.Current.CancellationToken);

    /// <summary>Sends a JSON-RPC request and returns <c>result</c>; a JSON-RPC error throws <see cref="InvalidOperationException"/>.</summary>
    public async Task<JsonNode?> CallAsync(string method, JsonArray? parameters = null, CancellationToken cancellationToken = default)
    {
        var http = _http ?? throw new InvalidOperationException("The localnet is not running.");
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _nextId),
            ["method"] = method,
            ["params"] = parameters ?? [],
        };
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(RpcUri, content, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken)
            ?? throw new InvalidOperationException($"{method}: empty response");
        if (body["error"] is { } error)
        {
            throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
        }

        return body["result"];
    }

    /// <summary>Creates a USDC-like mint (6 decimals by default; SPL Token unless <paramref name="tokenProgram"/> says Token-2022) and returns its address.</summary>
    public async Task<string> CreateMintAsync(byte decimals = 6, string? tokenProgram = null, CancellationToken cancellationToken = default)
    {
        var options = new JsonObject { ["decimals"] = decimals };
        if (tokenProgram is not null)
        {
            options["tokenProgram"] = tokenProgram;
        }

        return (await CallAsync("localnet_createMint", [options], cancellationToken))!.GetValue<string>();
    }

    /// <summary>Adds <paramref name="amount"/> base units to <paramref name="owner"/>'s associated token account (created if missing); returns that account.</summary>
    public async Task<string> MintToAsync(string owner, string mint, ulong amount, CancellationToken cancellationToken = default) =>
        (await CallAsync("localnet_mintTo", [new JsonObject { ["mint"] = mint, ["owner"] = owner, ["amount"] = amount }], cancellationToken))!.GetValue<string>();

    /// <summary>Writes a token account holding exactly <paramref name="amount"/> (at <paramref name="address"/>, or the owner's associated token account); returns its address.</summary>
    public async Task<string> SetTokenAccountAsync(string owner, string mint, ulong amount, string? address = null, CancellationToken cancellationToken = default)
    {
        var options = new JsonObject { ["mint"] = mint, ["owner"] = owner, ["amount"] = amount };
        if (address is not null)
        {
            options["address"] = address;
        }

        return (await CallAsync("localnet_setTokenAccount", [options], cancellationToken))!.GetValue<string>();
    }

    /// <summary>Gives <paramref name="address"/> lamports (standard <c>requestAirdrop</c>); returns the airdrop's signature.</summary>
    public async Task<string> AirdropAsync(string address, ulong lamports, CancellationToken cancellationToken = default) =>
        (await CallAsync("requestAirdrop", [address, lamports], cancellationToken))!.GetValue<string>();

    /// <summary>The current blockhash and its last valid block height.</summary>
    public async Task<(string Blockhash, ulong LastValidBlockHeight)> GetLatestBlockhashAsync(CancellationToken cancellationToken = default)
    {
        var value = (await CallAsync("getLatestBlockhash", [], cancellationToken))!["value"]!;
        return (value["blockhash"]!.GetValue<string>(), value["lastValidBlockHeight"]!.GetValue<ulong>());
    }

    /// <summary>
    /// Rotates the blockhash (transactions on the old one are refused) and moves the block height past every
    /// lastValidBlockHeight handed out so far. Affects every test using this server.
    /// </summary>
    public Task ExpireBlockhashAsync(CancellationToken cancellationToken = default) => CallAsync("localnet_expireBlockhash", [], cancellationToken);

    /// <summary>Creates an address lookup table holding <paramref name="addresses"/> (all usable at once); returns its address.</summary>
    public async Task<string> CreateLookupTableAsync(IEnumerable<string> addresses, CancellationToken cancellationToken = default) =>
        (await CallAsync("localnet_createLookupTable", [new JsonArray([.. addresses.Select(a => (JsonNode)a)])], cancellationToken))!.GetValue<string>();

    /// <summary>The program logs of a landed transaction (empty when unknown).</summary>
    public async Task<IReadOnlyList<string>> GetTransactionLogsAsync(string signature, CancellationToken cancellationToken = default) =>
        (await CallAsync("localnet_getTransactionLogs", [signature], cancellationToken))?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];

    /// <summary>The memo texts the Memo program logged for a landed transaction.</summary>
    public async Task<IReadOnlyList<string>> GetMemosAsync(string signature, CancellationToken cancellationToken = default) =>
        [.. (await CallAsync("localnet_getMemos", [signature], cancellationToken))!.AsArray().Select(n => n!.GetValue<string>())];

    /// <summary>Stops node.</summary>
    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        _http = null;
        if (_process is null)
        {
            return;
        }

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
            _process = null;
        }
    }

    private async Task StartCoreAsync(int tickMilliseconds, CancellationToken cancellationToken)
    {
        if (_process is not null)
        {
            return;
        }

        TestEnvironment.RequireCommand("node", "nodejs");
        TestEnvironment.EnsureNodeModules();
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = TestEnvironment.ToolsDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // the server exits when this pipe closes, so a crashed test run leaves no orphan
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        // Blockhashes stay valid for 6,000 blocks (10 minutes at the default tick) instead of a cluster's 300 (30 s): a test that
        // holds one while a saturated machine runs it slowly must not meet BlockhashNotFound. Expiry tests jump the height
        // past every blockhash with ExpireBlockhashAsync, whatever the window.
        foreach (var arg in new[] { Path.Combine(TestEnvironment.ToolsDirectory, "localnet.mjs"), "--port", "0", "--tick-ms", tickMilliseconds.ToString(CultureInfo.InvariantCulture), "--valid-blocks", ValidBlocks.ToString(CultureInfo.InvariantCulture) })
        {
            psi.ArgumentList.Add(arg);
        }

        _process = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        _process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_startTimeout);
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            line = null;
        }

        if (line is null || !line.StartsWith("LISTENING ", StringComparison.Ordinal) || !int.TryParse(line.AsSpan(10), CultureInfo.InvariantCulture, out var port))
        {
            await DisposeAsync();
            throw new InvalidOperationException($"The localnet (node localnet.mjs) did not report its port within {s_startTimeout.TotalSeconds:0} s. First line: '{line}'. Errors:{Environment.NewLine}{ProcessErrors}");
        }

        _ = DrainAsync(_process.StandardOutput);
        RpcUri = new Uri($"http://127.0.0.1:{port}/");
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync() is not null)
            {
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The process is gone.
        }
    }
}
