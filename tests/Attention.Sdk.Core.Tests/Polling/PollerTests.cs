using System.Net;
using Attention.Sdk.Polling;
using Attention.Sdk.Testing.Time;

namespace Attention.Sdk.Core.Tests.Polling;

public sealed class PollerTests
{
    private static readonly PollingOptions Fast = new() { Interval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Polls_until_the_condition_holds_and_returns_that_value()
    {
        var states = new Queue<string>(["warming", "warming", "active"]);
        var polls = 0;

        var result = await Poller.PollUntilAsync(_ => { polls++; return Task.FromResult(states.Dequeue()); }, s => s == "active", Fast, null, "rental", TestContext.Current.CancellationToken);

        Assert.Equal("active", result);
        Assert.Equal(3, polls);
    }

    [Fact]
    public async Task Gives_up_after_the_timeout_with_the_last_value()
    {
        var options = Fast with { Timeout = TimeSpan.FromMilliseconds(60) };

        // On a manual clock the budget is spent only by the poll intervals, never by a slow machine between two polls.
        var clock = new ManualTimeProvider();
        var wait = Poller.PollUntilAsync(_ => Task.FromResult("warming"), s => s == "active", options, clock, "rental r1 to become active", TestContext.Current.CancellationToken);
        var guard = System.Diagnostics.Stopwatch.StartNew();
        while (!wait.IsCompleted && guard.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (!clock.AdvanceToNextTimer())
            {
                await Task.Delay(1, TestContext.Current.CancellationToken);
            }
        }

        var error = await Assert.ThrowsAsync<PollingTimeoutException>(() => wait);

        Assert.Equal("warming", error.LastValue);
        Assert.True(error.Polls >= 2);
        Assert.Contains("rental r1 to become active", error.Message);
        // A resource that did not change in time is no network failure: a catch for HTTP timeouts must not take it.
        Assert.False(typeof(AttentionTransportException).IsAssignableFrom(error.GetType()));
    }

    [Fact]
    public async Task Honours_retry_after_of_a_rate_limited_poll_and_keeps_polling()
    {
        var calls = 0;
        var details = new ApiErrorDetails { StatusCode = HttpStatusCode.TooManyRequests, RetryAfter = TimeSpan.FromMilliseconds(10) };

        var result = await Poller.PollUntilAsync(
            _ => ++calls == 1 ? throw new AttentionRateLimitException(details) : Task.FromResult(calls),
            n => n >= 2,
            Fast,
            null,
            "thing",
            TestContext.Current.CancellationToken);

        Assert.Equal(2, result);
    }

    [Fact]
    public async Task Other_errors_end_the_wait()
    {
        var details = new ApiErrorDetails { StatusCode = HttpStatusCode.NotFound, ServerMessage = "gone" };

        await Assert.ThrowsAsync<AttentionNotFoundException>(() =>
            Poller.PollUntilAsync<int>(_ => throw new AttentionNotFoundException(details), _ => true, Fast, null, "thing", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Cancellation_stops_the_wait_between_polls()
    {
        using var cancel = new CancellationTokenSource();
        var polls = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Poller.PollUntilAsync(
            _ =>
            {
                if (++polls == 2)
                {
                    cancel.Cancel();
                }

                return Task.FromResult(polls);
            },
            _ => false,
            Fast with { Interval = TimeSpan.FromMilliseconds(1) },
            null,
            "thing",
            cancel.Token));

        Assert.Equal(2, polls);
    }

    [Theory]
    [InlineData(0, 1.5, 1000, 1000)]
    [InlineData(100, 0.5, 1000, 1000)]
    [InlineData(100, 1.5, 50, 1000)]
    [InlineData(100, 1.5, 1000, 0)]
    public void Invalid_polling_options_are_rejected(int intervalMs, double factor, int maxMs, int timeoutMs)
    {
        var options = new PollingOptions
        {
            Interval = TimeSpan.FromMilliseconds(intervalMs),
            BackoffFactor = factor,
            MaxInterval = TimeSpan.FromMilliseconds(maxMs),
            Timeout = TimeSpan.FromMilliseconds(timeoutMs),
        };

        Assert.ThrowsAny<ArgumentException>(options.Validate);
    }
}
