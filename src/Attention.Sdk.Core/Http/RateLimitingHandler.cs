using System.Threading.RateLimiting;
using Attention.Sdk.RateLimiting;

namespace Attention.Sdk.Http;

/// <summary>
/// Takes one permit per attempt from the limiter shared by every client of the same API and key, waiting for one
/// (cancellably) or failing fast as the policy says.
/// </summary>
internal sealed class RateLimitingHandler(RateLimiter limiter, RateLimitPolicy policy) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = policy.Behavior == RateLimitBehavior.FailFast
            ? limiter.AttemptAcquire(1)
            : await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
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

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
