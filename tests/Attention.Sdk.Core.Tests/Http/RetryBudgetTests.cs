using System.Net;
using System.Net.Sockets;
using Attention.Sdk.Core.Tests.Support;
using Attention.Sdk.DependencyInjection;
using Attention.Sdk.Http;
using Attention.Sdk.RateLimiting;
using Attention.Sdk.Testing.Time;
using Microsoft.Extensions.Configuration;

namespace Attention.Sdk.Core.Tests.Http;

/// <summary>The retry budget in the pipeline: which retries it refuses and what the caller is told.</summary>
public sealed class RetryBudgetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DelegatingTransport Always503(Action? onAttempt = null) => new((_, _) =>
    {
        onAttempt?.Invoke();
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("""{"detail":"down"}""") });
    });

    /// <summary>Options with a budget of their own (no reserve unless asked), so no other test shares it.</summary>
    private static TestClientOptions BudgetOptions(HttpMessageHandler transport, double ratio, double minimum = 0, IRetryBudgetProvider? provider = null)
    {
        var options = TestApis.FastOptions(transport: transport);
        options.RetryBaseDelay = TimeSpan.Zero;
        options.MaxRetryDelay = TimeSpan.Zero;
        options.RetryBudgetRatio = ratio;
        options.RetryBudgetMinPerSecond = minimum;
        options.RetryBudgetProvider = provider ?? new InProcessRetryBudgetProvider();

        // A clock that stands still: deposits do not fade between calls, so the arithmetic below is exact.
        options.TimeProvider = new ManualTimeProvider();
        return options;
    }

    [Fact]
    public async Task An_empty_budget_ends_the_call_after_its_first_attempt_with_the_servers_error_marked_exhausted()
    {
        var transport = Always503();
        var connection = TestApis.Connect(TestApis.Keyed, BudgetOptions(transport, ratio: 0.1));

        var error = await Assert.ThrowsAsync<AttentionServerException>(() => connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "things"), Ct));

        Assert.True(error.RetryBudgetExhausted);
        Assert.Equal(1, error.Attempts);
        Assert.Equal("down", error.ServerMessage);
        Assert.Contains("retry budget", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eight_calls_at_ratio_one_quarter_earn_exactly_two_retries()
    {
        var attempts = 0;
        var transport = Always503(() => Interlocked.Increment(ref attempts));
        var connection = TestApis.Connect(TestApis.Keyed, BudgetOptions(transport, ratio: 0.25));
        var errors = new List<AttentionServerException>();

        for (var i = 0; i < 8; i++)
        {
            errors.Add(await Assert.ThrowsAsync<AttentionServerException>(() => connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "things"), Ct)));
        }

        // The fourth and the eighth call's own deposits complete a whole retry: those two calls make two attempts.
        Assert.Equal(10, attempts);
        Assert.Equal([1, 1, 1, 2, 1, 1, 1, 2], errors.Select(e => e.Attempts));
        Assert.All(errors, e => Assert.True(e.RetryBudgetExhausted));
    }

    [Fact]
    public async Task A_transport_failure_not_retried_for_lack_of_budget_says_so_and_counts_one_attempt()
    {
        var transport = new DelegatingTransport((_, _) => throw new HttpRequestException("reset", new SocketException((int)SocketError.ConnectionReset)));
        var connection = TestApis.Connect(TestApis.Keyed, BudgetOptions(transport, ratio: 0));

        var error = await Assert.ThrowsAsync<AttentionTransportException>(() => connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "things"), Ct));

        Assert.True(error.RetryBudgetExhausted);
        Assert.Equal(1, error.Attempts);
        Assert.Contains("retry budget", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reserve_lets_a_quiet_client_retry_in_full()
    {
        var transport = new ScriptedHandler()
            .Then(HttpStatusCode.ServiceUnavailable)
            .Then(HttpStatusCode.BadGateway)
            .Then(HttpStatusCode.OK, "{}");
        var connection = TestApis.Connect(TestApis.Keyed, BudgetOptions(transport, ratio: 0.2, minimum: 1));

        var response = await connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "things"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, transport.Sent.Count);
    }

    [Fact]
    public async Task The_last_attempt_takes_nothing_from_the_budget()
    {
        var provider = new InProcessRetryBudgetProvider();
        var transport = Always503();
        var options = BudgetOptions(transport, ratio: 0, minimum: 1, provider);
        options.MaxRetries = 2;
        var connection = TestApis.Connect(TestApis.Keyed, options);

        var error = await Assert.ThrowsAsync<AttentionServerException>(() => connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "things"), Ct));

        Assert.Equal(3, error.Attempts);
        Assert.False(error.RetryBudgetExhausted);
        var partition = new RetryBudgetPartition(TestApis.Keyed.Name, ClientRateLimitPartition.HashApiKey(TestApis.KeyedApiKey), new RetryBudgetPolicy { Ratio = 0, MinRetriesPerSecond = 1 }, options.TimeProvider);
        Assert.InRange(provider.GetBalance(partition), 8, 8.1);
    }

    [Fact]
    public async Task With_the_budget_off_every_call_makes_all_its_attempts()
    {
        var attempts = 0;
        var transport = Always503(() => Interlocked.Increment(ref attempts));
        var options = BudgetOptions(transport, ratio: 0);
        options.EnableRetryBudget = false;
        var connection = TestApis.Connect(TestApis.Keyed, options);

        for (var i = 0; i < 5; i++)
        {
            var error = await Assert.ThrowsAsync<AttentionServerException>(() => connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "things"), Ct));
            Assert.False(error.RetryBudgetExhausted);
        }

        Assert.Equal(20, attempts);
    }

    [Fact]
    public async Task A_budget_store_that_fails_means_no_retry_and_the_call_still_gets_its_own_failure()
    {
        var transport = Always503();
        var connection = TestApis.Connect(TestApis.Keyed, BudgetOptions(transport, ratio: 1, provider: new BrokenProvider()));

        var error = await Assert.ThrowsAsync<AttentionServerException>(() => connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "things"), Ct));

        Assert.Equal(1, error.Attempts);
        Assert.True(error.RetryBudgetExhausted);
    }

    [Fact]
    public void The_budget_settings_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EnableRetryBudget"] = "false",
            ["RetryBudgetRatio"] = "0.05",
            ["RetryBudgetMinPerSecond"] = "0.5",
        }).Build();
        var options = TestApis.FastOptions();

        AttentionClientOptionsBinder.Bind(configuration, options);

        Assert.False(options.EnableRetryBudget);
        Assert.Equal(0.05, options.RetryBudgetRatio);
        Assert.Equal(0.5, options.RetryBudgetMinPerSecond);
    }

    [Fact]
    public void A_ratio_that_is_not_a_number_names_its_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["RetryBudgetRatio"] = "lots" }).Build();

        var error = Assert.Throws<FormatException>(() => AttentionClientOptionsBinder.Bind(configuration, TestApis.FastOptions()));

        Assert.Contains("RetryBudgetRatio", error.Message, StringComparison.Ordinal);
    }

    private sealed class BrokenProvider : IRetryBudgetProvider
    {
        public void RecordCall(RetryBudgetPartition partition) => throw new InvalidOperationException("store down");

        public ValueTask<bool> TryWithdrawRetryAsync(RetryBudgetPartition partition, CancellationToken cancellationToken) =>
            ValueTask.FromException<bool>(new InvalidOperationException("store down"));
    }
}
