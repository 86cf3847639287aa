using System.Collections.Concurrent;
using System.Net.Sockets;
using Attention.Sdk.Reliability.Tests.Support;

namespace Attention.Sdk.Reliability.Tests;

/// <summary>
/// The transport fault matrix: every public async method of every client (the Solana RPC included, through the Attentium payment
/// flows) meets every shape a socket failure takes, as SocketsHttpHandler throws it or as a custom handler might (bare, wrapped in
/// IOException or HttpRequestException, buried under another exception). The caller always gets a typed SDK exception whose chain
/// holds the SDK's transport exception, never a bare SocketException; a refused connection, which proves nothing was sent, is retried.
/// </summary>
public sealed class TransportFaultMatrixTests(ITestOutputHelper output)
{
    private static readonly string[] s_faults =
    [
        "HttpRequestException(SocketException reset)",
        "IOException(SocketException reset)",
        "bare SocketException reset",
        "bare SocketException refused",
        "InvalidOperationException(IOException(SocketException reset))",
    ];

    private static Exception Fault(string fault) => fault switch
    {
        "HttpRequestException(SocketException reset)" => new HttpRequestException("An error occurred while sending the request.", new SocketException((int)SocketError.ConnectionReset)),
        "IOException(SocketException reset)" => new IOException("Unable to read data from the transport connection.", new SocketException((int)SocketError.ConnectionReset)),
        "bare SocketException reset" => new SocketException((int)SocketError.ConnectionReset),
        "bare SocketException refused" => new SocketException((int)SocketError.ConnectionRefused),
        _ => new InvalidOperationException("custom handler failed", new IOException("transport", new SocketException((int)SocketError.ConnectionReset))),
    };

    [Fact]
    public async Task Every_method_meeting_every_socket_fault_shape_ends_in_the_sdk_transport_exception()
    {
        var outcomes = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        var refusedCalls = 0;
        var refusedNotRetried = new ConcurrentQueue<string>();

        await Parallel.ForEachAsync(
            ClientSurfaces.AllMethods,
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken },
            async (method, ct) =>
            {
                foreach (var fault in s_faults)
                {
                    var transport = new ScriptedTransport((_, _) => throw Fault(fault));
                    var client = method.Surface.Create(new ClientSetup { Transport = transport, MaxRetries = 1 });
                    try
                    {
                        await method.InvokeAsync(client, ct);
                        outcomes.AddOrUpdate("result", 1, (_, n) => n + 1);
                    }
                    catch (AttentionException ex)
                    {
                        outcomes.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
                        // A wait helper's short budget may end while its first poll is still retrying: that cut is the budget, not a leak.
                        var cutByBudget = ex is Polling.PollingTimeoutException { InnerException: OperationCanceledException };
                        if (transport.Attempts > 0 && FindTransportFailure(ex) is null && !cutByBudget)
                        {
                            failures.Enqueue($"{method.DisplayName} <- {fault}: {ex.GetType().Name} without a transport exception in its chain: {ex.Message}");
                        }
                    }
                    catch (OperationCanceledException) when (ct.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception ex)
                    {
                        outcomes.AddOrUpdate("UNTYPED " + ex.GetType().Name, 1, (_, n) => n + 1);
                        failures.Enqueue($"{method.DisplayName} <- {fault}: {ex.GetType().FullName}: {ex.Message}");
                    }

                    // In process the RPC client is given the caller's plain HttpClient (no SDK pipeline, so no retries of its own).
                    var throughPipeline = !transport.Seen.Any(s => s.EndsWith(" /rpc/", StringComparison.Ordinal));
                    if (fault == "bare SocketException refused" && transport.Attempts > 0 && throughPipeline)
                    {
                        Interlocked.Increment(ref refusedCalls);
                        if (transport.Attempts < 2)
                        {
                            refusedNotRetried.Enqueue($"{method.DisplayName}: {string.Join(", ", transport.Seen)}");
                        }
                    }
                }
            });

        foreach (var (outcome, count) in outcomes.OrderByDescending(o => o.Value))
        {
            output.WriteLine($"{count,6}  {outcome}");
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} call(s) failed the matrix; first: {string.Join(Environment.NewLine, failures.Take(15))}");
        Assert.True(refusedCalls > 0);
        Assert.True(refusedNotRetried.IsEmpty, $"a refused connection (nothing sent) was not retried: {string.Join(Environment.NewLine, refusedNotRetried.Take(15))}");
    }

    private static AttentionTransportException? FindTransportFailure(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is AttentionTransportException transport)
            {
                return transport;
            }
        }

        return null;
    }
}
