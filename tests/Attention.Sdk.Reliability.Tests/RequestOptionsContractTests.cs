using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text;
using Attention.Sdk.Http;
using Attention.Sdk.Reliability.Tests.Support;
using Attentium.Solana;

namespace Attention.Sdk.Reliability.Tests;

/// <summary>
/// API-conventions rule 8 over every client, found by reflection so a new method cannot escape: every method that makes one API
/// call has an <c>XAsync(args, RequestOptions?, CancellationToken)</c> overload beside <c>XAsync(args, CancellationToken)</c>; that
/// overload sends the caller's extra headers and hands back the response metadata; an idempotency key is sent only where the
/// docs promise de-duplication and refused (nothing sent) everywhere else.
/// </summary>
public sealed class RequestOptionsContractTests(ITestOutputHelper output)
{
    /// <summary>
    /// Methods with no <see cref="RequestOptions"/> overload on purpose, with the reason (rule 8: no single response to describe,
    /// or steps that would not all accept the options). Every entry must still exist, so the list cannot rot.
    /// </summary>
    private static readonly Dictionary<string, string> s_multiStep = new()
    {
        ["Attentium Campaigns.CreateAsync"] = "two verify calls, then a Solana payment and its confirmation",
        ["Attentium Campaigns.PayInvoiceAsync"] = "inspects, signs and sends a Solana transaction, then submits it",
        ["Attentium Campaigns.ResumeAsync"] = "re-reads the invoice, then pays or confirms it",
        ["Attentium Claims.WithdrawAsync"] = "withdrawal request, intent inspection, signing and submission",
        ["Attentium Claims.CreateWithdrawRequestAsync"] = "signs locally; no API call",
        ["Attentium Claims.SignIntentAsync"] = "inspects and signs locally; no API call",
        ["Attentium Refunds.WithdrawAsync"] = "intent, inspection, signing and submission",
    };

    /// <summary>The methods the docs promise to de-duplicate by <c>Idempotency-Key</c>: Attention Factory rentals and action submission.</summary>
    private static readonly string[] s_honourKeys =
    [
        "AttentionFactory Rentals.CreateAsync",
        "AttentionFactory Actions.SubmitAsync",
        "AttentionFactory Actions.SubmitPostImageAsync",
    ];

    private static IEnumerable<ApiMethod> WithRequestOptions =>
        ClientSurfaces.AllMethods.Where(m => m.Method.GetParameters().Any(p => p.ParameterType == typeof(RequestOptions)));

    private static string Key(ApiMethod method) => $"{method.Surface.Name} {method.QualifiedName}";

    [Fact]
    public void Every_single_call_method_has_a_RequestOptions_overload_just_before_its_token()
    {
        var missing = new List<string>();
        var checkedCount = 0;
        foreach (var method in ClientSurfaces.AllMethods)
        {
            var parameters = method.Method.GetParameters();
            if (parameters.Any(p => p.ParameterType == typeof(RequestOptions))
                || method.Method.Name.StartsWith("WaitFor", StringComparison.Ordinal)
                || method.Method.DeclaringType == typeof(SolanaRpcClient)
                || s_multiStep.ContainsKey(Key(method)))
            {
                continue;
            }

            checkedCount++;
            Assert.Equal(typeof(CancellationToken), parameters[^1].ParameterType);
            Type[] expected = [.. parameters[..^1].Select(p => p.ParameterType), typeof(RequestOptions), typeof(CancellationToken)];
            var overload = method.Method.DeclaringType!.GetMethod(method.Method.Name, BindingFlags.Public | BindingFlags.Instance, expected);
            if (overload is null || !overload.IsVirtual || overload.ReturnType != method.Method.ReturnType)
            {
                missing.Add(method.DisplayName);
            }
        }

        output.WriteLine($"{checkedCount} single-call methods checked");
        Assert.True(missing.Count == 0, "No virtual RequestOptions overload for:\n" + string.Join('\n', missing));
        Assert.True(checkedCount > 60, $"only {checkedCount} methods found: the reflection lost the clients' surface");
    }

    [Fact]
    public void Every_method_listed_as_multi_step_exists()
    {
        var all = ClientSurfaces.AllMethods.Select(Key).ToHashSet();

        Assert.All(s_multiStep.Keys, name => Assert.Contains(name, all));
        Assert.All(s_honourKeys, name => Assert.Contains(name, all));
    }

