using Attention.Sdk.Webhooks;

namespace AttentionFactory.Webhooks;

/// <summary>
/// Settings for receiving Attention Factory webhooks through <c>AddAttentionFactoryWebhooks</c>: the accepted secrets
/// (several during a rotation), the body size limit, and the in-memory de-duplication store's bounds. Configuration keys
/// (under the section you pass): <c>Secrets:0</c>, <c>Secrets:1</c>..., <c>Secret</c>, <c>MaxBodyBytes</c>,
/// <c>Deduplication:Capacity</c>, <c>Deduplication:TimeToLive</c>. <see cref="object.ToString"/> never shows a secret.
/// </summary>
public sealed class AttentionFactoryWebhookOptions : WebhookReceiverOptions
{
    /// <summary>The most keys the default in-memory de-duplication store keeps (default 100,000).</summary>
    public int DeduplicationCapacity { get; set; } = 100_000;

    /// <summary>How long the default in-memory de-duplication store remembers a delivery (default 24 hours).</summary>
    public TimeSpan DeduplicationTimeToLive { get; set; } = TimeSpan.FromHours(24);

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate()
    {
        var problems = base.Validate().ToList();
        if (DeduplicationCapacity < 1)
        {
            problems.Add("DeduplicationCapacity must be at least 1.");
        }

        if (DeduplicationTimeToLive <= TimeSpan.Zero)
        {
            problems.Add("DeduplicationTimeToLive must be positive.");
        }

        return problems;
    }
}
