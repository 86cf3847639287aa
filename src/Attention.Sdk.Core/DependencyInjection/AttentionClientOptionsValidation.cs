using Microsoft.Extensions.Options;

namespace Attention.Sdk.DependencyInjection;

/// <summary>
/// Validates a client's options for the options system (registered with <c>ValidateOnStart</c>): first the values configuration
/// binding could not read, then <see cref="AttentionClientOptions.Validate"/>. A failure is an <see cref="OptionsValidationException"/>
/// whose message names the key (with its section when the options came from configuration), never an <see cref="ArgumentException"/>
/// at the first resolve, which an application's error mapping could blame on its own caller.
/// </summary>
/// <typeparam name="TOptions">The options type.</typeparam>
internal sealed class AttentionClientOptionsValidation<TOptions>(ApiProfile profile) : IValidateOptions<TOptions>
    where TOptions : AttentionClientOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ConfigurationErrors.Count > 0)
        {
            return ValidateOptionsResult.Fail(options.ConfigurationErrors.Select(error => error.Message));
        }

        try
        {
            options.Validate(profile);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            var key = options.ConfigurationPath is { Length: > 0 } section ? $"{section}:{ex.ParamName}" : ex.ParamName;
            return ValidateOptionsResult.Fail($"The option '{key}' of {typeof(TOptions).Name} is invalid: {AttentionClientOptions.ReasonOf(ex)}");
        }
    }
}
