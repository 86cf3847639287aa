using System.Net;

namespace Attentium.Solana;

/// <summary>The RPC request did not get a usable answer: a connection failure, a timeout, or an HTTP error status without a JSON-RPC error body.</summary>
public class SolanaRpcTransportException : SolanaException
{
    /// <summary>Creates the exception.</summary>
    public SolanaRpcTransportException(string method, string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base($"Solana RPC {method}: {message}", innerException)
    {
        RpcMethod = method;
        StatusCode = statusCode;
    }

    /// <summary>The JSON-RPC method called.</summary>
    public string RpcMethod { get; }

    /// <summary>The HTTP status, when a response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }
}
