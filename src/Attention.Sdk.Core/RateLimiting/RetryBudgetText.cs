namespace Attention.Sdk.RateLimiting;

/// <summary>The sentence an exception carries when the retry budget stopped a retry.</summary>
internal static class RetryBudgetText
{
    public static string NotRetried(int attempts) =>
        $"Not retried after {attempts} attempt(s): the retry budget for this API key is exhausted (many recent calls failed; see RetryBudgetExhausted).";
}
