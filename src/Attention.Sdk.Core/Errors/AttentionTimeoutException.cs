namespace Attention.Sdk;

/// <summary>
/// The call did not finish within <see cref="AttentionClientOptions.Timeout"/> (all attempts) or its last attempt within
/// <see cref="AttentionClientOptions.AttemptTimeout"/>: a transport failure (no answer in time), so it is an
/// <see cref="AttentionTransportException"/>. Whether the server acted is unknown. A wait helper that gives up is a
/// <see cref="Polling.PollingTimeoutException"/>, not this type; caller cancellation surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
public class AttentionTimeoutException : AttentionTransportException
{
    /// <summary>Creates the exception.</summary>
    public AttentionTimeoutException(string message, TimeSpan timeout, Exception? innerException = null)
        : base(message, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The limit that was exceeded.</summary>
    public TimeSpan Timeout { get; }
}
