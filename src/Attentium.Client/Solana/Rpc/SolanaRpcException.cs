namespace Attentium.Solana;

/// <summary>
/// The RPC node answered with a JSON-RPC error: <see cref="Code"/> (-32002 simulation failed, -32003 signature verification
/// failure, -32602 invalid params, ...), its message and, for a failed preflight, the transaction error and program logs.
/// </summary>
public class SolanaRpcException : SolanaException
{
    /// <summary>Creates the exception.</summary>
    public SolanaRpcException(string method, long code, string rpcMessage, TransactionError? transactionError = null, IReadOnlyList<string>? logs = null, string? rawData = null)
        : base($"Solana RPC {method} failed with {code}: {rpcMessage}")
    {
        RpcMethod = method;
        Code = code;
        RpcMessage = rpcMessage;
        TransactionError = transactionError;
        Logs = logs ?? [];
        RawData = rawData;
    }

    /// <summary>JSON-RPC code for a failed preflight simulation.</summary>
    public const long SimulationFailed = -32002;

    /// <summary>JSON-RPC code for a signature verification failure.</summary>
    public const long SignatureVerificationFailed = -32003;

    /// <summary>JSON-RPC code for invalid parameters.</summary>
    public const long InvalidParams = -32602;

    /// <summary>JSON-RPC code for an unknown method.</summary>
    public const long MethodNotFound = -32601;

    /// <summary>The JSON-RPC method called.</summary>
    public string RpcMethod { get; }

    /// <summary>The JSON-RPC error code.</summary>
    public long Code { get; }

    /// <summary>The node's message.</summary>
    public string RpcMessage { get; }

    /// <summary>The transaction error from <c>data.err</c>, when the node sent one.</summary>
    public TransactionError? TransactionError { get; }

    /// <summary>Program logs from <c>data.logs</c> (empty when none).</summary>
    public IReadOnlyList<string> Logs { get; }

    /// <summary>The raw JSON of <c>data</c>, when present.</summary>
    public string? RawData { get; }
}
