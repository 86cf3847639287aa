namespace Attention.Sdk;

/// <summary>
/// The call did not finish within <see cref="AttentionClientOptions.Timeout"/> (all attempts) or its last attempt within
/// <see cref="AttentionClientOptions.AttemptTimeout"/>, or a wait helper ran past its polling timeout.
/// Caller cancellation is not a timeout: it surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
public class AttentionTimeoutException : AttentionException
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
