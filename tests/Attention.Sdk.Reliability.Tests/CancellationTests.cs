using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Attention.Sdk.Reliability.Tests.Support;
using Attention.Sdk.Testing.WireMock;

namespace Attention.Sdk.Reliability.Tests;

/// <summary>
/// Every public async method of every client (found by reflection, so a new one cannot escape) honours cancellation: an
/// already-cancelled token sends nothing, a token cancelled mid-request or during a Retry-After wait ends the call with
/// <see cref="OperationCanceledException"/> (never a timeout exception), and no attempt follows the cancellation.
/// </summary>
public sealed class CancellationTests(WireMockServer wiremock, ITestOutputHelper output)
{
    private static readonly TimeSpan CancelAfter = TimeSpan.FromMilliseconds(200);

    /// <summary>Each poll is bounded by the wait's budget: far beyond the cancellation moment, so the caller's cancellation is what ends it.</summary>
    private static readonly Attention.Sdk.Polling.PollingOptions Polling = SampleArguments.FastPolling with { Timeout = TimeSpan.FromMinutes(2) };

    // Over a socket the request must reach WireMock before the token fires, on a busy machine too.
    private static readonly TimeSpan CancelMidRequestAfter = TimeSpan.FromMilliseconds(750);
    private static readonly TimeSpan ServerDelay = TimeSpan.FromSeconds(5);

