using Attention.Sdk.Testing.Logging;
using Attention.Sdk.Testing.WireMock;
using Microsoft.Extensions.Logging;
using AutoPersonas.Client.Tests.Support;
using AutoPersonas.Content;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AutoPersonas.Client.Tests;

public sealed class ClientSetupTests(WireMockServer wiremock) : ApTestBase(wiremock)
{
    [Fact]
    public async Task A_key_with_another_prefix_is_used_and_a_warning_is_logged_without_it()
    {
        const string key = "ap_test_secret123";
        await StubAsync("GET", "influencers", 200, "[]");
        var logs = new CapturingLoggerProvider();
        using var loggers = logs.CreateLoggerFactory();
        var client = CreateClient(o =>
        {
            o.ApiKey = key;
            o.LoggerFactory = loggers;
        });

        await client.Influencers.ListAsync(Ct);

        var request = Assert.Single(await Scope.GetRequestsAsync(Ct));
        Assert.Equal("Bearer " + key, request.Header("Authorization"));
        Assert.Contains(logs.AtLeast(LogLevel.Warning), e => e.Message.Contains("ap_live_", StringComparison.Ordinal));
        Assert.DoesNotContain("secret123", logs.AllText);
    }

    [Theory]
    [InlineData("ap_live_ secret123")]
    [InlineData("ap_live_secret123\r\n")]
    [InlineData("ap_live_\u0000secret123")]
    public void A_malformed_key_is_rejected_without_echoing_it(string escaped)
    {
        var key = System.Text.RegularExpressions.Regex.Unescape(escaped);

        var ex = Assert.Throws<ArgumentException>(() => new AutoPersonasClient(key));

        Assert.DoesNotContain("secret123", ex.Message);
    }

    [Fact]
    public void An_empty_key_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new AutoPersonasClient(string.Empty));
    }

    [Fact]
    public async Task Di_registration_binds_configuration_including_granted_scopes()
    {
        await StubAsync("GET", "content/cnt_1", 200, """{"id":"cnt_1"}""");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AutoPersonas:ApiKey"] = ApiKey,
            ["AutoPersonas:BaseAddress"] = Scope.Url("api/v1/").ToString(),
            ["AutoPersonas:GrantedScopes"] = "content:read, character:read",
            ["AutoPersonas:BatchPolling:Interval"] = "0.5",
        }).Build();
        using var provider = new ServiceCollection().AddAutoPersonasClient(configuration.GetSection("AutoPersonas")).Services.BuildServiceProvider();

        var client = provider.GetRequiredService<AutoPersonasClient>();
        var item = await client.Content.GetAsync("cnt_1", Ct);
        await Assert.ThrowsAsync<ScopeNotGrantedException>(() => client.Content.ApproveAsync("cnt_1", Ct));

        Assert.Equal("cnt_1", item.Id);
        await SingleRequestAsync("GET", "content/cnt_1");
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<AutoPersonasClientOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(0.5), options.BatchPolling.Interval);
    }

    [Fact]
    public void Model_factory_reads_json_like_the_client()
    {
        var item = AutoPersonasModelFactory.FromJson<ContentItem>("""{"id":"cnt_1","status":"approved","score":7}""");
        var list = AutoPersonasModelFactory.ListFromJson<ContentItem>("""{"items":[{"id":"a"},{"id":"b"}]}""");

        Assert.Equal(ContentStatus.Approved, item.Status);
        Assert.Equal(7, item.AdditionalProperties!["score"].GetInt32());
        Assert.Equal(7, item.RawJson.GetProperty("score").GetInt32());
        Assert.Equal(2, list.Count);
        Assert.True(AutoPersonasModelFactory.GatedInstagramImport().IsGated);
        Assert.True(AutoPersonasModelFactory.GenerationBatch().Status.IsSucceeded);
    }

    [Fact]
    public void Options_never_print_the_key()
    {
        var options = Options();

        Assert.DoesNotContain(ApiKey, options.ToString());
    }
}
