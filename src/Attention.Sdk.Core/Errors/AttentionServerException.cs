namespace Attention.Sdk;

/// <summary>A 5xx answer: the server failed. Calls that are safe to repeat were already retried.</summary>
public class AttentionServerException : AttentionApiException
{
    /// <summary>Creates the exception from a parsed error response.</summary>
    public AttentionServerException(ApiErrorDetails details, string? message = null, Exception? innerException = null)
        : base(details, message, innerException)
    {
    }
}
