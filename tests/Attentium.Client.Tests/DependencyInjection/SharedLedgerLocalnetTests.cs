using System.Text.Json.Nodes;
using Attention.Sdk.Testing.Localnet;
using Attention.Sdk.Testing.WireMock;
using Attentium.Client.Tests.Support;
using Attentium.Solana;
using Microsoft.Extensions.DependencyInjection;

namespace Attentium.Client.Tests.DependencyInjection;

/// <summary>Clients resolved from one registration pay a campaign once, however many callers race, on the LiteSVM localnet.</summary>
public sealed class SharedLedgerLocalnetTests(WireMockServer wiremock, LocalnetServer localnet) : AttentiumTestBase(wiremock, localnet)
{
    [Fact]
    public async Task Concurrent_callers_resolving_separate_clients_send_one_payment_for_a_campaign()
    {
        var (agent, mint) = await FundedAgentAsync();
        var treasury = Keypair.Generate().PublicKey;
        using var rpcTransport = new JsonRpcMethodCounter(new SocketsHttpHandler());
        var services = new ServiceCollection();
        services.AddSingleton(new SolanaRpcClient(new SolanaRpcClientOptions
        {
            Endpoint = Localnet.RpcUri,
            Transport = rpcTransport,
            ConfirmationPollInterval = TimeSpan.FromMilliseconds(50),
            ResendInterval = TimeSpan.FromMinutes(10), // every send counted is a payment attempt, not a re-broadcast
        }));
        services.AddAttentiumClient(o =>
        {
            o.BaseAddress = new Uri(Scope.BaseUri, "v1/");
            o.Cluster = SolanaCluster.Custom;
            o.RpcEndpoint = Localnet.RpcUri;
            o.UsdcMint = mint;
            o.Treasury = treasury;
            o.ConfirmationTimeout = TimeSpan.FromSeconds(60);
        });
        await using var provider = services.BuildServiceProvider();
        var invoice = AttentiumModelFactory.PaymentInvoice(Guid.NewGuid().ToString(), 1.5m);

        var payments = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            await using var scope = provider.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AttentiumClient>().Campaigns.PayInvoiceAsync(invoice, agent, invoice.Amount, Ct);
        })));

        Assert.Equal(1, rpcTransport.Count("sendTransaction"));
        Assert.Single(payments.Select(p => p.Signature).Distinct());
        Assert.Single(payments, p => !p.Resumed);
        Assert.Equal(1_500_000UL, await TokenBalanceAsync(treasury, mint));
        Assert.Equal(100_000_000UL - 1_500_000UL, await TokenBalanceAsync(agent.PublicKey, mint));
    }

    /// <summary>Counts the JSON-RPC methods called through it.</summary>
    private sealed class JsonRpcMethodCounter(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly List<string> _methods = [];

        public int Count(string method)
        {
            lock (_methods)
            {
                return _methods.Count(m => m == method);
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            if (body is not null && JsonNode.Parse(body) is JsonObject call && call["method"]?.GetValue<string>() is { } method)
            {
                lock (_methods)
                {
                    _methods.Add(method);
                }
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