    [Fact]
    public async Task Every_RequestOptions_overload_sends_the_extra_header_and_returns_the_response_metadata()
    {
        var failures = new ConcurrentQueue<string>();
        var methods = WithRequestOptions.ToList();

        await Parallel.ForEachAsync(methods, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (method, ct) =>
        {
            var headers = new ConcurrentQueue<string?>();
            var transport = new ScriptedTransport((request, _) =>
            {
                headers.Enqueue(request.Headers.TryGetValues("X-Contract", out var values) ? string.Join(',', values) : null);
                var answer = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
                answer.Headers.Add("X-Request-Id", "req_contract_1");
                return answer;
            });
            var requestOptions = new RequestOptions().AddHeader("X-Contract", "rule-8");
            try
            {
                await method.InvokeAsync(method.Surface.Create(new ClientSetup { Transport = transport }), ct, adjust: (parameters, args) => Replace(parameters, args, requestOptions));
            }
            catch (AttentionResponseException)
            {
                // "{}" is not every model's shape; the metadata is set as soon as the 2xx answer arrives, before decoding.
            }
            catch (Exception ex)
            {
                failures.Enqueue($"{method.DisplayName}: threw {ex.GetType().Name}: {ex.Message}");
                return;
            }

            if (headers.IsEmpty || headers.Any(h => h != "rule-8"))
            {
                failures.Enqueue($"{method.DisplayName}: X-Contract on the wire was [{string.Join(", ", headers)}]");
            }

            if (requestOptions.Response is not { StatusCode: HttpStatusCode.OK, RequestId: "req_contract_1" } response || response.Text != "{}")
            {
                failures.Enqueue($"{method.DisplayName}: Response = {requestOptions.Response?.StatusCode} {requestOptions.Response?.RequestId}");
            }
        });

        output.WriteLine($"{methods.Count} RequestOptions overloads called");
        Assert.True(failures.IsEmpty, string.Join('\n', failures));
    }

    [Fact]
    public async Task An_idempotency_key_is_sent_only_where_the_docs_promise_de_duplication_and_refused_before_sending_elsewhere()
    {
        var failures = new ConcurrentQueue<string>();
        var sentKey = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(WithRequestOptions, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (method, ct) =>
        {
            var keys = new ConcurrentQueue<string?>();
            var transport = new ScriptedTransport((request, _) =>
            {
                keys.Enqueue(request.Headers.TryGetValues("Idempotency-Key", out var values) ? string.Join(',', values) : null);
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            });
            var requestOptions = new RequestOptions { IdempotencyKey = "contract-key-1" };
            try
            {
                await method.InvokeAsync(method.Surface.Create(new ClientSetup { Transport = transport }), ct, adjust: (parameters, args) => Replace(parameters, args, requestOptions));
            }
            catch (ArgumentException ex) when (ex.ParamName == nameof(RequestOptions.IdempotencyKey))
            {
                if (transport.Attempts != 0)
                {
                    failures.Enqueue($"{method.DisplayName}: refused the key after sending {transport.Attempts} attempt(s)");
                }

                return;
            }
            catch (AttentionResponseException)
            {
                // The body "{}" is not every model's shape; what matters here is the header that went out.
            }
            catch (Exception ex)
            {
                failures.Enqueue($"{method.DisplayName}: threw {ex.GetType().Name}: {ex.Message}");
                return;
            }

            if (keys.IsEmpty || keys.Any(k => k != "contract-key-1"))
            {
                failures.Enqueue($"{method.DisplayName}: accepted the key but sent Idempotency-Key [{string.Join(", ", keys)}]");
            }

            sentKey.Add(Key(method));
        });

        Assert.True(failures.IsEmpty, string.Join('\n', failures));
        Assert.Equal(s_honourKeys.Order(StringComparer.Ordinal), sentKey.Distinct().Order(StringComparer.Ordinal));
    }

    private static void Replace(ParameterInfo[] parameters, object?[] args, RequestOptions requestOptions)
    {
        var index = Array.FindIndex(parameters, p => p.ParameterType == typeof(RequestOptions));
        args[index] = requestOptions;
    }
}
