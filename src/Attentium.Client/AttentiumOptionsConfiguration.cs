using Attention.Sdk.DependencyInjection;
using Attentium.Claims;
using Attentium.Solana;

namespace Attentium;

/// <summary>
/// Reads the Attentium settings from configuration through the SDK's strict reader (the shared keys are read before). Nothing it
/// cannot read falls back to a default: an unknown cluster, commitment or encoding, a malformed RPC endpoint, key or duration, or
/// (in a section) a key that is not an Attentium setting is recorded with its full key, and validation then fails at start-up.
/// A typo must never mean mainnet.
/// </summary>
internal static class AttentiumOptionsConfiguration
{
    public static void Bind(OptionsConfigurationReader reader, AttentiumClientOptions options)
    {
        // "mainnet-beta" is how Solana tools spell it.
        options.Cluster = reader.Enum<SolanaCluster>(nameof(options.Cluster), ignored: "-") ?? options.Cluster;
        options.RpcEndpoint = reader.HttpUri(nameof(options.RpcEndpoint)) ?? options.RpcEndpoint;
        options.UsdcMint = Key(reader, nameof(options.UsdcMint)) ?? options.UsdcMint;
        options.EscrowProgramId = Key(reader, nameof(options.EscrowProgramId)) ?? options.EscrowProgramId;
        options.Treasury = Key(reader, nameof(options.Treasury)) ?? options.Treasury;
        options.Commitment = reader.Enum<Commitment>(nameof(options.Commitment)) ?? options.Commitment;
        options.ConfirmationTimeout = reader.Duration(nameof(options.ConfirmationTimeout)) ?? options.ConfirmationTimeout;
        options.ConfirmationPollInterval = reader.Duration(nameof(options.ConfirmationPollInterval)) ?? options.ConfirmationPollInterval;
        if (reader.Decimal(nameof(options.MaximumPaymentUsdc)) is { } cap)
        {
            if (cap > 0)
            {
                options.MaximumPaymentUsdc = cap;
            }
            else
            {
                reader.Fail(nameof(options.MaximumPaymentUsdc), "is not a positive USDC amount (for example 25.50).");
            }
        }

        options.ClaimSignatureEncoding = reader.Enum<ClaimSignatureEncoding>(nameof(options.ClaimSignatureEncoding)) ?? options.ClaimSignatureEncoding;
        options.ResultsPolling = reader.Polling(nameof(options.ResultsPolling), options.ResultsPolling);
        if (reader.Section(nameof(options.Inspection)) is { } inspection)
        {
            BindInspection(inspection, options.Inspection);
        }
    }

    private static void BindInspection(OptionsConfigurationReader reader, TransactionInspectionOptions inspection)
    {
        inspection.EscrowProgramId = Key(reader, nameof(inspection.EscrowProgramId)) ?? inspection.EscrowProgramId;
        inspection.Treasury = Key(reader, nameof(inspection.Treasury)) ?? inspection.Treasury;
        inspection.UsdcMint = Key(reader, nameof(inspection.UsdcMint)) ?? inspection.UsdcMint;
        inspection.UsdcTokenProgram = Key(reader, nameof(inspection.UsdcTokenProgram)) ?? inspection.UsdcTokenProgram;
        inspection.EscrowSeedPrefix = reader.String(nameof(inspection.EscrowSeedPrefix)) ?? inspection.EscrowSeedPrefix;
        inspection.MaxPriorityFeeLamports = reader.UInt64(nameof(inspection.MaxPriorityFeeLamports)) ?? inspection.MaxPriorityFeeLamports;
        inspection.SolAllowanceLamports = reader.UInt64(nameof(inspection.SolAllowanceLamports)) ?? inspection.SolAllowanceLamports;
        inspection.SimulateBeforeSigning = reader.Boolean(nameof(inspection.SimulateBeforeSigning)) ?? inspection.SimulateBeforeSigning;
        inspection.DisableInspection = reader.Boolean(nameof(inspection.DisableInspection)) ?? inspection.DisableInspection;
        if (reader.Section(nameof(inspection.AdditionalAllowedPrograms)) is { } programs)
        {
            foreach (var index in programs.ChildKeys())
            {
                if (Key(programs, index) is { } program)
                {
                    inspection.AdditionalAllowedPrograms.Add(program);
                }
            }
        }
    }

    private static PublicKey? Key(OptionsConfigurationReader reader, string key) =>
        reader.Parse(key, "is not a base58 Solana address.", static text => PublicKey.TryParse(text.Trim(), out var parsed) ? parsed : null);
}
