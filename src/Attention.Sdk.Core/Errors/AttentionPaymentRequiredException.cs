namespace Attention.Sdk;

/// <summary>402 Payment Required: the account lacks credits, or (Attentium) a payment must be made first.</summary>
public class AttentionPaymentRequiredException : AttentionApiException
{
    /// <summary>Creates the exception from a parsed error response.</summary>
    public AttentionPaymentRequiredException(ApiErrorDetails details, string? message = null, Exception? innerException = null)
        : base(details, message, innerException)
    {
    }
}
