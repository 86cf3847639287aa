namespace Attention.Sdk;

/// <summary>401 Unauthorized: the API key is missing, invalid or revoked.</summary>
public class AttentionAuthenticationException : AttentionApiException
{
    /// <summary>Creates the exception from a parsed error response.</summary>
    public AttentionAuthenticationException(ApiErrorDetails details, string? message = null, Exception? innerException = null)
        : base(details, message, innerException)
    {
    }
}
