using Attention.Sdk;
using Attention.Sdk.DependencyInjection;
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
    public PollingOptions BatchPolling { get; set; } = Polling(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(30));

    /// <summary>How <see cref="Publishing.PublishingClient.WaitForPublishFinishedAsync"/> polls when no <see cref="PollingOptions"/> are passed. Default: every 2 seconds growing to 15 seconds, for up to 15 minutes.</summary>
    public PollingOptions PublishPolling { get; set; } = Polling(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(15));

    /// <summary>How <see cref="SocialImport.SocialImportClient.WaitForImportJobFinishedAsync"/> polls when no <see cref="PollingOptions"/> are passed. Default: every 3 seconds growing to 30 seconds, for up to 1 hour.</summary>
    public PollingOptions ImportPolling { get; set; } = Polling(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));

    /// <inheritdoc />
    public override void Validate(ApiProfile profile)
    {
        base.Validate(profile);
        if (GrantedScopes is not null && GrantedScopes.Any(s => string.IsNullOrWhiteSpace(s.Value)))
        {
            throw new ArgumentException($"{nameof(GrantedScopes)} cannot contain an empty scope.", nameof(GrantedScopes));
        }

        ValidatePolling(BatchPolling, nameof(BatchPolling));
        ValidatePolling(PublishPolling, nameof(PublishPolling));
        ValidatePolling(ImportPolling, nameof(ImportPolling));
    }

    /// <summary>Reads the shared keys, then <c>GrantedScopes</c> (a list or a comma-separated string) and <c>BatchPolling</c>, <c>PublishPolling</c>, <c>ImportPolling</c>.</summary>
    internal override void BindConfiguration(OptionsConfigurationReader reader)
    {
        base.BindConfiguration(reader);
        var scopes = reader.List(nameof(GrantedScopes));
        if (scopes.Count > 0)
        {
            GrantedScopes = scopes.Select(AutoPersonasScope.FromValue).ToArray();
        }

        BatchPolling = reader.Polling(nameof(BatchPolling), BatchPolling);
        PublishPolling = reader.Polling(nameof(PublishPolling), PublishPolling);
        ImportPolling = reader.Polling(nameof(ImportPolling), ImportPolling);
    }
}
