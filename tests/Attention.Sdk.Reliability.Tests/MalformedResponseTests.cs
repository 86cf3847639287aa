using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Attention.Sdk.Reliability.Tests.Support;
using Attention.Sdk.Testing.WireMock;

namespace Attention.Sdk.Reliability.Tests;

/// <summary>
/// Every public async method of every client fed seeded hostile answers: the caller gets a result or a typed SDK exception,
/// never a <c>JsonException</c>, <c>NullReferenceException</c>, <c>InvalidCastException</c>, <c>FormatException</c>,
/// <c>ArgumentException</c>, <c>KeyNotFoundException</c>, <c>IndexOutOfRangeException</c> or anything else. Most bodies go
/// through an in-process transport (the whole pipeline still runs); a few hundred go over a socket through WireMock.
/// </summary>
public sealed class MalformedResponseTests(WireMockServer wiremock, ITestOutputHelper output)
{
    private const int Seed = 8_0002;
    private const int InProcessBodies = 10_000;
    private const int SocketBodies = 300;

    private static ClientSetup Setup(HttpMessageHandler? transport = null, Uri? root = null) => new()
    {
        Root = root ?? new Uri("http://malformed.test/"),
        Transport = transport,
        MaxRetries = 1,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryAfter = TimeSpan.FromMilliseconds(10),
        AttemptTimeout = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public async Task Ten_thousand_generated_bodies_in_process_give_results_or_typed_exceptions()
    {
        var methods = ClientSurfaces.AllMethods.ToList();
        var perMethod = (InProcessBodies + methods.Count - 1) / methods.Count;
        var outcomes = new ConcurrentDictionary<string, int>();
        var kinds = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(
            methods.Select((method, index) => (method, index)),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken },
            async (item, ct) =>
            {
                var (method, index) = item;
                var generator = new MalformedBodies(new Random(Seed + index));
                MalformedResponse current = null!;
                var transport = new ScriptedTransport((_, _) => current.ToHttpResponse());
                var client = method.Surface.Create(Setup(transport));
                for (var i = 0; i < perMethod; i++)
                {
                    current = generator.Next(ResultType(method));
                    kinds.AddOrUpdate(current.Kind.Split(':')[0], 1, (_, n) => n + 1);
                    var outcome = await CallAsync(method, client, current, ct);
                    outcomes.AddOrUpdate(outcome.Outcome, 1, (_, n) => n + 1);
                    if (outcome.Failure is not null)
                    {
                        failures.Enqueue(outcome.Failure);
                    }
                }
            });

        clock.Stop();
        output.WriteLine($"In-process malformed bodies: seed {Seed}, {methods.Count} methods x {perMethod} = {methods.Count * perMethod} calls in {clock.Elapsed.TotalSeconds:0.0} s");
        Report(outcomes, kinds, failures);
        Assert.True(methods.Count * perMethod >= InProcessBodies);
        Assert.True(failures.IsEmpty, $"{failures.Count} call(s) let an untyped exception escape; first: {string.Join(Environment.NewLine, failures.Take(15))}");
    }

    [Fact]
    public async Task Generated_bodies_over_a_socket_through_wiremock_give_results_or_typed_exceptions()
    {
        var ct = TestContext.Current.CancellationToken;
        var methods = ClientSurfaces.AllMethods.ToList();
        var generator = new MalformedBodies(new Random(Seed + 1_000));
        var cases = Enumerable.Range(0, SocketBodies).Select(i => (Index: i, Method: methods[i % methods.Count], Response: generator.Next(ResultType(methods[i % methods.Count])))).ToList();
        await using var scope = wiremock.NewScope();
        await using var bulk = new WireMockBulk(scope);
        await bulk.ImportAsync(cases.Select(c => ToMapping(scope, c.Index, c.Response)), ct);
        var outcomes = new ConcurrentDictionary<string, int>();
        var kinds = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (c, token) =>
        {
            kinds.AddOrUpdate(c.Response.Kind.Split(':')[0], 1, (_, n) => n + 1);
            var client = c.Method.Surface.Create(Setup(root: scope.Url($"b{c.Index}/")));
            var outcome = await CallAsync(c.Method, client, c.Response, token);
            outcomes.AddOrUpdate(outcome.Outcome, 1, (_, n) => n + 1);
            if (outcome.Failure is not null)
            {
                failures.Enqueue(outcome.Failure);
            }
        });

        clock.Stop();
        var journal = await scope.GetRequestsAsync(ct);
        output.WriteLine($"Socket malformed bodies: seed {Seed + 1_000}, {SocketBodies} calls over {methods.Count} methods in {clock.Elapsed.TotalSeconds:0.0} s, {journal.Count} HTTP requests");
        Report(outcomes, kinds, failures);
        Assert.True(failures.IsEmpty, $"{failures.Count} call(s) let an untyped exception escape; first: {string.Join(Environment.NewLine, failures.Take(15))}");
        Assert.True(journal.Count >= SocketBodies, "every case reached the server");
    }

    private static async Task<(string Outcome, string? Failure)> CallAsync(ApiMethod method, object client, MalformedResponse response, CancellationToken ct)
    {
        try
        {
            await method.InvokeAsync(client, ct);
            return ("result", null);
        }
        catch (AttentionException ex)
        {
            return (ex.GetType().Name, null);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return ("UNTYPED " + ex.GetType().Name, $"{method.DisplayName} <- [{response}]: {ex.GetType().FullName}: {ex.Message}{Environment.NewLine}{ex.StackTrace}");
        }
    }

    private static Type? ResultType(ApiMethod method) =>
        method.Method.ReturnType.IsGenericType ? method.Method.ReturnType.GetGenericArguments()[0] : null;

    private static JsonObject ToMapping(WireMockScope scope, int index, MalformedResponse response)
    {
        var mapping = scope.ToMappingJson(Stub.PathMatching("ANY", $"b{index}/.*").Responds(response.Status));
        var headers = new JsonObject();
        if (response.ContentType is not null)
        {
            headers["Content-Type"] = response.ContentType;
        }

        foreach (var (name, value) in response.Headers)
        {
            headers[name] = value;
        }

        mapping["response"] = new JsonObject
        {
            ["status"] = response.Status,
            ["base64Body"] = Convert.ToBase64String(response.Body),
            ["headers"] = headers,
        };
        return mapping;
    }

    private void Report(ConcurrentDictionary<string, int> outcomes, ConcurrentDictionary<string, int> kinds, ConcurrentQueue<string> failures)
    {
        output.WriteLine("Outcomes:");
        foreach (var (outcome, count) in outcomes.OrderByDescending(o => o.Value))
        {
            output.WriteLine($"  {outcome}: {count}");
        }

        output.WriteLine("Body kinds: " + string.Join(", ", kinds.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}")));
        foreach (var failure in failures.Take(20))
        {
            output.WriteLine("FAIL " + failure);
        }
    }
}
