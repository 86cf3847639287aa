namespace Attention.Sdk;

/// <summary>
/// A request carrying the API key was about to go over plain <c>http://</c> to a host that is not a loopback address, where anyone
/// on the path could read the key. Nothing was sent. Use <c>https://</c>, or set <see cref="AttentionClientOptions.AllowInsecureTransport"/>
/// for a trusted network.
/// </summary>
public class AttentionInsecureTransportException : AttentionRequestRefusedException
{
    /// <summary>Creates the exception.</summary>
    public AttentionInsecureTransportException(string message)
        : base(message)
    {
    }
}
