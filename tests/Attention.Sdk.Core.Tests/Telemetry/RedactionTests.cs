using System.Net;
using Attention.Sdk.Core.Tests.Support;
using Attention.Sdk.Http;
using Attention.Sdk.Telemetry;
using Attention.Sdk.Testing.Logging;
using Microsoft.Extensions.Logging;

namespace Attention.Sdk.Core.Tests.Telemetry;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("https://api.attentium.ai/v1/campaigns/0x123/results?key=rk_secret", "https://api.attentium.ai/v1/campaigns/0x123/results?key=***")]
    [InlineData("https://x.test/v1/rentals?status=active&read_key=abc", "https://x.test/v1/rentals?status=active&read_key=***")]
    [InlineData("https://x.test/v1/claims/balance?userPubkey=4zvw", "https://x.test/v1/claims/balance?userPubkey=4zvw")]
    [InlineData("https://x.test/v1/a?api_key=s1&token=s2", "https://x.test/v1/a?api_key=***&token=***")]
    public void Query_values_pass_only_an_allow_list(string url, string expected)
    {
        Assert.Equal(expected, LogRedactor.RedactUrl(new Uri(url)));
    }

    [Theory]
    [InlineData("Authorization", "Bearer af_live_sk_x", "***")]
    [InlineData("X-Api-Key", "k", "***")]
    [InlineData("X-Webhook-Signature", "sha256=00", "***")]
    [InlineData("Idempotency-Key", "launch-post-001", "launch-post-001")]
    [InlineData("Content-Type", "application/json", "application/json")]
    public void Headers_pass_only_an_allow_list(string name, string value, string expected)
    {
        Assert.Equal(expected, LogRedactor.RedactHeader(name, value));
    }

    [Fact]
    public async Task Api_key_and_secret_query_values_never_reach_logs_or_exceptions()
    {
        using var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var transport = new ScriptedHandler()
            .Then(HttpStatusCode.ServiceUnavailable, """{"detail":"down"}""")
            .Then(HttpStatusCode.Unauthorized, """{"detail":"Invalid API key"}""");
        var options = TestApis.FastOptions(transport: transport);
        options.LoggerFactory = factory;
        var connection = TestApis.Connect(TestApis.Keyed, options);

        var error = await Assert.ThrowsAsync<AttentionAuthenticationException>(() => connection.SendRawAsync(
            new ApiRequest(HttpMethod.Get, "campaigns/{id}/results").WithPath("id", "0x1").WithQuery("key", "rk_topsecret_readkey"),
            TestContext.Current.CancellationToken));

        Assert.Equal(2, transport.Sent.Count);
        Assert.Equal($"Bearer {TestApis.KeyedApiKey}", transport.Sent[0].Header("Authorization"));
        Assert.NotEmpty(logs.Entries);
        foreach (var text in new[] { logs.AllText, error.ToString(), options.ToString() })
        {
            Assert.DoesNotContain(TestApis.KeyedApiKey, text);
            Assert.DoesNotContain("rk_topsecret_readkey", text);
        }
    }

    [Fact]
    public void Invalid_key_format_message_never_contains_the_key()
    {
        var options = TestApis.FastOptions();
        options.ApiKey = "sk_wrongprefix_SUPERSECRET";

        var error = Assert.Throws<ArgumentException>(() => AttentionPipeline.CreateHttpClient(TestApis.Keyed, options));

        Assert.Contains("tk_live_sk_", error.Message);
        Assert.DoesNotContain("SUPERSECRET", error.Message);
    }
}
