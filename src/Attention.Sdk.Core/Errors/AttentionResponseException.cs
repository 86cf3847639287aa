using System.Net;

namespace Attention.Sdk;

/// <summary>
/// The server answered with a success status but the body could not be read as the documented shape
/// (not JSON, truncated, wrong types, or missing a required field). The inner exception holds the parser's error.
/// </summary>
public class AttentionResponseException : AttentionException
{
    /// <summary>Creates the exception.</summary>
    public AttentionResponseException(string message, HttpStatusCode statusCode, string? rawBody, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        RawBody = rawBody;
    }

    /// <summary>The (successful) status the server sent.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The body, truncated to <see cref="ApiErrorDetails.MaxRawBodyLength"/> characters.</summary>
    public string? RawBody { get; }
}
