namespace Attentium.Solana;

/// <summary>The RPC node answered 2xx with a body that is not the JSON-RPC response expected; <see cref="RawBody"/> has (the start of) it.</summary>
public class SolanaRpcResponseException : SolanaException
{
    /// <summary>The most characters of the body kept.</summary>
    public const int MaxRawBodyLength = 2000;

    /// <summary>Creates the exception.</summary>
    public SolanaRpcResponseException(string method, string message, string? rawBody, Exception? innerException = null)
        : base($"Solana RPC {method}: {message}", innerException)
    {
        RpcMethod = method;
        RawBody = rawBody is { Length: > MaxRawBodyLength } ? rawBody[..MaxRawBodyLength] : rawBody;
    }

    /// <summary>The JSON-RPC method called.</summary>
    public string RpcMethod { get; }

    /// <summary>The response body, truncated to <see cref="MaxRawBodyLength"/> characters.</summary>
    public string? RawBody { get; }
}
