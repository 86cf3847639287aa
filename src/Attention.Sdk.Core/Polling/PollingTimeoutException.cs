namespace Attention.Sdk.Polling;

/// <summary>A wait helper gave up after <see cref="PollingOptions.Timeout"/>. <see cref="LastValue"/> holds the last state seen.</summary>
public class PollingTimeoutException : AttentionTimeoutException
{
    /// <summary>Creates the exception.</summary>
    public PollingTimeoutException(string message, TimeSpan timeout, object? lastValue, int polls)
        : base(message, timeout)
    {
        LastValue = lastValue;
        Polls = polls;
    }

    /// <summary>The last value the poll returned (for example the rental still in <c>warming</c>), or null if none succeeded.</summary>
    public object? LastValue { get; }

    /// <summary>How many polls were made.</summary>
    public int Polls { get; }
}
