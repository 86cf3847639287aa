namespace Attention.Sdk;

/// <summary>
/// The base of every exception the Attention SDK throws for a failed call: API errors (non-2xx answers),
/// transport failures, timeouts and undecodable responses. Carries what an application needs to retry safely.
/// </summary>
public class AttentionException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public AttentionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    public AttentionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP method of the call, when the failure belongs to one.</summary>
    public string? Method { get; init; }

    /// <summary>The route template of the call (for example <c>/v1/rentals/{id}</c>): ids are not inlined, so it is safe to log and group by.</summary>
    public string? Route { get; init; }

    /// <summary>
    /// The <c>Idempotency-Key</c> the call carried, if any. Persist it and send the same key again (every create method accepts one)
    /// to retry after a crash without creating anything twice.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>How many HTTP attempts were made (1 when nothing was retried; 0 when nothing was sent).</summary>
    public int Attempts { get; init; }

    /// <summary>
    /// True when the failure was retryable but the retry budget for this API and key was empty, so the SDK did not retry it
    /// (many recent calls failed: the service is likely down, and retrying would only add load). <see cref="Attempts"/> counts
    /// the attempts actually made. See <see cref="AttentionClientOptions.EnableRetryBudget"/>.
    /// </summary>
    public bool RetryBudgetExhausted { get; init; }
}
