namespace Attention.Sdk.Webhooks;

/// <summary>The outcome of verifying a delivery: valid (with the form and secret that matched) or invalid with a reason.</summary>
public sealed record WebhookVerificationResult
{
    private WebhookVerificationResult()
    {
    }

    /// <summary>Whether the signature matched.</summary>
    public bool IsValid { get; private init; }

    /// <summary>Why verification failed (missing header, malformed signature, body without <c>data</c>, no match); null when valid.</summary>
    public string? FailureReason { get; private init; }

    /// <summary>The canonical form of <c>data</c> the signature was computed over, when valid.</summary>
    public WebhookCanonicalForm? MatchedForm { get; private init; }

    /// <summary>The index (in the list given to the verifier) of the secret that matched, when valid; useful during rotation.</summary>
    public int? MatchedSecretIndex { get; private init; }

    /// <summary>Whether the delivery was refused because its body is over the size limit (answer 413 rather than 401).</summary>
    public bool IsBodyTooLarge { get; private init; }

    // Immutable, so the common outcomes (the raw text matched one of the first few secrets) are shared: verifying allocates nothing.
    private static readonly WebhookVerificationResult[] s_rawSuccesses =
        [.. Enumerable.Range(0, 4).Select(i => new WebhookVerificationResult { IsValid = true, MatchedForm = WebhookCanonicalForm.Raw, MatchedSecretIndex = i })];

    internal static WebhookVerificationResult Success(WebhookCanonicalForm form, int secretIndex) =>
        form == WebhookCanonicalForm.Raw && (uint)secretIndex < (uint)s_rawSuccesses.Length
            ? s_rawSuccesses[secretIndex]
            : new() { IsValid = true, MatchedForm = form, MatchedSecretIndex = secretIndex };

    internal static WebhookVerificationResult Failure(string reason) => new() { IsValid = false, FailureReason = reason };

    internal static WebhookVerificationResult TooLarge(int maxBodyBytes) =>
        new() { IsValid = false, IsBodyTooLarge = true, FailureReason = $"The delivery body is larger than the limit of {maxBodyBytes} bytes." };
}
