namespace Attention.Sdk.RateLimiting;

/// <summary>
/// Keeps the retry budgets: how many retries calls of one API and key may make, so an outage is not multiplied by every
/// caller's retries. The default, <see cref="InProcessRetryBudgetProvider.Shared"/>, keeps one budget per partition in this
/// process; a distributed provider (for example the Redis one in <c>Attention.Sdk.Redis</c>) shares it across processes. Set it
/// through <see cref="AttentionClientOptions.RetryBudgetProvider"/>. Implementations must be thread-safe.
/// </summary>
public interface IRetryBudgetProvider
{
    /// <summary>
    /// Records a call's first attempt: a deposit of <see cref="RetryBudgetPolicy.Ratio"/>. Called on the call's path before
    /// anything is sent, so it must not block (a distributed provider sends it without waiting) and should not throw.
    /// </summary>
    /// <param name="partition">The API, key hash and policy.</param>
    void RecordCall(RetryBudgetPartition partition);

    /// <summary>
    /// Takes one retry from the budget: true when the retry may be made, false when the budget is empty (or cannot be read,
    /// for a distributed provider: then no retry is made, and the call is never held up waiting for the store).
    /// </summary>
    /// <param name="partition">The API, key hash and policy.</param>
    /// <param name="cancellationToken">The call's token.</param>
    ValueTask<bool> TryWithdrawRetryAsync(RetryBudgetPartition partition, CancellationToken cancellationToken);
}
