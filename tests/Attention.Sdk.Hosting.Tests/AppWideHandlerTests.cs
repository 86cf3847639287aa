using System.Net;
using Attention.Sdk;
using Attention.Sdk.Testing.Logging;
using Attention.Sdk.Testing.WireMock;
using AutoPersonas;
using AutoPersonas.Influencers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Attention.Sdk.Hosting.Tests;

/// <summary>
/// An application that adds <c>AddStandardResilienceHandler</c> to every HttpClient (what .NET Aspire's service defaults do) must
/// not change the SDK's retry rules: a POST the server does not de-duplicate goes out once, a GET as often as the SDK's own
/// retry budget allows, and the exception's attempt count is what went over the wire. Checked on the real WireMock server.
/// </summary>
public sealed class AppWideHandlerTests(WireMockServer wiremock) : IAsyncLifetime
{
    private const int SdkRetries = 2;

    private readonly WireMockScope _scope = wiremock.NewScope();
    private readonly CapturingLoggerProvider _logs = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        _logs.Dispose();
        await _scope.DisposeAsync();
    }

    private ServiceProvider Build(bool defaultsFirst, Action<IHttpClientBuilder>? onSdkBuilder = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        if (defaultsFirst)
        {
            services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler());
        }

        var builder = services.AddAutoPersonasClient(o =>
        {
            o.ApiKey = "ap_live_hosting_" + Guid.NewGuid().ToString("N");
            o.BaseAddress = _scope.Url("api/v1/");
            o.MaxRetries = SdkRetries;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(20);
        });
        onSdkBuilder?.Invoke(builder);
        if (!defaultsFirst)
        {
            services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler());
        }

        return services.BuildServiceProvider();
    }

    private Task StubAsync(string method, string path, int status) =>
        _scope.StubAsync(Stub.Request(method, "api/v1/" + path).RespondsJson(status, """{"error":"unavailable","message":"try later"}"""), Ct);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_post_the_server_does_not_deduplicate_goes_out_once_under_an_app_wide_resilience_handler(bool defaultsFirst)
    {
        await StubAsync("POST", "influencers", 503);
        using var provider = Build(defaultsFirst);
        var client = provider.GetRequiredService<AutoPersonasClient>();

        var ex = await Assert.ThrowsAnyAsync<AttentionApiException>(() => client.Influencers.CreateAsync(new InfluencerRequest { Name = "Ada" }, Ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(1, ex.Attempts);
        Assert.Single(await _scope.GetRequestsAsync(Ct));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_get_is_retried_only_by_the_sdk_and_the_attempt_count_matches_the_wire(bool defaultsFirst)
    {
        await StubAsync("GET", "influencers", 503);
        using var provider = Build(defaultsFirst);
        var client = provider.GetRequiredService<AutoPersonasClient>();

        var ex = await Assert.ThrowsAnyAsync<AttentionApiException>(() => client.Influencers.ListAsync(Ct));

        Assert.Equal(SdkRetries + 1, ex.Attempts);
        Assert.Equal(SdkRetries + 1, (await _scope.GetRequestsAsync(Ct)).Count);
    }

    [Fact]
    public async Task A_handler_added_to_the_sdk_builder_still_runs_once_per_attempt()
    {
        await StubAsync("GET", "influencers", 503);
        var counter = new CountingHandler();
        using var provider = Build(defaultsFirst: true, b => b.AddHttpMessageHandler(() => counter));
        var client = provider.GetRequiredService<AutoPersonasClient>();

        await Assert.ThrowsAnyAsync<AttentionApiException>(() => client.Influencers.ListAsync(Ct));

        Assert.Equal(SdkRetries + 1, counter.Count);
    }

    [Fact]
    public async Task The_factorys_own_per_request_log_lines_are_not_written_beside_the_sdks()
    {
        await _scope.StubAsync(Stub.Request("GET", "api/v1/influencers").RespondsJson(200, """{"influencers":[]}"""), Ct);
        using var provider = Build(defaultsFirst: true);
        var client = provider.GetRequiredService<AutoPersonasClient>();

        await client.Influencers.ListAsync(Ct);

        Assert.DoesNotContain(_logs.Entries, e => e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        Assert.Contains(_logs.Entries, e => e.Category.StartsWith("Attention", StringComparison.Ordinal));
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
