using System.Threading.RateLimiting;
using Attention.Sdk.RateLimiting;

namespace Attention.Sdk.Redis;

/// <summary>One partition's view of <see cref="RedisClientRateLimiterProvider"/>: one permit per acquire, through the script.</summary>
internal sealed class RedisSlidingWindowLimiter(RedisClientRateLimiterProvider provider, ClientRateLimitPartition partition) : RateLimiter
{
    /// <inheritdoc />
    public override TimeSpan? IdleDuration => null;

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics() => null;

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        // A synchronous caller gets the same answer as the asynchronous path; the SDK's gate uses the asynchronous one.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1);
        return AcquireAsyncCore(permitCount, onlyNow: true, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1);
        return AcquireAsyncCore(permitCount, onlyNow: false, cancellationToken);
    }

    private async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, bool onlyNow, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (permitCount == 0)
        {
            return ClientRateLimitLease.Acquired;
        }

        var reserved = await provider.ReserveAsync(partition, onlyNow, cancellationToken).ConfigureAwait(false);
        if (reserved is not { } reservation)
        {
            var fallback = provider.Fallback(partition);
            return onlyNow ? fallback.AttemptAcquire(permitCount) : await fallback.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false);
        }

        if (!reservation.Taken)
        {
            return ClientRateLimitLease.Refused(reservation.Wait);
        }

        if (reservation.Wait > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reservation.Wait, partition.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await provider.ReleaseAsync(partition, reservation.Member).ConfigureAwait(false);
                throw;
            }
        }

        return ClientRateLimitLease.Acquired;
    }
}
