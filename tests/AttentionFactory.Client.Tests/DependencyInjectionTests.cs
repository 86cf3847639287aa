using Attention.Sdk.Testing.WireMock;
using AttentionFactory.Client.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AttentionFactory.Client.Tests;

public sealed class DependencyInjectionTests(WireMockServer wiremock) : FactoryTestBase(wiremock)
{
    [Fact]
    public async Task A_client_registered_from_configuration_calls_the_configured_address_with_the_key()
    {
        await Scope.StubAsync("GET", "v1/platforms", body: DocsExamples.Platforms);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AttentionFactory:ApiKey"] = ApiKey,
            ["AttentionFactory:BaseAddress"] = Scope.ApiBase.ToString(),
            ["AttentionFactory:Timeout"] = "00:00:20",
            ["AttentionFactory:RentalActivationPolling:Timeout"] = "30",
        }).Build();
        var services = new ServiceCollection();
        services.AddAttentionFactoryClient(configuration.GetSection("AttentionFactory"));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<AttentionFactoryClient>();
        var platforms = await client.Platforms.ListAsync(Ct);

        Assert.Equal(6, platforms.Count);
        await SingleRequestAsync("GET", "/v1/platforms");
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<AttentionFactoryClientOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(20), options.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RentalActivationPolling.Timeout);
    }

    [Fact]
    public async Task A_client_registered_with_a_delegate_works()
    {
        await Scope.StubAsync("GET", "v1/billing/balance", body: """{"balance": "12.00"}""");
        var services = new ServiceCollection();
        services.AddAttentionFactoryClient(o =>
        {
            o.ApiKey = ApiKey;
            o.BaseAddress = Scope.ApiBase;
        });
        await using var provider = services.BuildServiceProvider();

        var balance = await provider.GetRequiredService<AttentionFactoryClient>().Billing.GetBalanceAsync(Ct);

        Assert.Equal(12.00m, balance.Balance);
        await SingleRequestAsync("GET", "/v1/billing/balance");
    }
}
