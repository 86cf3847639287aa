namespace AttentionFactory.Webhooks;

/// <summary>A webhook delivery's body is over the configured limit; it was refused without being buffered. Answer 413.</summary>
public sealed class WebhookBodyTooLargeException : WebhookVerificationException
{
    /// <summary>Creates the exception for the limit.</summary>
    /// <param name="maxBodyBytes">The limit, in bytes.</param>
    public WebhookBodyTooLargeException(int maxBodyBytes)
        : base($"The delivery body is larger than the limit of {maxBodyBytes} bytes.")
    {
        MaxBodyBytes = maxBodyBytes;
    }

    /// <summary>The limit, in bytes.</summary>
    public int MaxBodyBytes { get; }
}
