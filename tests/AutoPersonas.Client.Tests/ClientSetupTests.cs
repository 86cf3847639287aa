using Attention.Sdk.Testing.WireMock;
using AutoPersonas.Client.Tests.Support;
using AutoPersonas.Content;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AutoPersonas.Client.Tests;

public sealed class ClientSetupTests(WireMockServer wiremock) : ApTestBase(wiremock)
{
    [Fact]
    public void A_key_with_the_wrong_prefix_is_rejected_without_echoing_it()
    {
        var ex = Assert.Throws<ArgumentException>(() => new AutoPersonasClient("sk_live_secret123"));

        Assert.Contains("ap_live_", ex.Message);
        Assert.DoesNotContain("secret123", ex.Message);
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
        Assert.Equal(7, item.Raw.GetProperty("score").GetInt32());
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
