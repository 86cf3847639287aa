using Attention.Sdk;

namespace AttentionFactory.Webhooks;

/// <summary>
/// A webhook delivery was rejected: the signature header is missing or malformed, the signature does not match any configured
/// secret, or the body is not a valid delivery envelope. Answer 401 (or 400) and do not act on the payload. The message never
/// contains a secret.
/// </summary>
public class WebhookVerificationException : AttentionException
{
    /// <summary>Creates the exception with the reason.</summary>
    public WebhookVerificationException(string reason)
        : base($"The webhook delivery was rejected: {reason}")
    {
        Reason = reason;
    }

    /// <summary>Why the delivery was rejected.</summary>
    public string Reason { get; }
}
