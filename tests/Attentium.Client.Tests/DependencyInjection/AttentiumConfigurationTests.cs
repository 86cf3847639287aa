using Attentium.Claims;
using Attentium.Solana;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Attentium.Client.Tests.DependencyInjection;

/// <summary>Options bound from configuration: a value that cannot be read stops start-up, naming its key; it never becomes a default.</summary>
public sealed class AttentiumConfigurationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(p => "Attentium:" + p.Key, p => p.Value)).Build();
        var services = new ServiceCollection();
        services.AddAttentiumClient(configuration.GetSection("Attentium"));
        return services.BuildServiceProvider();
    }

    // What a host does when it starts: runs every validator registered with ValidateOnStart.
    private static void Start(ServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();

    [Theory]
    [InlineData("Cluster", "Testnet")]
    [InlineData("RpcEndpoint", "devnet.example.com")]
    [InlineData("Commitment", "Finalised")]
    [InlineData("Cluster", "7")]
    [InlineData("Cluster", "Devnet,Custom")]
    [InlineData("Cluster", " ")]
    [InlineData("RpcEndpoint", "ftp://api.devnet.solana.com")]
    [InlineData("Commitment", "1")]
    [InlineData("ClaimSignatureEncoding", "hex")]
    [InlineData("Treasury", "not-a-key")]
    [InlineData("ConfirmationTimeout", "soon")]
    [InlineData("ConfirmationPollInterval", "often")]
    [InlineData("MaximumPaymentUsdc", "-5")]
    [InlineData("MaximumPaymentUsdc", "ten")]
    [InlineData("Inspection:MaxPriorityFeeLamports", "-1")]
    [InlineData("Inspection:SimulateBeforeSigning", "yes")]
    [InlineData("Inspection:Simulate", "false")]
    [InlineData("Inspection:AdditionalAllowedPrograms:0", "not-a-key")]
    [InlineData("ResultsPolling:Interval", "fast")]
    [InlineData("ResultsPolling:Intreval", "5")]
    public void Misspelt_value_fails_start_up_naming_its_key(string key, string value)
    {
        using var provider = Build(new() { ["Cluster"] = "Devnet", [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => Start(provider));

        Assert.Equal(typeof(AttentiumClientOptions), error.OptionsType);
        Assert.Contains($"'Attentium:{key}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_value_also_fails_the_first_client_resolution_without_a_host()
    {
        using var provider = Build(new() { ["Cluster"] = "Testnet" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<AttentiumClient>());

        Assert.Contains("'Attentium:Cluster'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Testnet' is not one of MainnetBeta, Devnet, Custom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_key_fails_start_up_instead_of_leaving_the_default_cluster()
    {
        using var provider = Build(new() { ["Culster"] = "Devnet" });

        var error = Assert.Throws<OptionsValidationException>(() => Start(provider));

        Assert.Contains("'Attentium:Culster' is not a setting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_section_fails_start_up_instead_of_defaulting_to_mainnet()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Attentium:Cluster"] = "Devnet" }).Build();
        var services = new ServiceCollection();
        services.AddAttentiumClient(configuration.GetSection("Attentum"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => Start(provider));

        Assert.Contains("section 'Attentum' is missing or empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_rpc_endpoint_is_not_repeated_in_the_error()
    {
        using var provider = Build(new() { ["RpcEndpoint"] = "mainnet.rpc-provider.example/?api-key=s3cr3t-token" });

        var error = Assert.Throws<OptionsValidationException>(() => Start(provider));

        Assert.Contains("'Attentium:RpcEndpoint'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_existing_key_still_binds()
    {
        var mint = Keypair.Generate().PublicKey;
        var program = Keypair.Generate().PublicKey;
        var treasury = Keypair.Generate().PublicKey;
        using var provider = Build(new()
        {
            ["BaseAddress"] = "https://attentium.example/v1",
            ["Timeout"] = "00:00:20",
            ["Cluster"] = "custom",
            ["RpcEndpoint"] = "http://127.0.0.1:8899",
            ["UsdcMint"] = mint.ToBase58(),
            ["EscrowProgramId"] = program.ToBase58(),
            ["Treasury"] = treasury.ToBase58(),
            ["Commitment"] = "finalized",
            ["ConfirmationTimeout"] = "45",
            ["ClaimSignatureEncoding"] = "base64",
        });

        Start(provider);
        var options = provider.GetRequiredService<IOptions<AttentiumClientOptions>>().Value;

        Assert.Equal(new Uri("https://attentium.example/v1"), options.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Timeout);
        Assert.Equal(SolanaCluster.Custom, options.Cluster);
        Assert.Equal(new Uri("http://127.0.0.1:8899"), options.RpcEndpoint);
        Assert.Equal((mint, program, treasury), (options.UsdcMint, options.EscrowProgramId, options.Treasury));
        Assert.Equal(Commitment.Finalized, options.Commitment);
        Assert.Equal(TimeSpan.FromSeconds(45), options.ConfirmationTimeout);
        Assert.Equal(ClaimSignatureEncoding.Base64, options.ClaimSignatureEncoding);
    }

    [Fact]
    public void Payment_cap_confirmation_polling_inspection_and_results_polling_bind_from_configuration()
    {
        var program = Keypair.Generate().PublicKey;
        var extra = Keypair.Generate().PublicKey;
        using var provider = Build(new()
        {
            ["Cluster"] = "Devnet",
            ["MaximumPaymentUsdc"] = "12.5",
            ["ConfirmationPollInterval"] = "0.25",
            ["Inspection:EscrowProgramId"] = program.ToBase58(),
            ["Inspection:EscrowSeedPrefix"] = "vault",
            ["Inspection:MaxPriorityFeeLamports"] = "2000",
            ["Inspection:SolAllowanceLamports"] = "5000000",
            ["Inspection:SimulateBeforeSigning"] = "false",
            ["Inspection:AdditionalAllowedPrograms:0"] = extra.ToBase58(),
            ["ResultsPolling:Interval"] = "1",
            ["ResultsPolling:MaxInterval"] = "4",
            ["ResultsPolling:Timeout"] = "00:02:00",
            ["ResultsPolling:BackoffFactor"] = "2",
        });

        Start(provider);
        var options = provider.GetRequiredService<IOptions<AttentiumClientOptions>>().Value;

        Assert.Equal(12.5m, options.MaximumPaymentUsdc);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.ConfirmationPollInterval);
        Assert.Equal(program, options.Inspection.EscrowProgramId);
        Assert.Equal("vault", options.Inspection.EscrowSeedPrefix);
        Assert.Equal((2000UL, 5_000_000UL), (options.Inspection.MaxPriorityFeeLamports, options.Inspection.SolAllowanceLamports));
        Assert.False(options.Inspection.SimulateBeforeSigning);
        Assert.Equal([extra], options.Inspection.AdditionalAllowedPrograms);
        Assert.Equal(TimeSpan.FromSeconds(1), options.ResultsPolling.Interval);
        Assert.Equal(TimeSpan.FromSeconds(4), options.ResultsPolling.MaxInterval);
        Assert.Equal(TimeSpan.FromMinutes(2), options.ResultsPolling.Timeout);
        Assert.Equal(2, options.ResultsPolling.BackoffFactor);
    }

    [Theory]
    [InlineData("mainnet-beta", SolanaCluster.MainnetBeta)]
    [InlineData("MainnetBeta", SolanaCluster.MainnetBeta)]
    [InlineData("devnet", SolanaCluster.Devnet)]
    public void Cluster_names_in_either_spelling_bind(string text, SolanaCluster expected)
    {
        using var provider = Build(new() { ["Cluster"] = text });

        Start(provider);

        Assert.Equal(expected, provider.GetRequiredService<IOptions<AttentiumClientOptions>>().Value.Cluster);
    }

    [Fact]
    public void Options_set_in_code_are_validated_at_start_up_too()
    {
        var services = new ServiceCollection();
        services.AddAttentiumClient(o => o.Cluster = SolanaCluster.Custom);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => Start(provider));

        Assert.Contains("RpcEndpoint", error.Message, StringComparison.Ordinal);
    }
}
