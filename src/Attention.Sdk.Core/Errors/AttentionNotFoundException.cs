namespace Attention.Sdk;

/// <summary>404 Not Found: the resource does not exist or is not owned by this account.</summary>
public class AttentionNotFoundException : AttentionApiException
{
    /// <summary>Creates the exception from a parsed error response.</summary>
    public AttentionNotFoundException(ApiErrorDetails details, string? message = null, Exception? innerException = null)
        : base(details, message, innerException)
    {
    }
}
