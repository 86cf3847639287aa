using System.Net;
using Attention.Sdk.Core.Tests.Support;
using Attention.Sdk.DependencyInjection;
using Attention.Sdk.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Attention.Sdk.Core.Tests.Http;

public sealed class DependencyInjectionTests
{
    private sealed class TestClient(ApiConnection connection)
    {
        public ApiConnection Connection { get; } = connection;
    }

    [Fact]
    public async Task Client_registered_with_the_factory_runs_the_sdk_pipeline_and_the_callers_handler()
    {
        var transport = new ScriptedHandler()
            .Then(HttpStatusCode.ServiceUnavailable)
            .Then(HttpStatusCode.OK, "{}");
        var services = new ServiceCollection();
        services.AddAttentionApiClient<TestClient, TestClientOptions>(
                TestApis.Keyed,
                options =>
                {
                    options.ApiKey = TestApis.KeyedApiKey;
                    options.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
                    options.BaseAddress = new Uri("https://di.example.test/v9");
                },
                (http, options, _) => new TestClient(new ApiConnection(http, TestApis.Keyed, options)))
            .ConfigurePrimaryHttpMessageHandler(() => transport);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<TestClient>();
        await client.Connection.SendRawAsync(new ApiRequest(HttpMethod.Post, "things").WithBody("{}"u8).HonoursIdempotencyKey(), TestContext.Current.CancellationToken);

        Assert.Equal(2, transport.Sent.Count);
        Assert.Equal("https://di.example.test/v9/things", transport.Sent[0].Uri.ToString());
        Assert.Equal($"Bearer {TestApis.KeyedApiKey}", transport.Sent[1].Header("Authorization"));
        Assert.Equal(transport.Sent[0].Header("Idempotency-Key"), transport.Sent[1].Header("Idempotency-Key"));
        Assert.StartsWith("attention-sdk-dotnet/", transport.Sent[0].Header("User-Agent"));
    }
}
