using System.Net;
using Attention.Sdk.Core.Tests.Support;
using Attention.Sdk.Http;

namespace Attention.Sdk.Core.Tests.Http;

/// <summary>A bearer key never goes over plain http:// to a host that is not a loopback address unless the option allows it.</summary>
public sealed class InsecureTransportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Plain_http_base_address_to_a_remote_host_is_refused_at_construction_without_the_key_in_the_message()
    {
        var options = TestApis.FastOptions(new Uri("http://api.example.test/v1"), new ScriptedHandler());

        var error = Assert.Throws<ArgumentException>(() => TestApis.Connect(TestApis.Keyed, options));

        Assert.Equal(nameof(AttentionClientOptions.BaseAddress), error.ParamName);
        Assert.Contains(nameof(AttentionClientOptions.AllowInsecureTransport), error.Message);
        Assert.DoesNotContain(TestApis.KeyedApiKey, error.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/v1")]
    [InlineData("http://localhost:8080/v1")]
    [InlineData("http://[::1]:8080/v1")]
    public async Task Plain_http_to_a_loopback_address_is_allowed(string address)
    {
        var transport = new ScriptedHandler().Then(HttpStatusCode.OK, "{}");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(new Uri(address), transport));

        await connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "things"), Ct);

        Assert.Equal("Bearer " + TestApis.KeyedApiKey, Assert.Single(transport.Sent).Header("Authorization"));
    }

    [Fact]
    public async Task Plain_http_to_a_remote_host_is_sent_when_the_option_allows_it()
    {
        var transport = new ScriptedHandler().Then(HttpStatusCode.OK, "{}");
        var options = TestApis.FastOptions(new Uri("http://api.example.test/v1"), transport);
        options.AllowInsecureTransport = true;
        var connection = TestApis.Connect(TestApis.Keyed, options);

        await connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "things"), Ct);

        Assert.Equal("http://api.example.test/v1/things", Assert.Single(transport.Sent).Uri.ToString());
    }

    [Fact]
    public async Task Handler_refuses_a_plain_http_request_to_a_remote_host_before_sending()
    {
        var transport = new ScriptedHandler().Then(HttpStatusCode.OK, "{}");
        using var invoker = new HttpMessageInvoker(new BearerTokenHandler(TestApis.KeyedApiKey) { InnerHandler = transport });

        var error = await Assert.ThrowsAsync<AttentionInsecureTransportException>(() =>
            invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://api.example.test/v1/things"), Ct));

        Assert.Empty(transport.Sent);
        Assert.IsAssignableFrom<AttentionRequestRefusedException>(error);
        Assert.DoesNotContain(TestApis.KeyedApiKey, error.Message);
    }

    [Fact]
    public async Task Handler_without_a_key_sends_plain_http_anywhere()
    {
        var transport = new ScriptedHandler().Then(HttpStatusCode.OK, "{}");
        using var invoker = new HttpMessageInvoker(new BearerTokenHandler(null) { InnerHandler = transport });

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://rpc.example.test/"), Ct);

        Assert.Null(Assert.Single(transport.Sent).Header("Authorization"));
    }
}
