using System.Collections.Concurrent;
using System.Diagnostics;
using Attention.Sdk.Reliability.Tests.Support;
using Attention.Sdk.Testing.WireMock;
using AttentionFactory;
using AttentionFactory.Platforms;
using AttentionFactory.Rentals;

namespace Attention.Sdk.Reliability.Tests;

/// <summary>
/// 1,000 <c>Rentals.CreateAsync</c> calls against the real WireMock server, each meeting its own seeded script of socket faults,
/// 503s, 429s and slow answers (a WireMock scenario per logical call under its own path), proving from the request journal that
/// every attempt of a call carries one Idempotency-Key, no two calls share a key, and every call ends in a rental or a typed SDK exception.
/// </summary>
public sealed class FaultInjectionTests(WireMockServer wiremock, ITestOutputHelper output)
{
    private const int Seed = 8_0001;
    private const int Calls = 1_000;
    private const int WaveSize = 250;
    private const int Concurrency = 16;
    private const int MaxSlowSteps = 60;

    /// <summary>Up to 3 faults before success; 5 retries leave room for a spurious attempt timeout on a very busy machine.</summary>
    private const int MaxRetries = 5;

    /// <summary>
    /// Far above what a local stub answer takes on a saturated machine, so only a scripted slow step times out; a slow step
    /// costs one of these, which is why slow steps are capped (<see cref="MaxSlowSteps"/>).
    /// </summary>
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// A slow step holds its answer far beyond the attempt timeout (and the whole call's budget), so the attempt times out
    /// however late its timer fires: a persistent slow script can never turn into a success by scheduling luck.
    /// </summary>
    private static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(150);

    private const string RentalJson = """
        {"id":"4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3","anonymized_id":null,"platform":"instagram","rental_start":null,"rental_end":null,
         "monthly_rate":"99.00","credits_charged":"99.00","auto_renew":true,"status":"warming","expires_pending_at":"2026-05-02T12:00:00Z",
         "branding_preset":null,"created_at":"2026-04-18T12:00:00Z","profile":null}
        """;

    private enum Step
    {
        Success,
        ConnectionReset,
        EmptyResponse,
        RandomDataThenClose,
        Status503,
        Status429RetryAfter0,
        Status429RetryAfter1,
        SlowPastAttemptTimeout,
    }

    private sealed record Script(int Call, IReadOnlyList<Step> Steps, bool Persistent)
    {
        public string Path => $"c{Call:D4}/v1/";
    }

    private sealed record Outcome(Script Script, string Kind, AttentionException? Error);

