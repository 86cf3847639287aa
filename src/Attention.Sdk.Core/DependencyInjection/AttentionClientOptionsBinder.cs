using System.Globalization;
using Attention.Sdk.RateLimiting;
using Microsoft.Extensions.Configuration;

namespace Attention.Sdk.DependencyInjection;

/// <summary>
/// Binds the settable values of <see cref="AttentionClientOptions"/> from configuration without reflection (the options also
/// hold a clock, a logger factory and a transport, which configuration cannot create, so the binding generator cannot bind the
/// type as a whole). Keys: <c>BaseAddress</c>, <c>ApiKey</c>, <c>Timeout</c>, <c>AttemptTimeout</c>, <c>MaxRetries</c>,
/// <c>RetryBaseDelay</c>, <c>MaxRetryDelay</c>, <c>MaxRetryAfter</c>, <c>UserAgentSuffix</c>, <c>EnableClientRateLimit</c>,
/// <c>AllowInsecureTransport</c>, <c>EnableRetryBudget</c>, <c>RetryBudgetRatio</c>, <c>RetryBudgetMinPerSecond</c>, <c>RateLimit:PermitLimit</c> with <c>RateLimit:Window</c>. Durations are <c>hh:mm:ss</c> (invariant) or a number of seconds.
/// Missing keys leave the current value.
/// </summary>
public static class AttentionClientOptionsBinder
{
    /// <summary>Copies the values present in <paramref name="configuration"/> onto <paramref name="options"/>.</summary>
    /// <exception cref="FormatException">A value present in configuration cannot be read (the message names the key).</exception>
    public static void Bind(IConfiguration configuration, AttentionClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        if (configuration["BaseAddress"] is { Length: > 0 } baseAddress)
        {
            options.BaseAddress = Uri.TryCreate(baseAddress, UriKind.Absolute, out var uri) ? uri : throw Invalid("BaseAddress", "an absolute URI");
        }

        if (configuration["ApiKey"] is { Length: > 0 } apiKey)
        {
            options.ApiKey = apiKey;
        }

        options.Timeout = ReadDuration(configuration, "Timeout") ?? options.Timeout;
        options.AttemptTimeout = ReadDuration(configuration, "AttemptTimeout") ?? options.AttemptTimeout;
        options.RetryBaseDelay = ReadDuration(configuration, "RetryBaseDelay") ?? options.RetryBaseDelay;
        options.MaxRetryDelay = ReadDuration(configuration, "MaxRetryDelay") ?? options.MaxRetryDelay;
        options.MaxRetryAfter = ReadDuration(configuration, "MaxRetryAfter") ?? options.MaxRetryAfter;
        if (configuration["MaxRetries"] is { Length: > 0 } retries)
        {
            options.MaxRetries = int.TryParse(retries, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid("MaxRetries", "an integer");
        }

        if (configuration["UserAgentSuffix"] is { Length: > 0 } suffix)
        {
            options.UserAgentSuffix = suffix;
        }

        if (configuration["EnableClientRateLimit"] is { Length: > 0 } enable)
        {
            options.EnableClientRateLimit = bool.TryParse(enable, out var value) ? value : throw Invalid("EnableClientRateLimit", "true or false");
        }

        if (configuration["AllowInsecureTransport"] is { Length: > 0 } insecure)
        {
            options.AllowInsecureTransport = bool.TryParse(insecure, out var value) ? value : throw Invalid("AllowInsecureTransport", "true or false");
        }

        if (configuration["EnableRetryBudget"] is { Length: > 0 } budget)
        {
            options.EnableRetryBudget = bool.TryParse(budget, out var value) ? value : throw Invalid("EnableRetryBudget", "true or false");
        }

        options.RetryBudgetRatio = ReadNumber(configuration, "RetryBudgetRatio") ?? options.RetryBudgetRatio;
        options.RetryBudgetMinPerSecond = ReadNumber(configuration, "RetryBudgetMinPerSecond") ?? options.RetryBudgetMinPerSecond;
        var limit = configuration.GetSection("RateLimit");
        if (limit["PermitLimit"] is { Length: > 0 } permits)
        {
            options.RateLimit = new RateLimitPolicy
            {
                PermitLimit = int.TryParse(permits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : throw Invalid("RateLimit:PermitLimit", "an integer"),
                Window = ReadDuration(limit, "Window") ?? throw Invalid("RateLimit:Window", "a duration"),
            };
        }
    }

    /// <summary>Reads a duration (<c>hh:mm:ss</c> invariant, or a number of seconds); null when the key is missing.</summary>
    /// <exception cref="FormatException">The value is present but not a duration.</exception>
    public static TimeSpan? ReadDuration(IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[key] is not { Length: > 0 } text)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(key, "a duration (hh:mm:ss or seconds)");
    }

    private static double? ReadNumber(IConfiguration configuration, string key) =>
        configuration[key] is not { Length: > 0 } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value
        : throw Invalid(key, "a number");

    private static FormatException Invalid(string key, string expected) => new($"The configuration value '{key}' must be {expected}.");
}
