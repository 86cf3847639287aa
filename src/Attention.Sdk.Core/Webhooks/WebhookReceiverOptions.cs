namespace Attention.Sdk.Webhooks;

/// <summary>
/// Settings for receiving signed webhook deliveries: the accepted secrets and the body size limit. <see cref="ToString"/>
/// never shows a secret. There is no timestamp tolerance: the envelope's timestamp is not covered by the signature, so a
/// window on it would stop nothing; replays are handled by de-duplication instead.
/// </summary>
public class WebhookReceiverOptions
{
    /// <summary>The most bytes <see cref="MaxBodyBytes"/> may be set to: 64 MiB.</summary>
    public const int MaxBodyBytesCeiling = 64 * 1024 * 1024;

    /// <summary>
    /// The accepted signing secrets. During a rotation list the new and the old one (any order): a delivery signed with
    /// either is accepted, until you remove the old one.
    /// </summary>
    public IList<string> Secrets { get; set; } = new List<string>();

    /// <summary>The largest delivery body accepted, in bytes (default 1 MiB). Larger bodies are refused without being buffered.</summary>
    public int MaxBodyBytes { get; set; } = WebhookSignatureVerifier.DefaultMaxBodyBytes;

    /// <summary>The problems with these settings (no secret, an empty or blank secret, a limit out of range); empty when valid. Never quotes a secret.</summary>
    public virtual IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Secrets is null || Secrets.Count == 0)
        {
            problems.Add("At least one webhook secret is required (Secrets).");
        }
        else
        {
            for (var i = 0; i < Secrets.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(Secrets[i]))
                {
                    problems.Add($"Webhook secret {i} is empty.");
                }
            }
        }

        if (MaxBodyBytes is < 1 or > MaxBodyBytesCeiling)
        {
            problems.Add($"MaxBodyBytes must be between 1 and {MaxBodyBytesCeiling}.");
        }

        return problems;
    }

    /// <summary>The number of secrets (never their values) and the limit.</summary>
    public override string ToString() => $"{GetType().Name} {{ Secrets = {Secrets?.Count ?? 0} configured (redacted), MaxBodyBytes = {MaxBodyBytes} }}";
}
