namespace Attention.Sdk;

/// <summary>
/// The request could not be completed at the network level (connection refused or reset, DNS failure, TLS failure,
/// an empty or garbled response). The inner exception holds the transport's own error. Whether the server acted on
/// the request is unknown unless <see cref="RequestWasNotSent"/> is true: retry creates only with the same idempotency key.
/// </summary>
public class AttentionTransportException : AttentionException
{
    /// <summary>Creates the exception.</summary>
    public AttentionTransportException(string message, Exception? innerException, bool requestWasNotSent = false)
        : base(message, innerException)
    {
        RequestWasNotSent = requestWasNotSent;
    }

    /// <summary>True when the failure proves nothing reached the server (for example connection refused).</summary>
    public bool RequestWasNotSent { get; }
}
