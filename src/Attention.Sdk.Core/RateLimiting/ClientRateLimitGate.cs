using System.Threading.RateLimiting;
using Attention.Sdk.Http;

namespace Attention.Sdk.RateLimiting;

/// <summary>
/// Takes one permit per attempt from the partition's limiter (shared by every client of the same API and key, through
/// <see cref="AttentionClientOptions.RateLimiterProvider"/>), waiting for one (cancellably) or failing fast as the policy says.
/// Attempts take it before their own timeout starts, so waiting for a permit never eats an attempt's time.
/// </summary>
internal sealed class ClientRateLimitGate(IClientRateLimiterProvider provider, ClientRateLimitPartition partition)
{
    /// <summary>The gate for <paramref name="profile"/>'s API under <paramref name="options"/> (the key is hashed here and not kept).</summary>
    public static ClientRateLimitGate Create(ApiProfile profile, AttentionClientOptions options, RateLimitPolicy policy) =>
        new(
            options.RateLimiterProvider ?? InProcessClientRateLimiterProvider.Shared,
            new ClientRateLimitPartition(profile.Name, ClientRateLimitPartition.HashApiKey(options.ApiKey), policy, options.TimeProvider));

    /// <summary>Waits for (or tries to take) a permit; the caller disposes the lease when the attempt ends.</summary>
    /// <exception cref="AttentionClientRateLimitException">No permit was free under <see cref="RateLimitBehavior.FailFast"/>.</exception>
    public async ValueTask<RateLimitLease> AcquireAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var policy = partition.Policy;
        var limiter = provider.GetLimiter(partition);
        var lease = policy.Behavior == RateLimitBehavior.FailFast
            ? limiter.AttemptAcquire(1)
            : await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (lease.IsAcquired)
        {
            return lease;
        }

        using (lease)
        {
            TimeSpan? retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null;
            throw new AttentionClientRateLimitException(
                $"The client-side limit of {policy.PermitLimit} requests per {policy.Window.TotalSeconds:0.###} s for this API key is reached; the request was not sent.",
                retryAfter)
            {
                Method = request.Method.Method,
                Route = ApiCallContext.Get(request)?.Route,
            };
        }
    }
}
