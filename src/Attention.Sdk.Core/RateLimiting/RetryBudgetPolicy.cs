namespace Attention.Sdk.RateLimiting;

/// <summary>
/// How many retries a retry budget allows: each call's first attempt deposits <see cref="Ratio"/> of a retry, each retry takes
/// one, and deposits fade with the time constant <see cref="Window"/> (so the balance reflects recent calls only), while
/// <see cref="MinRetriesPerSecond"/> keeps a small reserve for low traffic. During an outage the retries per second therefore
/// stay near <c>Ratio × calls per second + MinRetriesPerSecond</c>, whatever <see cref="AttentionClientOptions.MaxRetries"/> says.
/// </summary>
public sealed record RetryBudgetPolicy
{
    /// <summary>Retries earned per call (0.2: one retry per five calls). Between 0 and 1. Default: 0.2.</summary>
    public double Ratio { get; init; } = 0.2;

    /// <summary>Retries per second allowed whatever the traffic (the reserve holds at most this times <see cref="Window"/>). Default: 1.</summary>
    public double MinRetriesPerSecond { get; init; } = 1;

    /// <summary>How long a deposit counts (the time constant of its exponential fading). Default: 10 seconds.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The balance of a budget nobody used for a long time: the full reserve, <see cref="MinRetriesPerSecond"/> × <see cref="Window"/>.</summary>
    public double Reserve => MinRetriesPerSecond * Window.TotalSeconds;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        if (!double.IsFinite(Ratio) || Ratio is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Ratio), Ratio, "The retry budget ratio must be between 0 and 1.");
        }

        if (!double.IsFinite(MinRetriesPerSecond) || MinRetriesPerSecond is < 0 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(MinRetriesPerSecond), MinRetriesPerSecond, "The retry budget minimum must be between 0 and 1000 retries per second.");
        }

        if (Window <= TimeSpan.Zero || Window > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(Window), Window, "The retry budget window must be positive and at most an hour.");
        }
    }
}
