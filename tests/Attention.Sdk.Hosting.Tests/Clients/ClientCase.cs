using System.Net;
using Attention.Sdk;
using AttentionFactory;
using Attentium;
using AutoPersonas;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Attention.Sdk.Hosting.Tests.Clients;

/// <summary>One of the three clients, seen through what every client must share: registration, options, disposal.</summary>
public sealed class ClientCase
{
    public static readonly ClientCase AttentionFactory = new()
    {
        Name = nameof(AttentionFactory),
        ClientType = typeof(AttentionFactoryClient),
        OptionsType = typeof(AttentionFactoryClientOptions),
        MinimalSettings = new() { ["ApiKey"] = "af_test_sk_" + new string('a', 32) },
        PollingKey = nameof(AttentionFactoryClientOptions.RentalActivationPolling),
        RegisterFromConfiguration = (services, configuration) => services.AddAttentionFactoryClient(configuration),
        RegisterInCode = (services, configure) => services.AddAttentionFactoryClient(o =>
        {
            o.ApiKey = "af_test_sk_" + new string('a', 32);
            configure(o);
        }),
        CreateDirect = transport => new AttentionFactoryClient(new AttentionFactoryClientOptions { ApiKey = "af_test_sk_" + new string('a', 32), Transport = transport, MaxRetries = 0 }),
        CallAsync = (client, ct) => ((AttentionFactoryClient)client).Billing.GetBalanceAsync(ct),
    };

    public static readonly ClientCase AutoPersonas = new()
    {
        Name = nameof(AutoPersonas),
        ClientType = typeof(AutoPersonasClient),
        OptionsType = typeof(AutoPersonasClientOptions),
        MinimalSettings = new() { ["ApiKey"] = "ap_live_" + new string('b', 32) },
        PollingKey = nameof(AutoPersonasClientOptions.BatchPolling),
        RegisterFromConfiguration = (services, configuration) => services.AddAutoPersonasClient(configuration),
        RegisterInCode = (services, configure) => services.AddAutoPersonasClient(o =>
        {
            o.ApiKey = "ap_live_" + new string('b', 32);
            configure(o);
        }),
        CreateDirect = transport => new AutoPersonasClient(new AutoPersonasClientOptions { ApiKey = "ap_live_" + new string('b', 32), Transport = transport, MaxRetries = 0 }),
        CallAsync = (client, ct) => ((AutoPersonasClient)client).Config.GetFeaturesAsync(ct),
    };

    public static readonly ClientCase Attentium = new()
    {
        Name = nameof(Attentium),
        ClientType = typeof(AttentiumClient),
        OptionsType = typeof(AttentiumClientOptions),
        MinimalSettings = new() { ["Cluster"] = "Devnet" },
        PollingKey = nameof(AttentiumClientOptions.ResultsPolling),
        RegisterFromConfiguration = (services, configuration) => services.AddAttentiumClient(configuration),
        RegisterInCode = (services, configure) => services.AddAttentiumClient(o =>
        {
            o.Cluster = SolanaCluster.Devnet;
            configure(o);
        }),
        CreateDirect = transport => new AttentiumClient(new AttentiumClientOptions { Cluster = SolanaCluster.Devnet, Transport = transport, MaxRetries = 0 }),
        CallAsync = (client, ct) => ((AttentiumClient)client).Market.GetOrderBookAsync(ct),
    };

    public static TheoryData<string> Names => [nameof(AttentionFactory), nameof(AutoPersonas), nameof(Attentium)];

    public required string Name { get; init; }

    public required Type ClientType { get; init; }

    public required Type OptionsType { get; init; }

    /// <summary>The least configuration a valid registration needs (keys under the section).</summary>
    public required Dictionary<string, string?> MinimalSettings { get; init; }

    /// <summary>One of the client's polling settings (a nested section).</summary>
    public required string PollingKey { get; init; }

    public required Action<IServiceCollection, IConfiguration> RegisterFromConfiguration { get; init; }

    public required Action<IServiceCollection, Action<AttentionClientOptions>> RegisterInCode { get; init; }

    /// <summary>Builds the client from options over <paramref name="transport"/> (the client creates its own HttpClient).</summary>
    public required Func<HttpMessageHandler, IDisposable> CreateDirect { get; init; }

    /// <summary>One simple GET through the client.</summary>
    public required Func<object, CancellationToken, Task> CallAsync { get; init; }

    public static ClientCase Named(string name) => name switch
    {
        nameof(AttentionFactory) => AttentionFactory,
        nameof(AutoPersonas) => AutoPersonas,
        nameof(Attentium) => Attentium,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown client."),
    };

    /// <summary>A container with the client registered from the <see cref="Name"/> section holding <see cref="MinimalSettings"/> and <paramref name="extra"/>.</summary>
    public ServiceProvider BuildFromConfiguration(Dictionary<string, string?>? extra = null, HttpMessageHandler? transport = null)
    {
        var values = new Dictionary<string, string?>(MinimalSettings);
        foreach (var (key, value) in extra ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(p => $"{Name}:{p.Key}", p => p.Value)).Build();
        var services = new ServiceCollection();
        RegisterFromConfiguration(services, configuration.GetSection(Name));
        if (transport is not null)
        {
            ConfigureTransport(services, transport);
        }

        return services.BuildServiceProvider();
    }

    /// <summary>A container with the client registered in code.</summary>
    public ServiceProvider BuildInCode(Action<AttentionClientOptions> configure, HttpMessageHandler? transport = null)
    {
        var services = new ServiceCollection();
        RegisterInCode(services, configure);
        if (transport is not null)
        {
            ConfigureTransport(services, transport);
        }

        return services.BuildServiceProvider();
    }

    /// <summary>A public property's value, read by reflection (the tests treat the three client types alike).</summary>
    public static object? Property(object instance, string name) => instance.GetType().GetProperty(name)!.GetValue(instance);

    public object Resolve(IServiceProvider provider) => provider.GetRequiredService(ClientType);

    public override string ToString() => Name;

    // The registration name is the client type's full name; the test transport replaces the SDK's socket handler.
    private void ConfigureTransport(IServiceCollection services, HttpMessageHandler transport) =>
        services.AddHttpClient(ClientType.FullName!).ConfigurePrimaryHttpMessageHandler(() => transport);
}

/// <summary>Answers every request with <c>200 {}</c> and counts them; never disposed by the code under test.</summary>
public sealed class CountingTransport : HttpMessageHandler
{
    private int _requests;

    public int Requests => _requests;

    public bool Disposed { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        Interlocked.Increment(ref _requests);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
