using Attention.Sdk;
using Attention.Sdk.Polling;

namespace AttentionFactory;

/// <summary>
/// Settings of an <see cref="AttentionFactoryClient"/>: the API key (<c>af_live_sk_...</c> or <c>af_test_sk_...</c>), the base
/// address (default <c>https://api.attentionfactory.com/v1</c>), timeouts, retries, logging (all from
/// <see cref="AttentionClientOptions"/>) and the polling defaults of the wait helpers.
/// </summary>
public sealed class AttentionFactoryClientOptions : AttentionClientOptions
{
    /// <summary>
    /// How <see cref="Rentals.RentalsClient.WaitForRentalActiveAsync"/> polls when no <see cref="PollingOptions"/> are passed.
    /// Default: every 5 seconds growing to 1 minute, for up to 14 days (the documented warming guarantee window);
    /// pass a shorter timeout for interactive use.
    /// </summary>
    public PollingOptions RentalActivationPolling { get; set; } = new()
    {
        Interval = TimeSpan.FromSeconds(5),
        MaxInterval = TimeSpan.FromMinutes(1),
        Timeout = TimeSpan.FromDays(14),
    };

    /// <summary>
    /// How <see cref="Actions.ActionsClient.WaitForActionFinishedAsync"/> polls when no <see cref="PollingOptions"/> are passed.
    /// Default: every 2 seconds growing to 30 seconds, for up to 24 hours (actions run on real people's devices).
    /// </summary>
    public PollingOptions ActionCompletionPolling { get; set; } = new()
    {
        Interval = TimeSpan.FromSeconds(2),
        MaxInterval = TimeSpan.FromSeconds(30),
        Timeout = TimeSpan.FromHours(24),
    };

    /// <summary>
    /// How <see cref="Actions.ActionsClient.WaitForPostAnalyticsAvailableAsync"/> polls while the API answers "not yet available".
    /// Default: every second growing to 5 seconds, for up to 2 minutes (the docs say "a few seconds").
    /// </summary>
    public PollingOptions PostAnalyticsPolling { get; set; } = new()
    {
        Interval = TimeSpan.FromSeconds(1),
        MaxInterval = TimeSpan.FromSeconds(5),
        Timeout = TimeSpan.FromMinutes(2),
    };

    /// <inheritdoc />
    public override void Validate(ApiProfile profile)
    {
        base.Validate(profile);
        ArgumentNullException.ThrowIfNull(RentalActivationPolling, nameof(RentalActivationPolling));
        ArgumentNullException.ThrowIfNull(ActionCompletionPolling, nameof(ActionCompletionPolling));
        ArgumentNullException.ThrowIfNull(PostAnalyticsPolling, nameof(PostAnalyticsPolling));
        RentalActivationPolling.Validate();
        ActionCompletionPolling.Validate();
        PostAnalyticsPolling.Validate();
    }
}
