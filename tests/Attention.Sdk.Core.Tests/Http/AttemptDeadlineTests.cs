using Attention.Sdk.Http;
using Attention.Sdk.Testing.Time;

namespace Attention.Sdk.Core.Tests.Http;

/// <summary>
/// The per-attempt deadline: linked to the call's token, fired by its timeout, and (on the system clock) a source that
/// finished without firing is reused for a later attempt, re-armed and unlinked from the earlier call.
/// </summary>
public sealed class AttemptDeadlineTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);

    [Fact]
    public void Finished_source_that_never_fired_is_reused_by_the_next_attempt()
    {
        var deadlines = new AttemptDeadlines(Long, TimeProvider.System);
        var first = deadlines.Start(CancellationToken.None);
        deadlines.Finish(first);

        var second = deadlines.Start(CancellationToken.None);

        Assert.Same(first.Source, second.Source);
        Assert.False(second.HasFired);
        deadlines.Finish(second);
    }

    [Fact]
    public async Task Reused_source_is_re_armed_with_the_timeout()
    {
        var deadlines = new AttemptDeadlines(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        deadlines.Finish(deadlines.Start(CancellationToken.None));

        var reused = deadlines.Start(CancellationToken.None);
        await Task.Delay(Timeout.Infinite, reused.Token).ContinueWith(_ => { }, TestContext.Current.CancellationToken);

        Assert.True(reused.HasFired);
        deadlines.Finish(reused);
    }

    [Fact]
    public async Task Fired_source_is_never_handed_out_again()
    {
        var deadlines = new AttemptDeadlines(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        var fired = deadlines.Start(CancellationToken.None);
        await Task.Delay(Timeout.Infinite, fired.Token).ContinueWith(_ => { }, TestContext.Current.CancellationToken);
        deadlines.Finish(fired);

        var next = deadlines.Start(CancellationToken.None);

        Assert.NotSame(fired.Source, next.Source);
        Assert.False(next.HasFired);
        deadlines.Finish(next);
    }

    [Fact]
    public void Cancelling_the_call_cancels_the_attempt()
    {
        var deadlines = new AttemptDeadlines(Long, TimeProvider.System);
        using var call = new CancellationTokenSource();
        var attempt = deadlines.Start(call.Token);

        call.Cancel();

        Assert.True(attempt.Token.IsCancellationRequested);
        deadlines.Finish(attempt);
    }

    [Fact]
    public void Earlier_call_cancelled_after_its_attempt_finished_does_not_touch_the_reused_source()
    {
        var deadlines = new AttemptDeadlines(Long, TimeProvider.System);
        using var earlier = new CancellationTokenSource();
        deadlines.Finish(deadlines.Start(earlier.Token));
        var later = deadlines.Start(CancellationToken.None);

        earlier.Cancel();

        Assert.False(later.HasFired);
        deadlines.Finish(later);
    }

    [Fact]
    public void Injected_clock_drives_the_deadline_and_sources_are_not_pooled()
    {
        var clock = new ManualTimeProvider();
        var deadlines = new AttemptDeadlines(TimeSpan.FromSeconds(30), clock);
        var first = deadlines.Start(CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(first.HasFired);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(first.HasFired);
        deadlines.Finish(first);

        var second = deadlines.Start(CancellationToken.None);
        Assert.NotSame(first.Source, second.Source);
        deadlines.Finish(second);
    }
}
