namespace Attention.Sdk.Testing.WireMock;

/// <summary>
/// The socket-level faults WireMock can answer a request with instead of a response. Note that HttpClient transparently retries
/// a request whose pooled connection closed before any response byte (e.g. <see cref="EmptyResponse"/>), so the journal can hold it several times.
/// </summary>
public enum WireMockFault
{
    /// <summary>Closes the connection with a TCP reset (<c>CONNECTION_RESET_BY_PEER</c>).</summary>
    ConnectionResetByPeer,

    /// <summary>Closes the connection without sending anything (<c>EMPTY_RESPONSE</c>).</summary>
    EmptyResponse,

    /// <summary>Sends garbage bytes, then closes the connection (<c>RANDOM_DATA_THEN_CLOSE</c>).</summary>
    RandomDataThenClose,

    /// <summary>Sends an OK status and headers, then a broken chunked body (<c>MALFORMED_RESPONSE_CHUNK</c>).</summary>
    MalformedResponseChunk,
}

/// <summary>Maps <see cref="WireMockFault"/> to WireMock's JSON names.</summary>
internal static class WireMockFaultNames
{
    public static string ToWireName(this WireMockFault fault) => fault switch
    {
        WireMockFault.ConnectionResetByPeer => "CONNECTION_RESET_BY_PEER",
        WireMockFault.EmptyResponse => "EMPTY_RESPONSE",
        WireMockFault.RandomDataThenClose => "RANDOM_DATA_THEN_CLOSE",
        WireMockFault.MalformedResponseChunk => "MALFORMED_RESPONSE_CHUNK",
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "Unknown WireMock fault."),
    };
}
