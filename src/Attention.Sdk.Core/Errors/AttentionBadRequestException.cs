namespace Attention.Sdk;

/// <summary>400 Bad Request: a field is missing or invalid (the server's message says which).</summary>
public class AttentionBadRequestException : AttentionApiException
{
    /// <summary>Creates the exception from a parsed error response.</summary>
    public AttentionBadRequestException(ApiErrorDetails details, string? message = null, Exception? innerException = null)
        : base(details, message, innerException)
    {
    }
}
