using System.Net.Sockets;

namespace Attention.Sdk.Http;

/// <summary>
/// Which exceptions are network failures. A handler or transport may throw <see cref="HttpRequestException"/> or
/// <see cref="IOException"/> as <see cref="SocketsHttpHandler"/> does, but also a bare <see cref="SocketException"/> or one
/// wrapped in anything else: every such failure is the SDK's transport failure, classified for retry the same way.
/// </summary>
internal static class TransportFailures
{
    // Deep enough for any real wrapping (handlers wrap two or three times), bounded against a hostile cycle.
    private const int MaxDepth = 16;

    /// <summary>
    /// Whether <paramref name="exception"/> is (or wraps, at any depth) a network failure. A cancellation is not, whatever it wraps
    /// (a cancelled read carries the aborted socket's error): the caller's token and the timeouts decide what it means.
    /// </summary>
    public static bool IsTransportFailure(Exception exception) =>
        exception is not OperationCanceledException
        && (exception is HttpRequestException or IOException or SocketException || FindSocketException(exception) is not null);

    /// <summary>The innermost <see cref="SocketException"/> in the chain of inner exceptions, if any.</summary>
    public static SocketException? FindSocketException(Exception exception)
    {
        SocketException? found = null;
        var current = exception;
        for (var depth = 0; current is not null && depth < MaxDepth; depth++)
        {
            if (current is SocketException socket)
            {
                found = socket;
            }

            current = current is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : current.InnerException;
        }

        return found;
    }

    /// <summary>
    /// Whether the failure proves the request never reached the server: the connection was refused or the host not found,
    /// reported by <see cref="SocketsHttpHandler"/> as a connect-phase error or by a custom handler as the socket's own error.
    /// </summary>
    public static bool ProvesNothingWasSent(Exception exception)
    {
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError })
        {
            return true;
        }

        var socketError = FindSocketException(exception)?.SocketErrorCode;
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError })
        {
            return socketError is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable or SocketError.HostUnreachable;
        }

        // Without the handler's phase, only errors a socket reports while connecting (never after sending) prove it.
        return exception is not HttpRequestException && socketError is SocketError.ConnectionRefused or SocketError.HostNotFound;
    }
}
