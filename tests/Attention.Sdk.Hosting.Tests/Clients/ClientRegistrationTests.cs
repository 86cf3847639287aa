using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Attention.Sdk.Hosting.Tests.Clients;

/// <summary>
/// All three clients register the same way: one singleton per container, options validated when the host starts, a bad or unknown
/// configuration key refused naming its full key, never an <see cref="ArgumentException"/> at the first resolve.
/// </summary>
public sealed class ClientRegistrationTests
{
    // What a host does when it starts: runs every validator registered with ValidateOnStart.
    private static void Start(IServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();

    [Theory]
    [MemberData(nameof(ClientCase.Names), MemberType = typeof(ClientCase))]
    public void Registered_client_is_one_instance_per_container(string name)
    {
        var client = ClientCase.Named(name);
        using var provider = client.BuildFromConfiguration();
        using var scope = provider.CreateScope();

        var first = client.Resolve(provider);

        Assert.Same(first, client.Resolve(provider));
        Assert.Same(first, client.Resolve(scope.ServiceProvider));
    }

    [Theory]
    [MemberData(nameof(ClientCase.Names), MemberType = typeof(ClientCase))]
    public void Resolved_client_exposes_the_registered_options(string name)
    {
        var client = ClientCase.Named(name);
        using var provider = client.BuildFromConfiguration(new() { ["MaxRetries"] = "1" });

        var resolved = client.Resolve(provider);
        var registered = provider.GetRequiredService(typeof(IOptions<>).MakeGenericType(client.OptionsType));

        var options = Assert.IsAssignableFrom<AttentionClientOptions>(ClientCase.Property(resolved, "Options"));
        Assert.Same(ClientCase.Property(registered, "Value"), options);
        Assert.Equal(1, options.MaxRetries);
    }

    [Theory]
    [MemberData(nameof(ClientCase.Names), MemberType = typeof(ClientCase))]
    public void Unreadable_value_fails_start_naming_its_key(string name)
    {
        var client = ClientCase.Named(name);
        using var provider = client.BuildFromConfiguration(new() { ["MaxRetries"] = "many" });

        var error = Assert.Throws<OptionsValidationException>(() => Start(provider));

        Assert.Equal(client.OptionsType, error.OptionsType);
        Assert.Contains($"'{name}:MaxRetries' is not a whole number", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ClientCase.Names), MemberType = typeof(ClientCase))]
    public void Out_of_range_value_fails_start_naming_its_key(string name)
    {
        var client = ClientCase.Named(name);
        using var provider = client.BuildFromConfiguration(new() { ["MaxRetries"] = "99" });

        var error = Assert.Throws<OptionsValidationException>(() => Start(provider));

        Assert.Contains($"'{name}:MaxRetries'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ClientCase.Names), MemberType = typeof(ClientCase))]
    public void Invalid_polling_value_fails_start_naming_the_polling_key(string name)
    {
        var client = ClientCase.Named(name);
        using var provider = client.BuildFromConfiguration(new() { [$"{client.PollingKey}:Interval"] = "-5" });

        var error = Assert.Throws<OptionsValidationException>(() => Start(provider));

        Assert.Contains($"'{name}:{client.PollingKey}:Interval'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ClientCase.Names), MemberType = typeof(ClientCase))]
    public void Unknown_key_fails_start_naming_it(string name)
    {
        var client = ClientCase.Named(name);
        using var provider = client.BuildFromConfiguration(new() { ["MaxRetires"] = "2" });

        var error = Assert.Throws<OptionsValidationException>(() => Start(provider));

        Assert.Contains($"'{name}:MaxRetires' is not a setting", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ClientCase.Names), MemberType = typeof(ClientCase))]
    public void Unknown_key_in_a_nested_section_fails_start_naming_it(string name)
    {
        var client = ClientCase.Named(name);
        using var provider = client.BuildFromConfiguration(new() { [$"{client.PollingKey}:Intreval"] = "5" });

        var error = Assert.Throws<OptionsValidationException>(() => Start(provider));

        Assert.Contains($"'{name}:{client.PollingKey}:Intreval' is not a setting", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ClientCase.Names), MemberType = typeof(ClientCase))]
    public void Missing_section_fails_start_naming_it(string name)
    {
        var client = ClientCase.Named(name);
        var services = new ServiceCollection();
        client.RegisterFromConfiguration(services, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build().GetSection(name));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => Start(provider));

        Assert.Contains($"section '{name}' is missing", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ClientCase.Names), MemberType = typeof(ClientCase))]
    public void Invalid_option_set_in_code_fails_start_naming_it(string name)
    {
        var client = ClientCase.Named(name);
        using var provider = client.BuildInCode(o => o.MaxRetries = -1);

        var error = Assert.Throws<OptionsValidationException>(() => Start(provider));

        Assert.Contains("'MaxRetries'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ClientCase.Names), MemberType = typeof(ClientCase))]
    public void Invalid_option_is_an_options_error_at_resolve_without_a_host_not_an_argument_error(string name)
    {
        var client = ClientCase.Named(name);
        using var provider = client.BuildInCode(o => o.Timeout = TimeSpan.Zero);

        var error = Record.Exception(() => client.Resolve(provider));

        var validation = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains("'Timeout'", validation.Message, StringComparison.Ordinal);
    }
}
