using System.Net;
using Attention.Sdk.Core.Tests.Support;
using Attention.Sdk.Http;
using Attention.Sdk.Testing.Logging;
using Microsoft.Extensions.Logging;

namespace Attention.Sdk.Core.Tests.Http;

/// <summary>An API whose documents show one key prefix but may issue others accepts any well-formed key and warns about the prefix.</summary>
public sealed class ApiKeyPrefixTests
{
    private static readonly ApiProfile Advisory = new("advisory-test", new Uri("https://advisory.example.test/api/v1"))
    {
        ApiKeyPrefixes = ["ap_live_"],
        ApiKeyPrefixRequired = false,
    };

    [Fact]
    public async Task Key_with_another_prefix_is_sent_and_a_warning_without_the_key_is_logged()
    {
        const string key = "ap_test_9f8e7d6c5b4a";
        var logs = new CapturingLoggerProvider();
        using var loggers = logs.CreateLoggerFactory();
        var transport = new ScriptedHandler().Then(HttpStatusCode.OK, "{}");
        var options = TestApis.FastOptions(transport: transport);
        options.ApiKey = key;
        options.LoggerFactory = loggers;

        var connection = TestApis.Connect(Advisory, options);
        await connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "things"), TestContext.Current.CancellationToken);

        Assert.Equal("Bearer " + key, Assert.Single(transport.Sent).Header("Authorization"));
        var warning = Assert.Single(logs.AtLeast(LogLevel.Warning));
        Assert.Contains("ap_live_", warning.Message);
        Assert.DoesNotContain(key, logs.AllText);
    }

    [Fact]
    public void Key_with_the_documented_prefix_logs_no_warning()
    {
        var logs = new CapturingLoggerProvider();
        using var loggers = logs.CreateLoggerFactory();
        var options = TestApis.FastOptions(transport: new ScriptedHandler());
        options.ApiKey = "ap_live_123";
        options.LoggerFactory = loggers;

        TestApis.Connect(Advisory, options);

        Assert.Empty(logs.AtLeast(LogLevel.Warning));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ap_live_ 123")]
    [InlineData("ap_live_123\n")]
    [InlineData("ap_live_\u0007123")]
    public void Empty_or_malformed_key_is_refused(string key)
    {
        var options = TestApis.FastOptions(transport: new ScriptedHandler());
        options.ApiKey = key;

        var error = Assert.Throws<ArgumentException>(() => TestApis.Connect(Advisory, options));

        Assert.Equal(nameof(AttentionClientOptions.ApiKey), error.ParamName);
    }

    [Fact]
    public void Api_with_a_required_prefix_still_refuses_another_one()
    {
        var options = TestApis.FastOptions(transport: new ScriptedHandler());
        options.ApiKey = "xx_live_sk_123";

        Assert.Throws<ArgumentException>(() => TestApis.Connect(TestApis.Keyed, options));
    }
}
