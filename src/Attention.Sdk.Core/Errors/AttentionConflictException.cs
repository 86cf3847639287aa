namespace Attention.Sdk;

/// <summary>409 Conflict: the resource is in a state that does not allow the call (for example extending an expired rental).</summary>
public class AttentionConflictException : AttentionApiException
{
    /// <summary>Creates the exception from a parsed error response.</summary>
    public AttentionConflictException(ApiErrorDetails details, string? message = null, Exception? innerException = null)
        : base(details, message, innerException)
    {
    }
}
