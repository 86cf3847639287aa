using System.Net;
using Attention.Sdk.Testing.Logging;
using Attentium.Payments;
using Attentium.Solana;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Attentium.Client.Tests.DependencyInjection;

/// <summary>Clients from the container share one ledger, inspector and RPC client; the cluster and an in-memory ledger are logged.</summary>
public sealed class AttentiumRegistrationTests : IDisposable
{
    private readonly CapturingLoggerProvider _logs = new();

    public void Dispose() => _logs.Dispose();

    private ServiceProvider Build(Action<AttentiumClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(_logs.CreateLoggerFactory());
        services.AddAttentiumClient(o =>
        {
            o.Cluster = SolanaCluster.Devnet;
            o.RpcEndpoint = new Uri("https://rpc.example.com/s3cr3t-token/");
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Client_is_one_instance_in_every_scope_over_the_registrations_ledger_inspector_and_rpc_client()
    {
        using var provider = Build();

        var first = provider.GetRequiredService<AttentiumClient>();
        AttentiumClient second;
        using (var scope = provider.CreateScope())
        {
            second = scope.ServiceProvider.GetRequiredService<AttentiumClient>();
        }

        var shared = provider.GetRequiredService<AttentiumPaymentServices>();
        Assert.Same(first, second);
        Assert.Same(shared.Ledger, first.PaymentLedger);
        Assert.Same(shared.Inspector, first.Inspector);
        Assert.Same(shared.Rpc, first.SolanaRpc);
    }

    [Fact]
    public void Cluster_in_use_is_logged_once_with_the_rpc_host_only()
    {
        using var provider = Build();

        for (var i = 0; i < 3; i++)
        {
            provider.GetRequiredService<AttentiumClient>();
        }

        var entry = Assert.Single(_logs.ForCategory("Attentium.Client"), e => e.Level == LogLevel.Information);
        Assert.Equal(SolanaCluster.Devnet, entry["Cluster"]);
        Assert.Equal("https://rpc.example.com", entry["RpcHost"]);
        Assert.DoesNotContain("s3cr3t-token", _logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_with_the_in_memory_ledger_warns_that_it_does_not_survive_a_restart()
    {
        using var provider = Build();

        provider.GetRequiredService<AttentiumClient>();
        provider.GetRequiredService<AttentiumClient>();

        var warning = Assert.Single(_logs.AtLeast(LogLevel.Warning));
        Assert.Contains("does not survive a restart", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_with_a_durable_ledger_does_not_warn()
    {
        var path = Path.Combine(Path.GetTempPath(), $"attentium-di-ledger-{Guid.NewGuid():N}.jsonl");
        try
        {
            using var ledger = new FilePaymentLedger(path);
            using var provider = Build(o => o.PaymentLedger = ledger);

            Assert.Same(ledger, provider.GetRequiredService<AttentiumClient>().PaymentLedger);
            Assert.Empty(_logs.AtLeast(LogLevel.Warning));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Client_built_directly_disposes_the_http_client_it_created()
    {
        using var transport = new CountingHandler();
        var client = new AttentiumClient(new AttentiumClientOptions { Cluster = SolanaCluster.Devnet, Transport = transport, MaxRetries = 0 });

        client.Dispose();

        var error = await Record.ExceptionAsync(() => client.Market.GetOrderBookAsync(TestContext.Current.CancellationToken));
        Assert.True(Chain(error).Any(e => e is ObjectDisposedException), $"Expected the disposed HttpClient to refuse the call, got {error}");
        Assert.Equal(0, transport.Requests);
    }

    [Fact]
    public async Task Client_given_an_http_client_leaves_it_usable_after_dispose()
    {
        using var transport = new CountingHandler();
        using var http = new HttpClient(transport, disposeHandler: false);
        var options = new AttentiumClientOptions { Cluster = SolanaCluster.Devnet };
        using var services = AttentiumPaymentServices.Create(options, null, shared: false);
        var client = new AttentiumClient(http, options, services);

        client.Dispose();

        using var response = await http.GetAsync(new Uri("https://attentium.example/v1/health"), TestContext.Current.CancellationToken);
        Assert.Equal(1, transport.Requests);
    }

    private static IEnumerable<Exception> Chain(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        private int _requests;

        public int Requests => _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
        }
    }
}
