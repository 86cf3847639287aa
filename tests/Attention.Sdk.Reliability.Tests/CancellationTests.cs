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
    /// <summary>Each poll is bounded by the wait's budget: far beyond the cancellation moment, so the caller's cancellation is what ends it.</summary>
    private static readonly Attention.Sdk.Polling.PollingOptions Polling = SampleArguments.FastPolling with { Timeout = TimeSpan.FromMinutes(2) };

    // The server holds every answer past the attempt timeout: a call that ignored its token could only end in a timeout
    // exception (a failure here), never in a late success, however slow the machine.
    private static readonly TimeSpan ServerDelay = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    // Bounds a hang only: the cancellations below are triggered by events (a request journaled, an attempt seen, a wait started).
    private static readonly TimeSpan EventDeadline = TimeSpan.FromSeconds(60);

    // The Retry-After the server asks for, and the overall timeout far beyond it, so the only timer of that length is the wait.
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    // Far beyond any cancellation moment: a payment flow waiting for confirmation must end by the caller's token, not its own timeout.
    private static readonly TimeSpan ConfirmationTimeout = TimeSpan.FromMinutes(2);

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
            var call = OutcomeAsync(m.method, new ClientSetup { Root = scope.Url($"m{m.index}/"), MaxRetries = 3, AttemptTimeout = AttemptTimeout, Timeout = TimeSpan.FromMinutes(2), ConfirmationTimeout = ConfirmationTimeout, Polling = Polling }, cts.Token);

            // Cancel once the server has the request (the journal records it on arrival, before the held answer): mid-request by construction.
            var reachedServer = scope.WaitForRequestsAsync(Stub.PathMatching("ANY", $"m{m.index}/.*"), 1, EventDeadline, token);
            if (await Task.WhenAny(call, reachedServer) == reachedServer && await reachedServer)
            {
                await cts.CancelAsync();
            }

            var outcome = await call;
            if (outcome is null && !cts.IsCancellationRequested)
            {
                local.Add(m.method.DisplayName);
            }
            else if (outcome is not OperationCanceledException)
            {
                failures.Enqueue($"{m.method.DisplayName}: {Describe(outcome)}");
            }
        });

        // Anything the SDK would still send after cancelling would arrive now (a late attempt is a failure whenever it lands;
        // this pause only gives a buggy retry the chance to be seen in this run).
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
                // Neither local nor journaled: it never sent within the deadline, so nothing was proven mid-request.
                unreached.Add(method.DisplayName);
            }
        }

        // Every sending method was cancelled only after its request reached the server, so each one must show up exactly once.
        var sending = methods.Count - local.Count;
        if (reached != sending)
        {
            failures.Enqueue($"only {reached} of {sending} sending methods reached the server; not reached: {string.Join(", ", unreached)}");
        }

        output.WriteLine($"{methods.Count} methods cancelled mid-request over WireMock in {clock.Elapsed.TotalSeconds:0.0} s; {journal.Count} requests in the journal");
        output.WriteLine($"Local methods (completed before the cancellation without sending anything): {string.Join(", ", local)}");
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
                response.Headers.TryAddWithoutValidation("Retry-After", ((int)RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
                return response;
            });

            // The clock is the real one; it only tells the test when the SDK starts waiting out the Retry-After (the one timer of
            // about that length: the other budgets are minutes), and the token is cancelled then, inside the wait.
            var clock = new Attention.Sdk.Testing.Time.TimerWatchingTimeProvider();
            var waiting = clock.WhenTimerStarted(due => due > RetryAfter - TimeSpan.FromSeconds(5) && due <= RetryAfter);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(token);
            var call = OutcomeAsync(method, new ClientSetup { Transport = transport, TimeProvider = clock, MaxRetries = 3, MaxRetryAfter = TimeSpan.FromSeconds(60), Timeout = TimeSpan.FromMinutes(3), AttemptTimeout = TimeSpan.FromMinutes(2), ConfirmationTimeout = ConfirmationTimeout, Polling = Polling with { Timeout = TimeSpan.FromMinutes(4) } }, cts.Token);
            if (await Task.WhenAny(call, waiting, Task.Delay(EventDeadline, token)) == waiting)
            {
                await cts.CancelAsync();
            }

            var outcome = await call;
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
            else if (!cancelled)
            {
                failures.Enqueue($"{method.DisplayName}: never started waiting out the Retry-After within {EventDeadline.TotalSeconds:0} s; {Describe(outcome)}, {transport.Attempts} attempt(s)");
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
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(token);
            var call = OutcomeAsync(method, new ClientSetup { Transport = transport, MaxRetries = 3, AttemptTimeout = AttemptTimeout, Timeout = TimeSpan.FromMinutes(2), ConfirmationTimeout = ConfirmationTimeout, Polling = Polling }, cts.Token);

            // Cancel once the request is in the transport (which never answers), not after a guessed delay.
            if (await Task.WhenAny(call, transport.FirstAttempt, Task.Delay(EventDeadline, token)) == transport.FirstAttempt)
            {
                await cts.CancelAsync();
            }

            var outcome = await call;
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
