namespace Attention.Sdk;

/// <summary>
/// The SDK refused to send the call: a client-side rule stopped it before anything went over the network (a scope the key
/// lacks, a client-side rate limit that would not give a permit, a bearer key over plain <c>http://</c>). No server was asked,
/// so there is no status code and <see cref="AttentionException.Attempts"/> is 0. Invalid arguments and options are refused
/// with <see cref="ArgumentException"/> instead, as .NET does.
/// </summary>
public class AttentionRequestRefusedException : AttentionException
{
    /// <summary>Creates the exception.</summary>
    public AttentionRequestRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public AttentionRequestRefusedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
