using Attention.Sdk.Testing.Time;

namespace Attention.Sdk.Testing.Tests.Time;

public sealed class ManualTimeProviderTests
{
    [Fact]
    public void Clock_only_moves_when_advanced_or_set()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var start = time.GetTimestamp();

        time.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 1, 30, TimeSpan.Zero), time.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(90), time.GetElapsedTime(start));

        time.UtcNow = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), time.UtcNow);
        Assert.Throws<ArgumentOutOfRangeException>(() => time.UtcNow = time.UtcNow.AddTicks(-1));
    }

    [Fact]
    public void Timer_fires_on_advance_and_not_before()
    {
        var time = new ManualTimeProvider();
        var fired = new List<DateTimeOffset>();
        using var timer = time.CreateTimer(_ => fired.Add(time.GetUtcNow()), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(4.999));
        Assert.Empty(fired);

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal([ManualTimeProvider.DefaultStart.AddSeconds(5)], fired);
        Assert.Equal(ManualTimeProvider.DefaultStart.AddSeconds(14.999), time.GetUtcNow());
        Assert.Equal(0, time.ScheduledTimerCount);
    }

    [Fact]
    public void Timers_fire_in_due_order_and_periodic_timers_repeat()
    {
        var time = new ManualTimeProvider();
        var log = new List<string>();
        using var periodic = time.CreateTimer(_ => log.Add($"tick@{(time.GetUtcNow() - ManualTimeProvider.DefaultStart).TotalSeconds}"), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        using var late = time.CreateTimer(_ => log.Add("late"), null, TimeSpan.FromSeconds(2.5), Timeout.InfiniteTimeSpan);
        using var early = time.CreateTimer(_ => log.Add("early"), null, TimeSpan.FromSeconds(0.5), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(["early", "tick@1", "tick@2", "late", "tick@3"], log);
    }

    [Fact]
    public void Change_and_dispose_reschedule_or_stop_a_timer()
    {
        var time = new ManualTimeProvider();
        var count = 0;
        var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        Assert.True(timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, count);

        Assert.True(timer.Change(TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, count);

        Assert.True(timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        Assert.Equal(2, count); // a zero due time fires at once, like a real timer

        timer.Change(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        timer.Dispose();
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, count);
        Assert.False(timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public async Task Task_delay_and_cancel_after_complete_only_when_time_is_advanced()
    {
        var time = new ManualTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(30), time, TestContext.Current.CancellationToken);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10), time);

        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(delay.IsCompleted);
        Assert.False(cts.IsCancellationRequested);

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(cts.IsCancellationRequested);
        Assert.False(delay.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(20));
        await delay.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Callbacks_may_create_timers_that_fire_within_the_same_advance()
    {
        var time = new ManualTimeProvider();
        var log = new List<double>();
        ITimer? second = null;
        using var first = time.CreateTimer(
            _ =>
            {
                log.Add((time.GetUtcNow() - ManualTimeProvider.DefaultStart).TotalSeconds);
                second = time.CreateTimer(_ => log.Add((time.GetUtcNow() - ManualTimeProvider.DefaultStart).TotalSeconds), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
            },
            null,
            TimeSpan.FromSeconds(1),
            Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal([1.0, 3.0], log);
        second?.Dispose();
    }
}
