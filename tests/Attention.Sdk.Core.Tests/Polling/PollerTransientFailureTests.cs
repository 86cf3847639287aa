using System.Net;
using System.Net.Sockets;
using Attention.Sdk.Polling;
using Attention.Sdk.Testing.Time;

namespace Attention.Sdk.Core.Tests.Polling;

/// <summary>
/// Long waits survive blips: transport failures, timeouts, 5xx and 429 are polled through within the overall budget, and each poll
/// is bounded by the time left. Driven by a manual clock: every wait is a timer the test fires, so nothing depends on real time.
/// </summary>
public sealed class PollerTransientFailureTests
{
    private static readonly PollingOptions Options = new() { Interval = TimeSpan.FromSeconds(2), MaxInterval = TimeSpan.FromSeconds(30), Timeout = TimeSpan.FromMinutes(10) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> TransientFailures => ["socket reset", "attempt timeout", "500", "502", "429"];

    private static AttentionException Failure(string kind) => kind switch
    {
        "socket reset" => new AttentionTransportException("GET /v1/rentals/{id} failed at the network level", new SocketException((int)SocketError.ConnectionReset)),
        "attempt timeout" => new AttentionTimeoutException("GET /v1/rentals/{id} timed out", TimeSpan.FromSeconds(30)),
        "429" => new AttentionRateLimitException(new ApiErrorDetails { StatusCode = HttpStatusCode.TooManyRequests }),
        _ => new AttentionServerException(new ApiErrorDetails { StatusCode = (HttpStatusCode)int.Parse(kind, System.Globalization.CultureInfo.InvariantCulture) }),
    };

    /// <summary>Fires the clock's timers one by one until the wait ends (polls here complete synchronously, so each loop turn runs inline).</summary>
    private static async Task<T> DriveAsync<T>(ManualTimeProvider clock, Task<T> wait)
    {
        var guard = System.Diagnostics.Stopwatch.StartNew();
        while (!wait.IsCompleted)
        {
            Assert.True(guard.Elapsed < TimeSpan.FromSeconds(60), $"the wait never ended (clock at {clock}, {clock.ScheduledTimerCount} timer(s))");
            if (!clock.AdvanceToNextTimer())
            {
                await Task.Delay(1);
            }
        }

        return await wait;
    }

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public async Task Transient_failure_is_polled_through_to_the_result(string kind)
    {
        var clock = new ManualTimeProvider();
        var polls = 0;

        var result = await DriveAsync(clock, Poller.PollUntilAsync(
            _ => ++polls == 2 ? throw Failure(kind) : Task.FromResult(polls >= 3 ? "active" : "warming"),
            s => s == "active",
            Options,
            clock,
            "rental r1 to become active",
            Ct));

        Assert.Equal("active", result);
        Assert.Equal(3, polls);
    }

    [Fact]
    public async Task Non_transient_failure_ends_the_wait_at_once()
    {
        var clock = new ManualTimeProvider();
        var polls = 0;

        await Assert.ThrowsAsync<AttentionNotFoundException>(() => DriveAsync(clock, Poller.PollUntilAsync<string>(
            _ => { polls++; throw new AttentionNotFoundException(new ApiErrorDetails { StatusCode = HttpStatusCode.NotFound }); },
            _ => true,
            Options,
            clock,
            "rental r1",
            Ct)));

        Assert.Equal(1, polls);
    }

    [Fact]
    public async Task Failures_until_the_budget_ends_give_a_polling_timeout_carrying_the_last_failure()
    {
        var clock = new ManualTimeProvider();
        var started = clock.GetUtcNow();
        var last = Failure("socket reset");

        var error = await Assert.ThrowsAsync<PollingTimeoutException>(() => DriveAsync(clock, Poller.PollUntilAsync<string>(
            _ => throw last,
            _ => true,
            Options,
            clock,
            "rental r1 to become active",
            Ct)));

        Assert.Same(last, error.InnerException);
        Assert.True(error.Polls > 5);
        Assert.Equal(Options.Timeout, clock.GetUtcNow() - started);
    }

    [Fact]
    public async Task Hanging_poll_is_cut_at_the_end_of_the_budget()
    {
        var clock = new ManualTimeProvider();
        var started = clock.GetUtcNow();
        var options = Options with { Timeout = TimeSpan.FromDays(14) };
        var polls = 0;

        var error = await Assert.ThrowsAsync<PollingTimeoutException>(() => DriveAsync(clock, Poller.PollUntilAsync(
            async ct =>
            {
                polls++;
                await Task.Delay(Timeout.Infinite, ct);
                return "warming";
            },
            s => s == "active",
            options,
            clock,
            "rental r1 to become active",
            Ct)));

        Assert.Equal(1, polls);
        Assert.Equal(1, error.Polls);
        Assert.Equal(TimeSpan.FromDays(14), clock.GetUtcNow() - started);
        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
    }

    [Fact]
    public async Task Later_poll_gets_only_the_time_left()
    {
        var clock = new ManualTimeProvider();
        var started = clock.GetUtcNow();
        var polls = 0;

        await Assert.ThrowsAsync<PollingTimeoutException>(() => DriveAsync(clock, Poller.PollUntilAsync(
            async ct =>
            {
                if (++polls == 1)
                {
                    return "warming";
                }

                await Task.Delay(Timeout.Infinite, ct);
                return "warming";
            },
            s => s == "active",
            Options,
            clock,
            "rental r1 to become active",
            Ct)));

        Assert.Equal(2, polls);
        Assert.Equal(Options.Timeout, clock.GetUtcNow() - started);
    }

    [Fact]
    public async Task Caller_cancellation_during_a_transient_failure_wait_is_a_cancellation()
    {
        var clock = new ManualTimeProvider();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var wait = Poller.PollUntilAsync<string>(
            _ => { cts.Cancel(); throw Failure("502"); },
            _ => true,
            Options,
            clock,
            "rental r1",
            cts.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}
