namespace Attention.Sdk;

/// <summary>
/// The request could not be completed at the network level (connection refused or reset, DNS failure, TLS failure,
/// an empty or garbled response, a <see cref="System.Net.Sockets.SocketException"/> at any depth) or got no answer in time
/// (<see cref="AttentionTimeoutException"/>). The one type for every network failure of the SDK, the Solana RPC client's included.
/// The inner exception holds the transport's own error. Whether the server acted on the request is unknown unless
/// <see cref="RequestWasNotSent"/> is true: retry creates only with the same idempotency key, on endpoints that honour one.
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
