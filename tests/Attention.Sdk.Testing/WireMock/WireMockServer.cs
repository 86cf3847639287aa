using Xunit;

namespace Attention.Sdk.Testing.WireMock;

/// <summary>
/// The real WireMock standalone server (java, the jar from the npm package in tests/tools) on 127.0.0.1 and a free port.
/// Use it as an xunit assembly fixture, <c>[assembly: AssemblyFixture(typeof(WireMockServer))]</c>, and take it in test-class
/// constructors: one server per test assembly. Parallel tests isolate themselves with <see cref="CreateScopeAsync"/>.
/// A test that needs a server of its own uses <c>await using var server = await WireMockServer.StartAsync();</c>.
/// </summary>
public sealed class WireMockServer : IAsyncLifetime
{
    private WireMockProcess? _process;
    private WireMockAdminClient? _admin;

    /// <summary>Starts a server owned by the caller (dispose it to stop it).</summary>
    public static async Task<WireMockServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = new WireMockServer();
        await server.StartCoreAsync(cancellationToken);
        return server;
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The admin API root, e.g. <c>http://127.0.0.1:41234/__admin/</c>.</summary>
    public Uri AdminUri => Admin.AdminUri;

    /// <summary>The port the server listens on.</summary>
    public int Port => Process.Port;

    /// <summary>The typed admin API client (whole server: prefer a scope's methods in tests that share the server).</summary>
    public WireMockAdminClient Admin => _admin ?? throw NotStarted();

    /// <summary>What java has written so far (startup messages, errors).</summary>
    public string ProcessOutput => Process.Output;

    private WireMockProcess Process => _process ?? throw NotStarted();

    /// <summary>Starts java and waits (at most 30 s) until the admin API answers.</summary>
    public async ValueTask InitializeAsync() => await StartCoreAsync(TestContext.Current.CancellationToken);

    /// <summary>A new isolated scope: a unique path prefix for stubs, scenarios and the journal. Dispose it to remove its stubs.</summary>
    public WireMockScope NewScope() => new(this, Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Same as <see cref="NewScope"/>, for <c>await using var scope = await wiremock.CreateScopeAsync();</c>.</summary>
    public ValueTask<WireMockScope> CreateScopeAsync() => ValueTask.FromResult(NewScope());

    /// <summary>Registers a stub on the whole server (paths relative to the root, scenario names unprefixed) and returns its id.</summary>
    public Task<Guid> StubAsync(StubDefinition stub, CancellationToken cancellationToken = default) =>
        Admin.AddMappingAsync(stub.ToMapping(ScopePrefix.None), cancellationToken);

    /// <summary>Removes every stub, clears the journal and resets all scenarios. Only for servers a test owns: it breaks parallel tests sharing the fixture.</summary>
    public Task ResetAsync(CancellationToken cancellationToken = default) => Admin.ResetAsync(cancellationToken);

    /// <summary>Stops java (the whole process tree).</summary>
    public async ValueTask DisposeAsync()
    {
        _admin?.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _admin = null;
        _process = null;
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        if (_process is not null)
        {
            return;
        }

        _process = await WireMockProcess.StartAsync(cancellationToken);
        BaseUri = new Uri($"http://127.0.0.1:{_process.Port}/");
        _admin = new WireMockAdminClient(new Uri(BaseUri, "__admin/"));
    }

    private static InvalidOperationException NotStarted() => new("The WireMock server is not running (not started yet, or disposed).");
}
