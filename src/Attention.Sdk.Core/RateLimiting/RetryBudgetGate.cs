namespace Attention.Sdk.RateLimiting;

/// <summary>
/// A client's view of its retry budget (shared by every client of the same API and key through
/// <see cref="AttentionClientOptions.RetryBudgetProvider"/>): a deposit per call, a withdrawal per retry. A provider that fails
/// never fails the call: a lost deposit is ignored, and a withdrawal that cannot be made means no retry (fail closed: an
/// unreadable budget must not turn into unlimited retries during an outage).
/// </summary>
internal sealed class RetryBudgetGate(IRetryBudgetProvider provider, RetryBudgetPartition partition)
{
    /// <summary>The gate for <paramref name="profile"/>'s API under <paramref name="options"/>, or null when the budget is off or nothing is retried.</summary>
    public static RetryBudgetGate? Create(ApiProfile profile, AttentionClientOptions options) =>
        options.EnableRetryBudget && options.MaxRetries > 0
            ? new RetryBudgetGate(
                options.RetryBudgetProvider ?? InProcessRetryBudgetProvider.Shared,
                new RetryBudgetPartition(profile.Name, BudgetKeyHash(profile, options), options.CreateRetryBudgetPolicy(), options.TimeProvider))
            : null;

    /// <summary>
    /// The hash the budget is kept under: the API key's, or for a client without a key (a Solana RPC node) its address's, so
    /// every node has a budget of its own and no key-less client drains another's.
    /// </summary>
    private static string BudgetKeyHash(ApiProfile profile, AttentionClientOptions options) =>
        ClientRateLimitPartition.HashApiKey(string.IsNullOrEmpty(options.ApiKey) ? options.ResolveBaseAddress(profile).AbsoluteUri : options.ApiKey);

    public RetryBudgetPartition Partition => partition;

    public void RecordCall()
    {
        try
        {
            provider.RecordCall(partition);
        }
#pragma warning disable CA1031 // A deposit is bookkeeping: losing one must never fail the call it belongs to.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    public async ValueTask<bool> TryWithdrawAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await provider.TryWithdrawRetryAsync(partition, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure of the budget's store means "no retry": the call ends with its own failure.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
