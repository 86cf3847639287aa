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

    // Per client: a key under its section, its value, and what the error must say.
    public static TheoryData<string, string, string, string> BadConfiguration()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var name in new[] { "AttentionFactory", "AutoPersonas", "Attentium" })
        {
            var polling = ClientCase.Named(name).PollingKey;
            data.Add(name, "MaxRetries", "many", $"'{name}:MaxRetries' is not a whole number");
            data.Add(name, "MaxRetries", "99", $"'{name}:MaxRetries'");
            data.Add(name, $"{polling}:Interval", "-5", $"'{name}:{polling}:Interval'");
            data.Add(name, "MaxRetires", "2", $"'{name}:MaxRetires' is not a setting");
            data.Add(name, $"{polling}:Intreval", "5", $"'{name}:{polling}:Intreval' is not a setting");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadConfiguration))]
    public void Unreadable_invalid_or_unknown_key_fails_start_naming_it(string name, string key, string value, string expected)
    {
        var client = ClientCase.Named(name);
        using var provider = client.BuildFromConfiguration(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => Start(provider));

        Assert.Equal(client.OptionsType, error.OptionsType);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
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
