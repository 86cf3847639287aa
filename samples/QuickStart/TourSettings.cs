namespace QuickStart;

/// <summary>Which services the tour talks to: the live APIs when their keys are in the environment, the sandbox otherwise.</summary>
public sealed record TourSettings
{
    /// <summary>ATTENTION_FACTORY_API_KEY: an af_live_sk_/af_test_sk_ key; unset runs the Attention Factory part in the sandbox.</summary>
    public string? AttentionFactoryApiKey { get; init; }

    /// <summary>AUTOPERSONAS_API_KEY: an ap_live_ key; unset runs the AutoPersonas part in the sandbox.</summary>
    public string? AutoPersonasApiKey { get; init; }

    /// <summary>ATTENTIUM_KEYPAIR: path to a Solana CLI id.json for the paying agent; unset runs the Attentium part in the sandbox.</summary>
    public string? AttentiumKeypairPath { get; init; }

    /// <summary>ATTENTIUM_RPC_URL: the Solana JSON-RPC endpoint for live payments (default: mainnet-beta).</summary>
    public string? AttentiumRpcUrl { get; init; }

    /// <summary>Reads the settings from environment variables.</summary>
    public static TourSettings FromEnvironment() => new()
    {
        AttentionFactoryApiKey = Environment.GetEnvironmentVariable("ATTENTION_FACTORY_API_KEY"),
        AutoPersonasApiKey = Environment.GetEnvironmentVariable("AUTOPERSONAS_API_KEY"),
        AttentiumKeypairPath = Environment.GetEnvironmentVariable("ATTENTIUM_KEYPAIR"),
        AttentiumRpcUrl = Environment.GetEnvironmentVariable("ATTENTIUM_RPC_URL"),
    };

    /// <summary>Whether any part needs the sandbox.</summary>
    public bool NeedsSandbox => AttentionFactoryApiKey is null || AutoPersonasApiKey is null || AttentiumKeypairPath is null;
}