    // Far beyond CancelAfter: a payment flow waiting for confirmation must end by the caller's token, not its own timeout.
    private static readonly TimeSpan ConfirmationTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Already_cancelled_token_throws_operation_canceled_and_sends_nothing()
    {
        var failures = new List<string>();
        foreach (var method in ClientSurfaces.AllMethods)
        {
            var transport = new ScriptedTransport((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
            var outcome = await OutcomeAsync(method, new ClientSetup { Transport = transport, MaxRetries = 3, ConfirmationTimeout = ConfirmationTimeout, Polling = Polling }, new CancellationToken(canceled: true));
            if (outcome is not OperationCanceledException || transport.Attempts != 0)
            {
                failures.Add($"{method.DisplayName}: {Describe(outcome)}, {transport.Attempts} attempt(s) reached the transport");
            }
        }

        output.WriteLine($"{ClientSurfaces.AllMethods.Count()} methods checked with an already-cancelled token");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Token_cancelled_mid_request_over_wiremock_throws_operation_canceled_and_no_attempt_follows()
    {
        var ct = TestContext.Current.CancellationToken;
        var methods = ClientSurfaces.AllMethods.Select((method, index) => (method, index)).ToList();
        await using var scope = wiremock.NewScope();
        await using var bulk = new WireMockBulk(scope);
        // Every path of each method's own prefix answers, but only after a delay far beyond the cancellation.
        await bulk.ImportAsync(methods.Select(m => Stub.PathMatching("ANY", $"m{m.index}/.*").RespondsJson(200, "{}").WithFixedDelay(ServerDelay)), ct);
        var failures = new ConcurrentQueue<string>();
        var local = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(methods, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (m, token) =>
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(token);
            cts.CancelAfter(CancelMidRequestAfter);
            var started = Stopwatch.StartNew();
            var outcome = await OutcomeAsync(m.method, new ClientSetup { Root = scope.Url($"m{m.index}/"), MaxRetries = 3, AttemptTimeout = TimeSpan.FromSeconds(30), ConfirmationTimeout = ConfirmationTimeout, Polling = Polling }, cts.Token);
            if (outcome is null && !cts.IsCancellationRequested)
            {
                local.Add(m.method.DisplayName);
            }
            else if (outcome is not OperationCanceledException)
            {
                failures.Enqueue($"{m.method.DisplayName}: {Describe(outcome)}");
            }
            else if (started.Elapsed > CancelMidRequestAfter + TimeSpan.FromSeconds(2))
            {
                failures.Enqueue($"{m.method.DisplayName}: cancellation took {started.Elapsed.TotalMilliseconds:0} ms to surface");
            }
        });

        // Anything the SDK would still send after cancelling would arrive now.
        await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        var journal = await scope.GetRequestsAsync(ct);
        var reached = 0;
        var unreached = new List<string>();
        foreach (var (method, index) in methods)
        {
            var count = journal.Count(r => r.Path.StartsWith($"/m{index}/", StringComparison.Ordinal));
            if (count > 1)
            {
                failures.Enqueue($"{method.DisplayName}: the server saw {count} requests; nothing may follow the cancelled one");
            }
            else if (count == 1)
            {
                reached++;
            }
            else if (!local.Contains(method.DisplayName))
            {
                // Cancelled before its request reached the server (a slow connect): nothing leaked, but nothing was proven mid-request either.
                unreached.Add(method.DisplayName);
            }
        }

        // The check only means something if the cancellations really landed mid-request: nearly every sending method's did.
        var sending = methods.Count - local.Count;
        if (reached < sending * 0.9)
        {
            failures.Enqueue($"only {reached} of {sending} sending methods reached the server before the cancellation; not reached: {string.Join(", ", unreached)}");
        }

        output.WriteLine($"{methods.Count} methods cancelled mid-request over WireMock in {clock.Elapsed.TotalSeconds:0.0} s; {journal.Count} requests in the journal");
        output.WriteLine($"Local methods (completed before the cancellation without sending anything): {string.Join(", ", local)}");
        output.WriteLine($"Cancelled before their request reached the server: {unreached.Count} ({string.Join(", ", unreached)})");
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Token_cancelled_while_waiting_out_retry_after_throws_operation_canceled_without_a_second_attempt()
    {
        var failures = new ConcurrentQueue<string>();
        var notWaiting = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(ClientSurfaces.AllMethods, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (method, token) =>
        {
            var transport = new ScriptedTransport((_, _) =>
            {
                var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("""{"detail":"slow down"}""") };
                response.Headers.TryAddWithoutValidation("Retry-After", "30");
                return response;
            });
            using var cts = new CancellationTokenSource(CancelAfter);
            var outcome = await OutcomeAsync(method, new ClientSetup { Transport = transport, MaxRetries = 3, MaxRetryAfter = TimeSpan.FromSeconds(60), ConfirmationTimeout = ConfirmationTimeout, Polling = Polling }, cts.Token);
            var cancelled = cts.IsCancellationRequested;
            await Task.Delay(TimeSpan.FromMilliseconds(100), token);
            if (outcome is AttentionException && !cancelled && transport.Attempts == 1)
            {
                // A client that does not wait out 429s (the Solana JSON-RPC client) fails at once: nothing to cancel.
                notWaiting.Add(method.DisplayName);
            }
            else if (outcome is null && transport.Attempts == 0 && !cancelled)
            {
                notWaiting.Add(method.DisplayName + " (local)");
            }
            else if (outcome is not OperationCanceledException || transport.Attempts != 1)
            {
                failures.Enqueue($"{method.DisplayName}: {Describe(outcome)}, {transport.Attempts} attempt(s)");
            }
        });

        output.WriteLine($"Methods that fail at once on 429 instead of waiting: {notWaiting.Count} ({string.Join(", ", notWaiting.Order())})");
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Token_cancelled_while_the_transport_hangs_throws_operation_canceled_without_a_second_attempt()
    {
        var failures = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(ClientSurfaces.AllMethods, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (method, token) =>
        {
            var transport = ScriptedTransport.Hanging();
            using var cts = new CancellationTokenSource(CancelAfter);
            var outcome = await OutcomeAsync(method, new ClientSetup { Transport = transport, MaxRetries = 3, AttemptTimeout = TimeSpan.FromSeconds(30), ConfirmationTimeout = ConfirmationTimeout, Polling = Polling }, cts.Token);
            var local = outcome is null && transport.Attempts == 0 && !cts.IsCancellationRequested;
            await Task.Delay(TimeSpan.FromMilliseconds(100), token);
            if (!local && (outcome is not OperationCanceledException || transport.Attempts != 1))
            {
                failures.Enqueue($"{method.DisplayName}: {Describe(outcome)}, {transport.Attempts} attempt(s)");
            }
        });

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures));
    }

    private static async Task<Exception?> OutcomeAsync(ApiMethod method, ClientSetup setup, CancellationToken cancellationToken)
    {
        try
        {
            await method.InvokeAsync(setup, cancellationToken);
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static string Describe(Exception? outcome) =>
        outcome is null ? "completed without throwing" : $"{outcome.GetType().Name}: {outcome.Message}";
}
