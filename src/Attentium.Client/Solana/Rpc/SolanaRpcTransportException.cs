using System.Net;
using Attention.Sdk;

namespace Attentium.Solana;

/// <summary>
/// The RPC request did not get a usable answer: a connection failure, a timeout, or an HTTP error status without a JSON-RPC error
/// body. An <see cref="AttentionTransportException"/>, so one <c>catch</c> handles the network failures of the HTTP APIs and of the RPC node.
/// </summary>
public class SolanaRpcTransportException : AttentionTransportException
{
    /// <summary>Creates the exception.</summary>
    public SolanaRpcTransportException(string method, string message, HttpStatusCode? statusCode = null, Exception? innerException = null, bool requestWasNotSent = false)
        : base($"Solana RPC {method}: {message}", innerException, requestWasNotSent)
    {
        RpcMethod = method;
        StatusCode = statusCode;
    }

    /// <summary>The JSON-RPC method called.</summary>
    public string RpcMethod { get; }

    /// <summary>The HTTP status, when a response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }
}
