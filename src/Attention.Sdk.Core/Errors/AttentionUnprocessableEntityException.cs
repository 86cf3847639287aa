namespace Attention.Sdk;

/// <summary>422 Unprocessable Entity: the body parsed but failed the server's schema validation.</summary>
public class AttentionUnprocessableEntityException : AttentionApiException
{
    /// <summary>Creates the exception from a parsed error response.</summary>
    public AttentionUnprocessableEntityException(ApiErrorDetails details, string? message = null, Exception? innerException = null)
        : base(details, message, innerException)
    {
    }
}
