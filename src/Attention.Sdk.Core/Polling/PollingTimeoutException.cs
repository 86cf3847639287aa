namespace Attention.Sdk.Polling;

/// <summary>
/// A wait helper gave up after <see cref="PollingOptions.Timeout"/>: the resource did not reach the state waited for. Not a
/// network failure (so not an <see cref="AttentionTimeoutException"/>); <see cref="LastValue"/> holds the last state seen and
/// the inner exception the last poll's failure, when the last poll failed.
/// </summary>
public class PollingTimeoutException : AttentionException
{
    /// <summary>Creates the exception.</summary>
    public PollingTimeoutException(string message, TimeSpan timeout, object? lastValue, int polls, Exception? innerException = null)
        : base(message, innerException)
    {
        Timeout = timeout;
        LastValue = lastValue;
        Polls = polls;
    }

    /// <summary>The polling timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The last value the poll returned (for example the rental still in <c>warming</c>), or null if none succeeded.</summary>
    public object? LastValue { get; }

    /// <summary>How many polls were made.</summary>
    public int Polls { get; }
}
