using Attention.Sdk;
using Attention.Sdk.DependencyInjection;
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
    public PollingOptions RentalActivationPolling { get; set; } = Polling(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1), TimeSpan.FromDays(14));

    /// <summary>
    /// How <see cref="Actions.ActionsClient.WaitForActionFinishedAsync"/> polls when no <see cref="PollingOptions"/> are passed.
    /// Default: every 2 seconds growing to 30 seconds, for up to 24 hours (actions run on real people's devices).
    /// </summary>
    public PollingOptions ActionCompletionPolling { get; set; } = Polling(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), TimeSpan.FromHours(24));

    /// <summary>
    /// How <see cref="Actions.ActionsClient.WaitForPostAnalyticsAvailableAsync"/> polls while the API answers "not yet available".
    /// Default: every second growing to 5 seconds, for up to 2 minutes (the docs say "a few seconds").
    /// </summary>
    public PollingOptions PostAnalyticsPolling { get; set; } = Polling(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2));

    /// <inheritdoc />
    public override void Validate(ApiProfile profile)
    {
        base.Validate(profile);
        ValidatePolling(RentalActivationPolling, nameof(RentalActivationPolling));
        ValidatePolling(ActionCompletionPolling, nameof(ActionCompletionPolling));
        ValidatePolling(PostAnalyticsPolling, nameof(PostAnalyticsPolling));
    }

    /// <summary>Reads the shared keys, then <c>RentalActivationPolling</c>, <c>ActionCompletionPolling</c> and <c>PostAnalyticsPolling</c> (each <c>Interval</c>, <c>BackoffFactor</c>, <c>MaxInterval</c>, <c>Timeout</c>).</summary>
    internal override void BindConfiguration(OptionsConfigurationReader reader)
    {
        base.BindConfiguration(reader);
        RentalActivationPolling = reader.Polling(nameof(RentalActivationPolling), RentalActivationPolling);
        ActionCompletionPolling = reader.Polling(nameof(ActionCompletionPolling), ActionCompletionPolling);
        PostAnalyticsPolling = reader.Polling(nameof(PostAnalyticsPolling), PostAnalyticsPolling);
    }
}
