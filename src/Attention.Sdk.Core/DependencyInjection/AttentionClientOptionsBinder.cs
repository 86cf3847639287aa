using Microsoft.Extensions.Configuration;

namespace Attention.Sdk.DependencyInjection;

/// <summary>
/// Binds every setting of an <see cref="AttentionClientOptions"/>-derived type from configuration, strictly and without reflection:
/// the shared keys (<c>BaseAddress</c>, <c>ApiKey</c>, <c>Timeout</c>, <c>AttemptTimeout</c>, <c>MaxRetries</c>, <c>RetryBaseDelay</c>,
/// <c>MaxRetryDelay</c>, <c>MaxRetryAfter</c>, <c>EnableClientRateLimit</c>, <c>UserAgentSuffix</c>, <c>AllowInsecureTransport</c>, <c>EnableRetryBudget</c>, <c>RetryBudgetRatio</c>, <c>RetryBudgetMinPerSecond</c>,
/// <c>RateLimit:PermitLimit</c>, <c>RateLimit:Window</c>, <c>RateLimit:Behavior</c>) and the client's own (polling, scopes, cluster...).
/// A key that is not a setting, or a value that cannot be read, is refused naming its full key; nothing falls back to a default.
/// Durations are <c>hh:mm:ss</c> (invariant) or a number of seconds. Missing keys leave the current value. (The options also hold a
/// clock, a logger factory and a transport, which configuration cannot create, so the binding generator cannot bind the types.)
/// </summary>
public static class AttentionClientOptionsBinder
{
    /// <summary>Copies the values present in <paramref name="configuration"/> onto <paramref name="options"/>.</summary>
    /// <exception cref="FormatException">A value cannot be read or a key is not a setting (the message names every such key, never a value it could leak).</exception>
    public static void Bind(IConfiguration configuration, AttentionClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<ConfigurationError>();
        Read(configuration, options, errors);
        if (errors.Count > 0)
        {
            throw new FormatException(string.Join(" ", errors.Select(e => e.Message)));
        }
    }

    /// <summary>
    /// Binds as <see cref="Bind"/> does but records the problems on the options (<see cref="AttentionClientOptions.ConfigurationErrors"/>),
    /// so the options validator reports them at start-up as an <c>OptionsValidationException</c>. A section that does not exist is a
    /// problem too: a misspelt section name would otherwise leave every default in place.
    /// </summary>
    internal static void BindRecordingErrors(IConfiguration configuration, AttentionClientOptions options)
    {
        if (configuration is IConfigurationSection section)
        {
            options.ConfigurationPath = section.Path;
            if (!section.Exists())
            {
                options.ConfigurationErrors.Add(new ConfigurationError(
                    section.Path,
                    $"The configuration section '{section.Path}' is missing or empty; a misspelt section name would leave every setting at its default."));
                return;
            }
        }

        Read(configuration, options, options.ConfigurationErrors);
    }

    /// <summary>Reads a duration (<c>hh:mm:ss</c> invariant, or a number of seconds); null when the key is missing.</summary>
    /// <exception cref="FormatException">The value is present but not a duration.</exception>
    public static TimeSpan? ReadDuration(IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<ConfigurationError>();
        var value = new OptionsConfigurationReader(configuration, errors, "configuration").Duration(key);
        return errors.Count == 0 ? value : throw new FormatException(errors[0].Message);
    }

    private static void Read(IConfiguration configuration, AttentionClientOptions options, List<ConfigurationError> errors)
    {
        var reader = new OptionsConfigurationReader(configuration, errors, options.GetType().Name);
        options.BindConfiguration(reader);
        reader.RefuseUnknownKeys();
    }
}