    [Fact]
    public async Task Thousand_creates_through_seeded_faults_keep_one_key_per_call_and_end_typed()
    {
        var ct = TestContext.Current.CancellationToken;
        var scripts = GenerateScripts(new Random(Seed));
        var outcomes = new ConcurrentBag<Outcome>();
        var escaped = new ConcurrentBag<string>();
        var journal = new List<(Script Script, Testing.WireMock.RecordedRequest Request)>();
        var clock = Stopwatch.StartNew();

        foreach (var wave in scripts.Chunk(WaveSize))
        {
            await using var scope = wiremock.NewScope();
            await using var bulk = new WireMockBulk(scope);
            await bulk.ImportAsync(wave.SelectMany(StubsFor), ct);

            await Parallel.ForEachAsync(wave, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct }, async (script, token) =>
            {
                var client = new AttentionFactoryClient(new AttentionFactoryClientOptions
                {
                    ApiKey = "af_test_sk_" + Guid.NewGuid().ToString("N"),
                    BaseAddress = scope.Url(script.Path),
                    AttemptTimeout = AttemptTimeout,
                    // (MaxRetries + 1) attempt timeouts plus backoff fit well inside it: only the attempt timeout is under test.
                    Timeout = TimeSpan.FromMinutes(2),
                    MaxRetries = MaxRetries,
                    RetryBaseDelay = TimeSpan.FromMilliseconds(5),
                    MaxRetryDelay = TimeSpan.FromMilliseconds(40),
                });
                try
                {
                    var rental = await client.Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram, Months = 1 }, cancellationToken: token);
                    outcomes.Add(new Outcome(script, rental.Status == RentalStatus.Warming ? "success" : "success (unexpected body)", null));
                }
                catch (AttentionException ex)
                {
                    outcomes.Add(new Outcome(script, ex.GetType().Name, ex));
                }
                catch (Exception ex) when (!token.IsCancellationRequested)
                {
                    escaped.Add($"call {script.Call} [{string.Join(",", script.Steps)}]: {ex.GetType().FullName}: {ex.Message}");
                }
            });

            var requests = await scope.GetRequestsAsync(ct);
            var byPath = wave.ToDictionary(s => "/" + s.Path + "rentals");
            foreach (var request in requests)
            {
                Assert.True(byPath.TryGetValue(request.Path, out var owner), $"unexpected request {request}");
                journal.Add((owner, request));
            }
        }

        clock.Stop();
        Report(scripts, outcomes, journal, clock.Elapsed);

        Assert.Empty(escaped);
        Assert.Equal(Calls, outcomes.Count);

        // One key per logical call, on every attempt; no key shared by two calls.
        var keysByCall = journal.GroupBy(j => j.Script.Call).ToDictionary(g => g.Key, g => g.Select(j => j.Request.Header("Idempotency-Key")).ToList());
        Assert.Equal(Calls, keysByCall.Count);
        foreach (var (call, keys) in keysByCall)
        {
            Assert.All(keys, k => Assert.False(string.IsNullOrEmpty(k), $"call {call} sent an attempt without Idempotency-Key"));
            Assert.True(keys.Distinct().Count() == 1, $"call {call} used several keys: {string.Join(", ", keys.Distinct())}");
        }

        var allKeys = keysByCall.Values.Select(k => k[0]).ToList();
        Assert.Equal(allKeys.Count, allKeys.Distinct().Count());

        foreach (var outcome in outcomes)
        {
            if (outcome.Script.Persistent)
            {
                Assert.True(outcome.Error is not null, $"call {outcome.Script.Call} met only faults yet succeeded");
                Assert.Equal(keysByCall[outcome.Script.Call][0], outcome.Error!.IdempotencyKey);
                Assert.InRange(outcome.Error.Attempts, 1, MaxRetries + 1);
            }
            else
            {
                Assert.True(outcome.Kind == "success", $"call {outcome.Script.Call} [{string.Join(",", outcome.Script.Steps)}] should have recovered but ended in {outcome.Error}");
            }
        }
    }

    private static List<Script> GenerateScripts(Random random)
    {
        var scripts = new List<Script>(Calls);
        var slow = 0;
        for (var call = 0; call < Calls; call++)
        {
            var roll = random.NextDouble();
            var persistent = roll >= 0.85;
            var faults = roll < 0.08 ? 0 : persistent ? 1 : random.Next(1, 4);
            var steps = new List<Step>();
            for (var i = 0; i < faults; i++)
            {
                var fault = NextFault(random);
                // A persistent fault repeats on every attempt: a slow one costs MaxRetries + 1 attempt timeouts, and a
                // one-second Retry-After as many seconds, so those stay rare to keep the run short.
                var cost = persistent ? MaxRetries + 1 : 1;
                if (fault == Step.SlowPastAttemptTimeout && slow + cost > MaxSlowSteps)
                {
                    fault = Step.ConnectionReset;
                }

                if (fault == Step.Status429RetryAfter1 && persistent)
                {
                    fault = Step.Status429RetryAfter0;
                }

                slow += fault == Step.SlowPastAttemptTimeout ? cost : 0;
                steps.Add(fault);
            }

            if (!persistent)
            {
                steps.Add(Step.Success);
            }

            scripts.Add(new Script(call, steps, persistent));
        }

        return scripts;
    }

    private static Step NextFault(Random random) => random.Next(100) switch
    {
        < 20 => Step.ConnectionReset,
        < 36 => Step.EmptyResponse,
        < 52 => Step.RandomDataThenClose,
        < 74 => Step.Status503,
        < 90 => Step.Status429RetryAfter0,
        < 94 => Step.Status429RetryAfter1,
        _ => Step.SlowPastAttemptTimeout,
    };

    /// <summary>One stub per step, chained through the call's own scenario; the last step repeats for every later attempt.</summary>
    private static IEnumerable<StubDefinition> StubsFor(Script script)
    {
        var scenario = $"call-{script.Call}";
        for (var i = 0; i < script.Steps.Count; i++)
        {
            var last = i == script.Steps.Count - 1;
            var request = Stub.Post(script.Path + "rentals")
                .InScenario(scenario, i == 0 ? WireMockScenario.Started : $"s{i}", last ? null : $"s{i + 1}");
            yield return script.Steps[i] switch
            {
                Step.Success => request.RespondsJson(202, RentalJson),
                Step.ConnectionReset => request.RespondsWithFault(WireMockFault.ConnectionResetByPeer),
                Step.EmptyResponse => request.RespondsWithFault(WireMockFault.EmptyResponse),
                Step.RandomDataThenClose => request.RespondsWithFault(WireMockFault.RandomDataThenClose),
                Step.Status503 => request.RespondsJson(503, """{"detail":"Service temporarily unavailable"}"""),
                Step.Status429RetryAfter0 => request.RespondsJson(429, """{"detail":"Rate limit exceeded"}""").WithHeader("Retry-After", "0"),
                Step.Status429RetryAfter1 => request.RespondsJson(429, """{"detail":"Rate limit exceeded"}""").WithHeader("Retry-After", "1"),
                Step.SlowPastAttemptTimeout => request.RespondsJson(202, RentalJson).WithFixedDelay(SlowDelay),
                _ => throw new ArgumentOutOfRangeException(nameof(script)),
            };
        }
    }

    private void Report(List<Script> scripts, ConcurrentBag<Outcome> outcomes, List<(Script Script, Testing.WireMock.RecordedRequest Request)> journal, TimeSpan elapsed)
    {
        output.WriteLine($"Fault injection: seed {Seed}, {Calls} logical Rentals.CreateAsync calls, concurrency {Concurrency}, attempt timeout {AttemptTimeout.TotalMilliseconds} ms, max retries {MaxRetries}");
        output.WriteLine($"Run time: {elapsed.TotalSeconds:0.0} s; HTTP requests in the journal: {journal.Count}");
        output.WriteLine($"Scripts: {scripts.Count(s => s.Steps.Count == 1 && !s.Persistent)} clean, {scripts.Count(s => !s.Persistent && s.Steps.Count > 1)} recovering (1-3 faults), {scripts.Count(s => s.Persistent)} persistent fault");
        foreach (var step in Enum.GetValues<Step>().Where(s => s != Step.Success))
        {
            output.WriteLine($"  scripted {step}: {scripts.Sum(s => s.Steps.Count(x => x == step))} step(s) in {scripts.Count(s => s.Steps.Contains(step))} call(s)");
        }

        output.WriteLine("Outcomes:");
        foreach (var group in outcomes.GroupBy(o => o.Kind).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"  {group.Key}: {group.Count()}");
        }

        var attempts = journal.GroupBy(j => j.Script.Call).Select(g => g.Count()).ToList();
        output.WriteLine($"Journal attempts per call: min {attempts.DefaultIfEmpty().Min()}, max {attempts.DefaultIfEmpty().Max()}, mean {attempts.DefaultIfEmpty().Average():0.00}");
    }
}
