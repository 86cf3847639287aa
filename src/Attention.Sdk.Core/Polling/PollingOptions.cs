namespace Attention.Sdk.Polling;

/// <summary>How a wait helper polls a long-running resource.</summary>
public sealed record PollingOptions
{
    /// <summary>The first delay between two polls. Default: 2 seconds.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Each delay is the previous one times this factor (1 keeps it constant). Default: 1.5.</summary>
    public double BackoffFactor { get; init; } = 1.5;

    /// <summary>The longest delay between two polls. Default: 30 seconds.</summary>
    public TimeSpan MaxInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait in total before <see cref="PollingTimeoutException"/>. Default: 10 minutes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The defaults.</summary>
    public static PollingOptions Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Interval), Interval, "The polling interval must be positive.");
        }

        if (BackoffFactor < 1 || double.IsNaN(BackoffFactor) || double.IsInfinity(BackoffFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(BackoffFactor), BackoffFactor, "The back-off factor must be a finite number of at least 1.");
        }

        if (MaxInterval < Interval)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxInterval), MaxInterval, "The longest interval cannot be shorter than the first.");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "The polling timeout must be positive.");
        }
    }
}
