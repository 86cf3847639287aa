using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Attention.Sdk.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Attention.Sdk.DependencyInjection;

/// <summary>
/// Registers and binds <see cref="WebhookReceiverOptions"/> (or a derived type): validated when first used and, in a host,
/// at startup, so a receiver with no secret fails to start instead of refusing every delivery. API packages call this from
/// their own <c>AddXxxWebhooks</c> methods.
/// </summary>
public static class WebhookReceiverRegistration
{
    /// <summary>Registers the options type with <paramref name="configure"/>, their validation and <c>ValidateOnStart</c>.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    public static OptionsBuilder<TOptions> AddWebhookReceiverOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        this IServiceCollection services,
        Action<TOptions> configure)
        where TOptions : WebhookReceiverOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddOptions<TOptions>().Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, WebhookReceiverOptionsValidation<TOptions>>());
        return builder.ValidateOnStart();
    }

    /// <summary>
    /// Copies the values present in <paramref name="configuration"/> onto <paramref name="options"/>, without reflection. Keys:
    /// <c>Secrets:0</c>, <c>Secrets:1</c>... (several during rotation), <c>Secret</c> (one more, for a single-secret setup or an
    /// environment variable), <c>MaxBodyBytes</c>.
    /// </summary>
    /// <exception cref="FormatException">A value present in configuration cannot be read (the message names the key, never a secret).</exception>
    public static void Bind(IConfiguration configuration, WebhookReceiverOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var secrets = configuration.GetSection("Secrets").GetChildren().Select(child => child.Value).OfType<string>().ToList();
        if (configuration["Secret"] is { Length: > 0 } single)
        {
            secrets.Add(single);
        }

        if (secrets.Count > 0)
        {
            options.Secrets = secrets;
        }

        if (configuration["MaxBodyBytes"] is { Length: > 0 } limit)
        {
            options.MaxBodyBytes = int.TryParse(limit, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new FormatException("The configuration value 'MaxBodyBytes' must be an integer.");
        }
    }
}

/// <summary>Runs <see cref="WebhookReceiverOptions.Validate"/> for the options system.</summary>
/// <typeparam name="TOptions">The options type.</typeparam>
internal sealed class WebhookReceiverOptionsValidation<TOptions> : IValidateOptions<TOptions>
    where TOptions : WebhookReceiverOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
