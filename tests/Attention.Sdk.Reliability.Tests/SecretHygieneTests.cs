using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Attention.Sdk.Reliability.Tests.Support;
using Attention.Sdk.Testing.Logging;
using Attention.Sdk.Testing.WireMock;
using Attention.Sdk.Webhooks;
using Attentium;
using Attentium.Solana;
using AttentionFactory;
using AttentionFactory.Webhooks;

namespace Attention.Sdk.Reliability.Tests;

/// <summary>
/// With a capturing logger at Trace level, every public async method of every client is driven through success, every error
/// status and transport faults (in process, and a sample over a socket through WireMock), plus webhook parsing failures and the
/// ToString() of options, key pairs and models: no API key, webhook secret, Attentium read key or private key appears in any log
/// line, exception message or ToString().
/// </summary>
public sealed class SecretHygieneTests(WireMockServer wiremock, ITestOutputHelper output)
{
    private const string WebhookSecret = "whsec_SECRETwebhookVALUE_8d41f2";

    private static readonly int[] s_statuses = [200, 400, 401, 402, 403, 404, 409, 422, 429, 500, 502, 503];

    private static readonly Dictionary<ClientSurface, string?> s_keys = ClientSurfaces.All.ToDictionary(s => s, s => s.NewApiKey());

    /// <summary>Everything that must never be printed, with a name for the failure message.</summary>
    private static IEnumerable<(string Name, string Value)> Secrets()
    {
        foreach (var (surface, key) in s_keys)
        {
            if (key is not null)
            {
                yield return ($"{surface.Name} API key", key);
                yield return ($"{surface.Name} API key body", key[(key.IndexOf('_', key.IndexOf('_') + 1) + 1)..]);
            }
        }

        yield return ("webhook secret", WebhookSecret);
        yield return ("Attentium read key", SampleArguments.ReadKey);
        var secretKey = SampleArguments.Signer.ExportSecretKey();
        yield return ("private key (base58)", Base58.Encode(secretKey));
        yield return ("private key (base64)", Convert.ToBase64String(secretKey));
        yield return ("seed (base64)", Convert.ToBase64String(SampleArguments.SignerSeed));
        yield return ("seed (hex)", Convert.ToHexString(SampleArguments.SignerSeed));
        yield return ("seed (hex, lower)", Convert.ToHexStringLower(SampleArguments.SignerSeed));
        yield return ("private key (json)", SampleArguments.Signer.ExportJson());
        yield return ("private key (json, spaced)", "[" + string.Join(", ", secretKey.Take(8)) );
    }

    [Fact]
    public async Task No_secret_in_logs_exceptions_or_results_for_every_method_status_and_transport_fault()
    {
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = logs.CreateLoggerFactory();
        var texts = new ConcurrentQueue<string>();
        var calls = 0;
        var scenarios = s_statuses.Select(s => $"status {s}").Concat(["reset", "io", "attempt timeout"]).ToList();

        await Parallel.ForEachAsync(ClientSurfaces.AllMethods, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (method, ct) =>
        {
            foreach (var scenario in scenarios)
            {
                var transport = new ScriptedTransport((request, _, token) => Respond(scenario, token));
                var setup = new ClientSetup
                {
                    Transport = transport,
                    LoggerFactory = loggerFactory,
                    ApiKey = s_keys[method.Surface],
                    MaxRetries = 1,
                    MaxRetryAfter = TimeSpan.FromSeconds(1),
                    AttemptTimeout = scenario == "attempt timeout" ? TimeSpan.FromMilliseconds(30) : TimeSpan.FromSeconds(10),
                };
                texts.Enqueue(await RunAsync(method, method.Surface.Create(setup), ct));
                Interlocked.Increment(ref calls);
            }
        });

        AssertClean(logs, texts, $"{calls} in-process calls");
        output.WriteLine($"{calls} in-process calls ({ClientSurfaces.AllMethods.Count()} methods x {scenarios.Count} scenarios), {logs.Entries.Count} log entries at Trace, {Secrets().Count()} secret forms checked");
    }

    [Fact]
    public async Task No_secret_in_logs_or_exceptions_over_a_socket()
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = logs.CreateLoggerFactory();
        await using var scope = wiremock.NewScope();
        await scope.StubAsync(Stub.PathMatching("ANY", "ok/.*").RespondsJson(200, "{}"), ct);
        await scope.StubAsync(Stub.PathMatching("ANY", "fail/.*").RespondsJson(500, """{"detail":"boom"}"""), ct);
        await scope.StubAsync(Stub.PathMatching("ANY", "reset/.*").RespondsWithFault(WireMockFault.ConnectionResetByPeer), ct);
        var texts = new ConcurrentQueue<string>();
        var methods = ClientSurfaces.AllMethods.Where(m => !m.DisplayName.Contains("Wait", StringComparison.Ordinal)).ToList();
        await Parallel.ForEachAsync(methods, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (method, token) =>
        {
            foreach (var root in new[] { "ok/", "fail/", "reset/" })
            {
                var setup = new ClientSetup { Root = scope.Url(root), LoggerFactory = loggerFactory, ApiKey = s_keys[method.Surface], MaxRetries = 1 };
                texts.Enqueue(await RunAsync(method, method.Surface.Create(setup), token));
            }
        });

