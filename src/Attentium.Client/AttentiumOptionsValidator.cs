using Microsoft.Extensions.Options;

namespace Attentium;

/// <summary>
/// Validates <see cref="AttentiumClientOptions"/> for the options system (registered with <c>ValidateOnStart</c>): the values
/// configuration binding could not read, then <see cref="AttentiumClientOptions.Validate"/>. A failure is an
/// <see cref="OptionsValidationException"/> whose message names the key.
/// </summary>
internal sealed class AttentiumOptionsValidator : IValidateOptions<AttentiumClientOptions>
{
    public ValidateOptionsResult Validate(string? name, AttentiumClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ConfigurationErrors.Count > 0)
        {
            return ValidateOptionsResult.Fail(options.ConfigurationErrors.Select(error => error.Message));
        }

        try
        {
            options.Validate(AttentiumClient.Profile);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"Attentium option {ex.ParamName}: {ex.Message}");
        }
    }
}
