using Attention.Sdk;
using Attention.Sdk.Polling;

namespace AutoPersonas;

/// <summary>
/// Settings of an <see cref="AutoPersonasClient"/>: the API key (<c>ap_live_...</c> in the docs; a key with another prefix is accepted
/// and a warning logged, only an empty key or one with whitespace or control characters is refused), the base address (default
/// <c>https://autopersonas.com/api/v1</c>), timeouts, retries, the client-side rate limit (default: the documented 60 requests per
/// minute per key, waiting for a permit), logging (all from <see cref="AttentionClientOptions"/>), the key's granted scopes and the
/// polling defaults of the wait helpers.
/// </summary>
public sealed class AutoPersonasClientOptions : AttentionClientOptions
{
    /// <summary>
    /// The scopes the API key was created with, when you want calls the key cannot make to fail before they are sent
    /// (with <see cref="ScopeNotGrantedException"/>, an <see cref="AttentionRequestRefusedException"/> naming the scope; no server status is claimed).
    /// Default: <see langword="null"/>, which sends every call and lets the server decide (a 403 still names the scope).
    /// </summary>
    public IReadOnlyCollection<AutoPersonasScope>? GrantedScopes { get; set; }

    /// <summary>How <see cref="Batches.BatchesClient.WaitForBatchFinishedAsync"/> polls when no <see cref="PollingOptions"/> are passed. Default: every 2 seconds growing to 15 seconds, for up to 30 minutes.</summary>
    public PollingOptions BatchPolling { get; set; } = new()
    {
        Interval = TimeSpan.FromSeconds(2),
        MaxInterval = TimeSpan.FromSeconds(15),
        Timeout = TimeSpan.FromMinutes(30),
    };

    /// <summary>How <see cref="Publishing.PublishingClient.WaitForPublishFinishedAsync"/> polls when no <see cref="PollingOptions"/> are passed. Default: every 2 seconds growing to 15 seconds, for up to 15 minutes.</summary>
    public PollingOptions PublishPolling { get; set; } = new()
    {
        Interval = TimeSpan.FromSeconds(2),
        MaxInterval = TimeSpan.FromSeconds(15),
        Timeout = TimeSpan.FromMinutes(15),
    };

    /// <summary>How <see cref="SocialImport.SocialImportClient.WaitForImportJobFinishedAsync"/> polls when no <see cref="PollingOptions"/> are passed. Default: every 3 seconds growing to 30 seconds, for up to 1 hour.</summary>
    public PollingOptions ImportPolling { get; set; } = new()
    {
        Interval = TimeSpan.FromSeconds(3),
        MaxInterval = TimeSpan.FromSeconds(30),
        Timeout = TimeSpan.FromHours(1),
    };

    /// <inheritdoc />
    public override void Validate(ApiProfile profile)
    {
        base.Validate(profile);
        ArgumentNullException.ThrowIfNull(BatchPolling, nameof(BatchPolling));
        ArgumentNullException.ThrowIfNull(PublishPolling, nameof(PublishPolling));
        ArgumentNullException.ThrowIfNull(ImportPolling, nameof(ImportPolling));
        BatchPolling.Validate();
        PublishPolling.Validate();
        ImportPolling.Validate();
        if (GrantedScopes is not null && GrantedScopes.Any(s => string.IsNullOrWhiteSpace(s.Value)))
        {
            throw new ArgumentException($"{nameof(GrantedScopes)} cannot contain an empty scope.", nameof(GrantedScopes));
        }
    }
}