        var journal = await scope.GetRequestsAsync(ct);
        Assert.Contains(journal, r => r.QueryParam("key") == SampleArguments.ReadKey);
        Assert.Contains(journal, r => r.Header("Authorization") == "Bearer " + s_keys[ClientSurfaces.AttentionFactory]);
        AssertClean(logs, texts, $"{methods.Count * 3} socket calls");
        output.WriteLine($"{methods.Count * 3} calls over WireMock (success, 500, connection reset), {journal.Count} requests, {logs.Entries.Count} log entries at Trace");
    }

    [Fact]
    public void No_secret_in_webhook_parsing_failures_or_in_tostring_of_options_keypairs_and_models()
    {
        var texts = new List<string>();
        var parser = new AttentionFactoryWebhookParser([WebhookSecret, WebhookSecret + "_old"]);
        var body = Encoding.UTF8.GetBytes("""{"event":"action.verified","timestamp":"2026-04-18T12:00:00Z","data":{"action_id":"a1","rental_id":"r1"}}""");
        var signed = WebhookSigner.Sign(System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("data"), WebhookSecret);
        var attempts = new (byte[] Body, string? Header)[]
        {
            (body, null), (body, ""), (body, "sha256="), (body, "sha256=" + new string('0', 64)), (body, WebhookSecret), (body, "sha256=" + WebhookSecret),
            ("not json"u8.ToArray(), signed), ("{}"u8.ToArray(), signed), ("""{"event":"x","data":null}"""u8.ToArray(), signed), ([], signed), ([0xFF, 0xFE], signed),
        };
        foreach (var (payload, header) in attempts)
        {
            try
            {
                texts.Add(parser.Parse(payload, header).ToString() ?? string.Empty);
            }
            catch (Exception ex)
            {
                Assert.IsAssignableFrom<AttentionException>(ex);
                texts.Add(ex.ToString());
            }

            parser.TryParseEvent(payload, header, out var parsed, out var reason);
            texts.Add(reason ?? parsed?.ToString() ?? string.Empty);
        }

        texts.Add(parser.ToString() ?? string.Empty);
        foreach (var surface in ClientSurfaces.All)
        {
            texts.Add(surface.CreateOptions(new ClientSetup { ApiKey = s_keys[surface] }).ToString());
        }

        texts.Add(new AttentiumClientOptions().ToString());
        texts.Add(SampleArguments.Signer.ToString());
        texts.Add(((ISolanaSigner)SampleArguments.Signer).ToString() ?? string.Empty);
        texts.Add(AttentiumModelFactory.CampaignKeys("tx_1", "camp_1", SampleArguments.ReadKey).ToString());
        texts.Add(AttentionFactoryModelFactory.WebhookEndpoint("wh_1", "https://example.com/hook", [WebhookEventType.ActionVerified], WebhookSecret).ToString());
        texts.Add(new CreateWebhookRequest { Url = "https://example.com/hook", Events = [WebhookEventType.ActionVerified], Secret = WebhookSecret }.ToString());

        // A key given in the wrong shape is refused without echoing it.
        foreach (var wrong in new[] { "sk_" + s_keys[ClientSurfaces.AttentionFactory], s_keys[ClientSurfaces.AttentionFactory] + " " })
        {
            var error = Record.Exception(() => new AttentionFactoryClient(new AttentionFactoryClientOptions { ApiKey = wrong }));
            texts.Add(error?.ToString() ?? string.Empty);
        }

        // Corrupt private keys are refused without echoing them.
        var base58 = Base58.Encode(SampleArguments.Signer.ExportSecretKey());
        foreach (var corrupt in new[] { base58[..^1] + "0", base58[..^3], SampleArguments.Signer.ExportJson().Replace(",1", ",999", StringComparison.Ordinal), SampleArguments.Signer.ExportJson()[..^5] })
        {
            texts.Add(Record.Exception(() => Keypair.FromBase58(corrupt))?.ToString() ?? string.Empty);
            texts.Add(Record.Exception(() => Keypair.FromJson(corrupt))?.ToString() ?? string.Empty);
        }

        AssertClean(null, texts, "webhooks, options, key pairs and models");
    }

    private static Task<HttpResponseMessage> Respond(string scenario, CancellationToken token)
    {
        switch (scenario)
        {
            case "reset":
                throw new HttpRequestException("Connection reset", new SocketException((int)SocketError.ConnectionReset));
            case "io":
                throw new IOException("Unable to read data from the transport connection.");
            case "attempt timeout":
                return Task.Delay(Timeout.Infinite, token).ContinueWith<HttpResponseMessage>(_ => throw new TaskCanceledException(), TaskScheduler.Default);
        }

        var status = int.Parse(scenario["status ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var response = new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(status == 200 ? "{}" : """{"detail":"Request failed","code":"some_error"}""", Encoding.UTF8, "application/json"),
        };
        if (status == 429)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", "0");
        }

        return Task.FromResult(response);
    }

    private static async Task<string> RunAsync(ApiMethod method, object client, CancellationToken ct)
    {
        try
        {
            var result = await method.InvokeAsync(client, ct);
            return $"{method.DisplayName} -> {result}";
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var text = $"{method.DisplayName} -> {ex}";
            if (ex is AttentionApiException api)
            {
                text += $" | {api.RawBody} | {api.ServerMessage} | {api.Route} | {api.IdempotencyKey}";
            }

            return text;
        }
    }

    private static void AssertClean(CapturingLoggerProvider? logs, IEnumerable<string> texts, string what)
    {
        var everything = new StringBuilder();
        if (logs is not null)
        {
            Assert.NotEmpty(logs.Entries);
            everything.AppendLine(logs.AllText);
        }

        foreach (var text in texts)
        {
            everything.AppendLine(text);
        }

        var all = everything.ToString();
        foreach (var (name, value) in Secrets())
        {
            var at = all.IndexOf(value, StringComparison.Ordinal);
            Assert.True(at < 0, $"{what}: the {name} appears in: …{all[Math.Max(0, at - 300)..Math.Min(all.Length, at + value.Length + 50)]}…");
        }
    }
}
