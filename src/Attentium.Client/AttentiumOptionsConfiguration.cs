using System.Globalization;
using Attention.Sdk.DependencyInjection;
using Attentium.Claims;
using Attentium.Solana;
using Microsoft.Extensions.Configuration;

namespace Attentium;

/// <summary>
/// Binds <see cref="AttentiumClientOptions"/> from configuration without reflection. Nothing it cannot read falls back to a default:
/// an unknown cluster, commitment or encoding, a malformed RPC endpoint, key or duration, or (in a section) a key that is not an
/// Attentium setting or a missing section is recorded in <see cref="AttentiumClientOptions.ConfigurationErrors"/> with its full key, and validation
/// then fails at start-up. A typo must never mean mainnet.
/// </summary>
internal static class AttentiumOptionsConfiguration
{
    private static readonly HashSet<string> s_knownKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        // AttentionClientOptionsBinder
        "BaseAddress", "ApiKey", "Timeout", "AttemptTimeout", "MaxRetries", "RetryBaseDelay", "MaxRetryDelay", "MaxRetryAfter",
        "UserAgentSuffix", "EnableClientRateLimit", "RateLimit", "AllowInsecureTransport",

        // Attentium
        "Cluster", "RpcEndpoint", "UsdcMint", "EscrowProgramId", "Treasury", "Commitment", "ConfirmationTimeout", "ConfirmationPollInterval",
        "ClaimSignatureEncoding", "MaximumPaymentUsdc", "Inspection", "ResultsPolling",
    };

    private static readonly HashSet<string> s_inspectionKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "EscrowProgramId", "EscrowSeedPrefix", "Treasury", "MaxPriorityFeeLamports", "AdditionalAllowedPrograms", "UsdcMint", "UsdcTokenProgram",
        "SolAllowanceLamports", "SimulateBeforeSigning", "DisableInspection",
    };

    private static readonly HashSet<string> s_pollingKeys = new(StringComparer.OrdinalIgnoreCase) { "Interval", "BackoffFactor", "MaxInterval", "Timeout" };

    public static void Bind(IConfiguration configuration, AttentiumClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            AttentionClientOptionsBinder.Bind(configuration, options);
        }
        catch (FormatException ex)
        {
            options.ConfigurationErrors.Add(new ConfigurationError(PathOf(configuration, string.Empty).TrimEnd(':'), ex.Message));
        }

        if (configuration is IConfigurationSection section)
        {
            if (!section.Exists())
            {
                // A misspelt section name would otherwise leave every default in place: mainnet and its public RPC.
                options.ConfigurationErrors.Add(new ConfigurationError(
                    section.Path,
                    $"The configuration section '{section.Path}' is missing or empty; set at least its Cluster (MainnetBeta, Devnet or Custom)."));
            }

            foreach (var child in configuration.GetChildren())
            {
                if (!s_knownKeys.Contains(child.Key))
                {
                    Fail(configuration, options, child.Key, "is not an Attentium setting (misspelled?); a setting that is not read would silently keep its default.");
                }
            }
        }

        if (Read(configuration, "Cluster") is { } clusterText)
        {
            if (TryParseName<SolanaCluster>(clusterText.Replace("-", string.Empty, StringComparison.Ordinal), out var cluster))
            {
                options.Cluster = cluster;
            }
            else
            {
                Fail(configuration, options, "Cluster", $"{Quote(clusterText)} is not a Solana cluster; use MainnetBeta (or mainnet-beta), Devnet or Custom.");
            }
        }

        if (Read(configuration, "RpcEndpoint") is { } rpcText)
        {
            if (Uri.TryCreate(rpcText.Trim(), UriKind.Absolute, out var rpc) && (rpc.Scheme == Uri.UriSchemeHttps || rpc.Scheme == Uri.UriSchemeHttp) && rpc.Host.Length > 0)
            {
                options.RpcEndpoint = rpc;
            }
            else
            {
                // The value is not repeated: a provider's RPC URL often carries an access token.
                Fail(configuration, options, "RpcEndpoint", "is not an absolute http(s) URL (for example https://api.devnet.solana.com).");
            }
        }

        options.UsdcMint = ReadKey(configuration, options, "UsdcMint") ?? options.UsdcMint;
        options.EscrowProgramId = ReadKey(configuration, options, "EscrowProgramId") ?? options.EscrowProgramId;
        options.Treasury = ReadKey(configuration, options, "Treasury") ?? options.Treasury;
        if (Read(configuration, "Commitment") is { } commitmentText)
        {
            if (TryParseName<Commitment>(commitmentText, out var commitment))
            {
                options.Commitment = commitment;
            }
            else
            {
                Fail(configuration, options, "Commitment", $"{Quote(commitmentText)} is not a commitment; use Processed, Confirmed or Finalized.");
            }
        }

        try
        {
            options.ConfirmationTimeout = AttentionClientOptionsBinder.ReadDuration(configuration, "ConfirmationTimeout") ?? options.ConfirmationTimeout;
        }
        catch (FormatException ex)
        {
            Fail(configuration, options, "ConfirmationTimeout", ex.Message);
        }

        options.ConfirmationPollInterval = ReadDuration(configuration, options, "ConfirmationPollInterval") ?? options.ConfirmationPollInterval;
        if (Read(configuration, "MaximumPaymentUsdc") is { } capText)
        {
            if (decimal.TryParse(capText, NumberStyles.Number, CultureInfo.InvariantCulture, out var cap) && cap > 0)
            {
                options.MaximumPaymentUsdc = cap;
            }
            else
            {
                Fail(configuration, options, "MaximumPaymentUsdc", $"{Quote(capText)} is not a positive USDC amount (for example 25.50).");
            }
        }

        BindInspection(configuration.GetSection("Inspection"), options);
        BindResultsPolling(configuration.GetSection("ResultsPolling"), options);

        if (Read(configuration, "ClaimSignatureEncoding") is { } encodingText)
        {
            if (TryParseName<ClaimSignatureEncoding>(encodingText, out var encoding))
            {
                options.ClaimSignatureEncoding = encoding;
            }
            else
            {
                Fail(configuration, options, "ClaimSignatureEncoding", $"{Quote(encodingText)} is not a claim signature encoding; use Base58 or Base64.");
            }
        }
    }

    private static void BindInspection(IConfigurationSection section, AttentiumClientOptions options)
    {
        if (!section.Exists())
        {
            return;
        }

        RefuseUnknownKeys(section, options, s_inspectionKeys, "is not a transaction inspection setting (misspelled?)");
        var inspection = options.Inspection;
        inspection.EscrowProgramId = ReadKey(section, options, "EscrowProgramId") ?? inspection.EscrowProgramId;
        inspection.Treasury = ReadKey(section, options, "Treasury") ?? inspection.Treasury;
        inspection.UsdcMint = ReadKey(section, options, "UsdcMint") ?? inspection.UsdcMint;
        inspection.UsdcTokenProgram = ReadKey(section, options, "UsdcTokenProgram") ?? inspection.UsdcTokenProgram;
        if (Read(section, "EscrowSeedPrefix") is { } prefix)
        {
            inspection.EscrowSeedPrefix = prefix;
        }

        inspection.MaxPriorityFeeLamports = ReadUInt64(section, options, "MaxPriorityFeeLamports") ?? inspection.MaxPriorityFeeLamports;
        inspection.SolAllowanceLamports = ReadUInt64(section, options, "SolAllowanceLamports") ?? inspection.SolAllowanceLamports;
        inspection.SimulateBeforeSigning = ReadBoolean(section, options, "SimulateBeforeSigning") ?? inspection.SimulateBeforeSigning;
        inspection.DisableInspection = ReadBoolean(section, options, "DisableInspection") ?? inspection.DisableInspection;
        var programs = section.GetSection("AdditionalAllowedPrograms");
        foreach (var program in programs.GetChildren())
        {
            if (ReadKey(programs, options, program.Key) is { } key)
            {
                inspection.AdditionalAllowedPrograms.Add(key);
            }
        }
    }

    private static void BindResultsPolling(IConfigurationSection section, AttentiumClientOptions options)
    {
        if (!section.Exists())
        {
            return;
        }

        RefuseUnknownKeys(section, options, s_pollingKeys, "is not a polling setting (Interval, BackoffFactor, MaxInterval, Timeout)");
        var current = options.ResultsPolling;
        double? factor = null;
        if (Read(section, "BackoffFactor") is { } factorText)
        {
            if (double.TryParse(factorText, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                factor = parsed;
            }
            else
            {
                Fail(section, options, "BackoffFactor", $"{Quote(factorText)} is not a number.");
            }
        }

        options.ResultsPolling = current with
        {
            Interval = ReadDuration(section, options, "Interval") ?? current.Interval,
            MaxInterval = ReadDuration(section, options, "MaxInterval") ?? current.MaxInterval,
            Timeout = ReadDuration(section, options, "Timeout") ?? current.Timeout,
            BackoffFactor = factor ?? current.BackoffFactor,
        };
    }

    private static void RefuseUnknownKeys(IConfigurationSection section, AttentiumClientOptions options, HashSet<string> known, string message)
    {
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key))
            {
                Fail(section, options, child.Key, message + "; a setting that is not read would silently keep its default.");
            }
        }
    }

    private static TimeSpan? ReadDuration(IConfiguration configuration, AttentiumClientOptions options, string key)
    {
        try
        {
            return AttentionClientOptionsBinder.ReadDuration(configuration, key);
        }
        catch (FormatException ex)
        {
            Fail(configuration, options, key, ex.Message);
            return null;
        }
    }

    private static ulong? ReadUInt64(IConfiguration configuration, AttentiumClientOptions options, string key)
    {
        if (Read(configuration, key) is not { } text)
        {
            return null;
        }

        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Fail(configuration, options, key, $"{Quote(text)} is not a whole number of lamports.");
        return null;
    }

    private static bool? ReadBoolean(IConfiguration configuration, AttentiumClientOptions options, string key)
    {
        if (Read(configuration, key) is not { } text)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Fail(configuration, options, key, $"{Quote(text)} is not true or false.");
        return null;
    }

    /// <summary>The value of <paramref name="key"/>, or <see langword="null"/> when it is missing or empty (whitespace is a value, and wrong).</summary>
    private static string? Read(IConfiguration configuration, string key) => configuration[key] is { Length: > 0 } text ? text : null;

    private static PublicKey? ReadKey(IConfiguration configuration, AttentiumClientOptions options, string key)
    {
        if (Read(configuration, key) is not { } text)
        {
            return null;
        }

        if (PublicKey.TryParse(text.Trim(), out var parsed))
        {
            return parsed;
        }

        Fail(configuration, options, key, $"{Quote(text)} is not a base58 Solana address.");
        return null;
    }

    /// <summary>A defined member by name only: no numbers (<c>Enum.TryParse</c> would take "7") and no comma-joined names.</summary>
    private static bool TryParseName<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        var trimmed = text.Trim();
        return trimmed.Length > 0
            && char.IsLetter(trimmed[0])
            && !trimmed.Contains(',', StringComparison.Ordinal)
            && Enum.TryParse(trimmed, ignoreCase: true, out value)
            && Enum.IsDefined(value);
    }

    private static void Fail(IConfiguration configuration, AttentiumClientOptions options, string key, string message) =>
        options.ConfigurationErrors.Add(new ConfigurationError(PathOf(configuration, key), $"The configuration value '{PathOf(configuration, key)}' {message}"));

    private static string PathOf(IConfiguration configuration, string key) =>
        configuration is IConfigurationSection { Path.Length: > 0 } section ? $"{section.Path}:{key}" : key;

    // Configuration values are short names here; a long one is cut so the message stays readable.
    private static string Quote(string text) =>
        "'" + (text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...")) + "'";
}
