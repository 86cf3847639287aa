using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Attention.Sdk.RateLimiting;
using AttentionFactory;

namespace Attention.Sdk.Benchmarks;

/// <summary>
/// <c>--outage-probe [seconds] [callers] [interval-ms]</c>: a loopback server that resets every connection as soon as it is
/// accepted (an outage), and <c>callers</c> (32) independent streams each starting one typed GET every <c>interval-ms</c> (1,000)
/// for <c>seconds</c> (30), whether or not earlier calls have ended (open loop: arrivals do not slow down because calls fail,
/// as with requests reaching a service from its own users). Runs twice, retry budget off (before) and on (after, defaults),
/// and prints the calls, the connection attempts the server accepted, and attempts per failed call for each.
/// </summary>
public static class OutageProbe
{
    private const string RentalId = "4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 30;
        var callers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
        var interval = TimeSpan.FromMilliseconds(args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 1000);
        Console.WriteLine(Invariant($"outage probe: {callers} callers, one call each per {interval.TotalMilliseconds:0} ms for {seconds:0.#} s, every connection reset"));
        foreach (var budget in new[] { false, true })
        {
            var result = await RunPhaseAsync(budget, TimeSpan.FromSeconds(seconds), callers, interval);
            Console.WriteLine(Invariant(
                $"retry budget {(budget ? "on " : "off")}: {result.Calls} calls, {result.Failed} failed, {result.Connections} connection attempts, {(double)result.Attempts / result.Failed:F2} attempts per failed call ({(double)result.Connections / result.Calls:F2} connections per call), {result.Exhausted} stopped by the budget, {result.Elapsed.TotalSeconds:F1} s"));
        }

        return 0;
    }

    private static async Task<Phase> RunPhaseAsync(bool budget, TimeSpan duration, int callers, TimeSpan interval)
    {
        using var server = new ResettingServer();
        using var transport = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var client = new AttentionFactoryClient(new AttentionFactoryClientOptions
        {
            BaseAddress = server.Address,
            ApiKey = BenchmarkClients.ApiKey,
            Transport = transport,
            EnableRetryBudget = budget,
            RetryBudgetProvider = new InProcessRetryBudgetProvider(),
        });
        long calls = 0, failed = 0, attempts = 0, exhausted = 0;
        var watch = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        var streams = Enumerable.Range(0, callers).Select(async stream =>
        {
            // Streams start spread over one interval, as independent users would.
            await Task.Delay(interval * stream / callers);
            var started = new List<Task>();
            for (var next = watch.Elapsed; next < duration; next += interval)
            {
                var wait = next - watch.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                Interlocked.Increment(ref calls);
                started.Add(CallAsync());
            }

            await Task.WhenAll(started);
        });

        async Task CallAsync()
        {
            try
            {
                await BenchmarkClients.SdkGetAsync(client, RentalId);
            }
            catch (AttentionException ex)
            {
                Interlocked.Increment(ref failed);
                Interlocked.Add(ref attempts, ex.Attempts);
                if (ex.RetryBudgetExhausted)
                {
                    Interlocked.Increment(ref exhausted);
                }
            }
        }

        await Task.WhenAll(streams);
        return new Phase(calls, failed, attempts, exhausted, server.Accepted, watch.Elapsed);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private readonly record struct Phase(long Calls, long Failed, long Attempts, long Exhausted, long Connections, TimeSpan Elapsed);

    /// <summary>Accepts every connection on 127.0.0.1 and resets it at once (linger 0), counting them.</summary>
    private sealed class ResettingServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private long _accepted;

        public ResettingServer()
        {
            _listener.Start(1024);
            Address = new Uri(Invariant($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1/"));
            _ = AcceptAsync();
        }

        public Uri Address { get; }

        public long Accepted => Interlocked.Read(ref _accepted);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptSocketAsync(_stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                Interlocked.Increment(ref _accepted);
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
        }
    }
}
