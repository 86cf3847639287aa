using Attention.Sdk.RateLimiting;
using Attention.Sdk.Testing.Time;

namespace Attention.Sdk.Core.Tests.RateLimiting;

public sealed class InProcessRetryBudgetProviderTests
{
    // Reserve: 1 retry per second × 10 s window = 10 retries.
    private static readonly RetryBudgetPolicy s_policy = new() { Ratio = 0.2, MinRetriesPerSecond = 1, Window = TimeSpan.FromSeconds(10) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RetryBudgetPartition Partition(ManualTimeProvider clock, string key = "key", RetryBudgetPolicy? policy = null) =>
        new("api", ClientRateLimitPartition.HashApiKey(key), policy ?? s_policy, clock);

    private static async Task<int> DrainAsync(InProcessRetryBudgetProvider provider, RetryBudgetPartition partition)
    {
        var taken = 0;
        while (await provider.TryWithdrawRetryAsync(partition, Ct))
        {
            taken++;
            Assert.True(taken < 100_000, "the budget never ran out");
        }

        return taken;
    }

    [Fact]
    public async Task A_fresh_budget_allows_its_reserve_of_retries_then_refuses()
    {
        var clock = new ManualTimeProvider();
        var provider = new InProcessRetryBudgetProvider();

        Assert.Equal(10, await DrainAsync(provider, Partition(clock)));
        Assert.False(await provider.TryWithdrawRetryAsync(Partition(clock), Ct));
    }

    [Fact]
    public async Task Each_call_deposits_the_ratio_so_five_calls_earn_one_retry()
    {
        var clock = new ManualTimeProvider();
        var provider = new InProcessRetryBudgetProvider();
        var partition = Partition(clock);
        await DrainAsync(provider, partition);

        for (var i = 0; i < 4; i++)
        {
            provider.RecordCall(partition);
        }

        Assert.False(await provider.TryWithdrawRetryAsync(partition, Ct));
        provider.RecordCall(partition);
        Assert.True(await provider.TryWithdrawRetryAsync(partition, Ct));
        Assert.False(await provider.TryWithdrawRetryAsync(partition, Ct));
    }

    [Fact]
    public async Task An_empty_budget_refills_at_about_the_minimum_per_second()
    {
        var clock = new ManualTimeProvider();
        var provider = new InProcessRetryBudgetProvider();
        var partition = Partition(clock);
        await DrainAsync(provider, partition);

        clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.False(await provider.TryWithdrawRetryAsync(partition, Ct));
        clock.Advance(TimeSpan.FromSeconds(5));

        // 10 × (1 − e^−0.55) ≈ 4.2 retries after 5.5 s: close to 1 per second at first, slowing as the reserve fills.
        Assert.Equal(4, await DrainAsync(provider, partition));
    }

    [Fact]
    public async Task Deposits_fade_so_a_busy_past_does_not_pay_for_a_later_outage()
    {
        var clock = new ManualTimeProvider();
        var provider = new InProcessRetryBudgetProvider();
        var partition = Partition(clock);
        for (var i = 0; i < 10_000; i++)
        {
            provider.RecordCall(partition);
        }

        Assert.InRange(provider.GetBalance(partition), 2009.9, 2010.1);
        clock.Advance(TimeSpan.FromMinutes(2));

        // After twelve windows 2,000 earned retries have faded to e^−12 of themselves: the reserve is what is left.
        Assert.Equal(10, await DrainAsync(provider, partition));
    }

    [Fact]
    public async Task Budgets_of_two_keys_are_separate()
    {
        var clock = new ManualTimeProvider();
        var provider = new InProcessRetryBudgetProvider();
        await DrainAsync(provider, Partition(clock, "first"));

        Assert.True(await provider.TryWithdrawRetryAsync(Partition(clock, "second"), Ct));
        Assert.False(await provider.TryWithdrawRetryAsync(Partition(clock, "first"), Ct));
    }

    [Fact]
    public async Task A_spent_budget_is_kept_until_it_is_back_at_its_reserve_then_evicted_without_a_timer()
    {
        var clock = new ManualTimeProvider();
        var provider = new InProcessRetryBudgetProvider(sweepInterval: TimeSpan.FromDays(1));
        var partition = Partition(clock);
        await DrainAsync(provider, partition);

        Assert.Equal(0, provider.EvictIdle());
        Assert.Equal(1, provider.Count);
        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(0, clock.ScheduledTimerCount);
        Assert.Equal(1, provider.EvictIdle());
        Assert.Equal(0, provider.Count);
        Assert.Equal(10, await DrainAsync(provider, partition));
    }

    [Fact]
    public async Task A_partition_whose_budget_was_evicted_deposits_into_a_fresh_one()
    {
        var clock = new ManualTimeProvider();
        var provider = new InProcessRetryBudgetProvider(sweepInterval: TimeSpan.FromDays(1));
        var partition = Partition(clock);
        provider.RecordCall(partition);
        await DrainAsync(provider, partition);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, provider.EvictIdle());

        // The partition's remembered bucket is gone: the deposit must land in a new, held one, not the dropped one.
        provider.RecordCall(partition);

        Assert.Equal(1, provider.Count);
        Assert.Equal(10.2, provider.GetBalance(partition), 6);
    }

    [Fact]
    public async Task One_partition_used_with_two_providers_deposits_into_each_providers_own_budget()
    {
        var clock = new ManualTimeProvider();
        var first = new InProcessRetryBudgetProvider();
        var second = new InProcessRetryBudgetProvider();
        var partition = Partition(clock);
        await DrainAsync(first, partition);

        for (var i = 0; i < 5; i++)
        {
            first.RecordCall(partition);
            second.RecordCall(partition);
        }

        Assert.Equal(1.0, first.GetBalance(partition), 6);
        Assert.Equal(11.0, second.GetBalance(partition), 6);
    }

    [Fact]
    public async Task Ten_thousand_keys_are_evicted_once_their_budgets_have_refilled()
    {
        var clock = new ManualTimeProvider();
        var provider = new InProcessRetryBudgetProvider(sweepInterval: TimeSpan.FromDays(1));
        for (var i = 0; i < 10_000; i++)
        {
            var partition = Partition(clock, "key-" + i);
            provider.RecordCall(partition);
            Assert.True(await provider.TryWithdrawRetryAsync(partition, Ct));
        }

        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(10_000, provider.EvictIdle());
        Assert.Equal(0, provider.Count);
    }

    [Theory]
    [InlineData(-0.1, 1)]
    [InlineData(1.5, 1)]
    [InlineData(double.NaN, 1)]
    [InlineData(0.2, -1)]
    [InlineData(0.2, double.PositiveInfinity)]
    public void A_policy_out_of_range_is_refused(double ratio, double minimum)
    {
        var policy = new RetryBudgetPolicy { Ratio = ratio, MinRetriesPerSecond = minimum };

        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryBudgetPartition("api", "hash", policy));
    }
}
