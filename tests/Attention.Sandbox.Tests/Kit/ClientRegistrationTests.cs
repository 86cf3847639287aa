using AttentionFactory;
using Attentium;
using AutoPersonas;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Attention.Sandbox.Tests.Kit;

/// <summary>The sandbox's settings reach clients built by a container: as configuration key/values and through the DI helper.</summary>
public sealed class ClientRegistrationTests : IAsyncLifetime
{
    private AttentionSandbox _sandbox = null!;

    public async ValueTask InitializeAsync() => _sandbox = await AttentionSandbox.StartAsync();

    public async ValueTask DisposeAsync() => await _sandbox.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Configuration_values_bind_all_three_clients_through_their_own_keys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_sandbox.GetConfiguration()).Build();
        var services = new ServiceCollection();
        services.AddAttentionFactoryClient(configuration.GetSection("AttentionFactory"));
        services.AddAutoPersonasClient(configuration.GetSection("AutoPersonas"));
        services.AddAttentiumClient(configuration.GetSection("Attentium"));
        await using var provider = services.BuildServiceProvider();

        var balance = await provider.GetRequiredService<AttentionFactoryClient>().Billing.GetBalanceAsync(Ct);
        var influencers = await provider.GetRequiredService<AutoPersonasClient>().Influencers.ListAsync(Ct);
        var quote = await provider.GetRequiredService<AttentiumClient>().Market.GetQuoteAsync(30, Ct);
        var attentium = provider.GetRequiredService<IOptions<AttentiumClientOptions>>().Value;
        var factory = provider.GetRequiredService<IOptions<AttentionFactoryClientOptions>>().Value;

        Assert.Equal(1000m, balance.Balance);
        Assert.Empty(influencers);
        Assert.Equal(30, quote.Duration);
        Assert.Equal(_sandbox.SolanaRpcAddress, attentium.RpcEndpoint);
        Assert.Equal(_sandbox.UsdcMint, attentium.UsdcMint);
        Assert.Equal(_sandbox.AttentiumTreasury, attentium.Treasury);
        Assert.Equal(TimeSpan.FromMilliseconds(100), factory.RentalActivationPolling.Interval);
    }

    [Fact]
    public void Configuration_uses_the_section_names_and_key_given()
    {
        var key = _sandbox.CreateAttentionFactoryKey();

        var values = _sandbox.GetConfiguration(attentionFactoryApiKey: key, sections: new SandboxConfigurationSections { AttentionFactory = "Clients:Factory" })
            .ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal(key, values["Clients:Factory:ApiKey"]);
        Assert.Equal(_sandbox.AttentionFactoryBaseAddress.ToString(), values["Clients:Factory:BaseAddress"]);
        Assert.False(values.ContainsKey("AttentionFactory:ApiKey"));
    }

    [Fact]
    public async Task Helper_points_the_apps_own_registrations_at_the_sandbox_with_settings_configuration_cannot_carry()
    {
        var services = new ServiceCollection();
        services.AddAttentionFactoryClient(o => o.ApiKey = "af_live_sk_production_key_never_used");
        services.AddAttentiumClient(o => o.ConfirmationPollInterval = TimeSpan.FromSeconds(5));

        services.AddAttentionSandboxClients(_sandbox);
        await using var provider = services.BuildServiceProvider();
        var attentium = provider.GetRequiredService<IOptions<AttentiumClientOptions>>().Value;
        var factory = provider.GetRequiredService<IOptions<AttentionFactoryClientOptions>>().Value;
        var rental = await provider.GetRequiredService<AttentionFactoryClient>().Rentals.CreateAsync(new AttentionFactory.Rentals.CreateRentalRequest { Platform = AttentionFactory.Platforms.Platform.Reddit }, cancellationToken: Ct);

        Assert.Equal(AttentionSandbox.FactoryApiKey, factory.ApiKey);
        Assert.Equal(TimeSpan.FromMilliseconds(100), attentium.ConfirmationPollInterval);
        Assert.Equal(_sandbox.UsdcMint, attentium.Inspection.UsdcMint);
        Assert.Equal(_sandbox.Options.TimeProvider, attentium.TimeProvider);
        Assert.NotNull(rental.Id);
        Assert.Single(services, d => d.ServiceType == typeof(AttentionFactoryClient));
        Assert.Single(services, d => d.ServiceType == typeof(AutoPersonasClient));
    }
}
