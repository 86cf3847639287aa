namespace Attention.Sdk.Http;

/// <summary>Raised inside the pipeline when one attempt exceeds <see cref="AttentionClientOptions.AttemptTimeout"/>; the retry rules decide what follows.</summary>
internal sealed class AttemptTimeoutException(TimeSpan timeout) : TimeoutException($"The attempt did not complete within {timeout.TotalSeconds:0.###} s.")
{
    public TimeSpan Timeout { get; } = timeout;
}
