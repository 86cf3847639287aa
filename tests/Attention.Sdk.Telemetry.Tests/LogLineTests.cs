using System.Net;
using Attention.Sdk.DependencyInjection;
using Attention.Sdk.Http;
using Attention.Sdk.Telemetry.Tests.Support;
using Attention.Sdk.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Attention.Sdk.Telemetry.Tests;

/// <summary>Under dependency injection a call is logged once, by the SDK: the factory's per-request logging handlers are removed.</summary>
public sealed class LogLineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_call_through_the_container_writes_one_information_line_and_none_from_the_factory()
    {
        using var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        services.AddAttentionApiClient<TestClient, TestOptions>(
            TestApi.Profile,
            o => { o.ApiKey = TestApi.Key; o.RetryBudgetProvider = new Attention.Sdk.RateLimiting.InProcessRetryBudgetProvider(); },
            (http, options, _) => new TestClient(new ApiConnection(http, TestApi.Profile, options)))
            .ConfigurePrimaryHttpMessageHandler(() => new ScriptedTransport().Then(HttpStatusCode.OK));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<TestClient>().Connection.SendRawAsync(TestApi.GetThing("logged"), Ct);

        var line = Assert.Single(logs.Entries);
        Assert.Equal(("Attention.Sdk.Http", LogLevel.Information), (line.Category, line.Level));
        Assert.Contains("answered 200", line.Message);
    }
}
