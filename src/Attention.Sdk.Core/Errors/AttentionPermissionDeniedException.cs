namespace Attention.Sdk;

/// <summary>
/// 403 Forbidden: the key may not make this call (a missing scope, or a subscription tier that does not include it).
/// <see cref="RequiredPermission"/> names the scope the call needs when the API declares scopes.
/// </summary>
public class AttentionPermissionDeniedException : AttentionApiException
{
    /// <summary>Creates the exception from a parsed error response.</summary>
    public AttentionPermissionDeniedException(ApiErrorDetails details, string? message = null, Exception? innerException = null)
        : base(details, message ?? Describe(details), innerException)
    {
        RequiredPermission = details.RequiredPermission;
    }

    /// <summary>The scope the call needs (for example <c>content:generate</c>), when the API declares one.</summary>
    public string? RequiredPermission { get; }

    private static string Describe(ApiErrorDetails details) =>
        details.RequiredPermission is null
            ? details.DescribeForMessage()
            : $"This key lacks {details.RequiredPermission}, which {details.Method} {details.Route} needs. {details.DescribeForMessage()}";
}
