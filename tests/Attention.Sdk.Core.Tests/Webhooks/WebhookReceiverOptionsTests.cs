using Attention.Sdk.DependencyInjection;
using Attention.Sdk.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Attention.Sdk.Core.Tests.Webhooks;

public sealed class WebhookReceiverOptionsTests
{
    [Fact]
    public void Secrets_and_limit_bind_from_configuration_with_the_single_secret_key_added()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Secrets:0"] = "whsec_new",
            ["Secrets:1"] = "whsec_old",
            ["Secret"] = "whsec_env",
            ["MaxBodyBytes"] = "2048",
        }).Build();
        var options = new WebhookReceiverOptions();

        WebhookReceiverRegistration.Bind(configuration, options);

        Assert.Equal(["whsec_new", "whsec_old", "whsec_env"], options.Secrets);
        Assert.Equal(2048, options.MaxBodyBytes);
    }

    [Fact]
    public void An_unreadable_limit_names_the_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MaxBodyBytes"] = "1MB" }).Build();

        var ex = Assert.Throws<FormatException>(() => WebhookReceiverRegistration.Bind(configuration, new WebhookReceiverOptions()));

        Assert.Contains("MaxBodyBytes", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "At least one webhook secret")]
    [InlineData(1, "secret 0 is empty")]
    [InlineData(2, "MaxBodyBytes")]
    public void Invalid_settings_are_reported_without_quoting_a_secret(int scenario, string problem)
    {
        var options = scenario switch
        {
            0 => new WebhookReceiverOptions(),
            1 => new WebhookReceiverOptions { Secrets = [" "] },
            _ => new WebhookReceiverOptions { Secrets = ["whsec_a"], MaxBodyBytes = 0 },
        };

        Assert.Contains(options.Validate(), p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Registered_options_are_validated_when_used()
    {
        var services = new ServiceCollection();
        services.AddWebhookReceiverOptions<WebhookReceiverOptions>(o => o.MaxBodyBytes = 10);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WebhookReceiverOptions>>().Value);

        Assert.Contains("At least one webhook secret is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registered_options_are_validated_on_start()
    {
        var services = new ServiceCollection();
        services.AddWebhookReceiverOptions<WebhookReceiverOptions>(_ => { });
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void ToString_never_shows_a_secret()
    {
        var text = new WebhookReceiverOptions { Secrets = ["whsec_top_secret_value"] }.ToString();

        Assert.DoesNotContain("whsec_top_secret_value", text, StringComparison.Ordinal);
        Assert.Contains("1 configured", text, StringComparison.Ordinal);
    }
}
