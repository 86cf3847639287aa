using Attention.Sdk.RateLimiting;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Attention.Sdk.Http;

/// <summary>
/// Runs each logical call through a Polly.Core pipeline: an overall timeout around retries with exponential back-off
/// and jitter (or the server's <c>Retry-After</c>), and as the pipeline's body one <see cref="AttemptSender"/> attempt
/// (rate-limit permit, per-attempt timeout, body buffered). What is retried is decided by <see cref="RetryClassifier"/>;
/// the idempotency key set outside this handler stays the same for every attempt.
/// </summary>
/// <remarks>
/// The per-attempt timeout and the rate limit used to be handlers of their own between this one and the transport; as
/// the pipeline's body they cost no async frame, linked token source or timer per attempt (see docs/performance.md).
/// </remarks>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<ApiCallContext> s_callKey = new("Attention.Sdk.Call");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly AttemptSender _sender;

    public ResilienceHandler(ApiProfile profile, AttentionClientOptions options, ClientRateLimitGate? rateLimit)
    {
        var deadlines = options.AttemptTimeout == Timeout.InfiniteTimeSpan ? null : new AttemptDeadlines(options.AttemptTimeout, options.TimeProvider);
        _sender = new AttemptSender((request, token) => base.SendAsync(request, token), deadlines, rateLimit);
        var classifier = new RetryClassifier(profile, options.MaxRetryAfter, options.TimeProvider);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider };
        if (options.Timeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(options.Timeout);
        }

        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Context.Properties.GetValue(s_callKey, null!) is { Request: { } request } call
                    && classifier.ShouldRetry(request, args.Outcome.Result, args.Outcome.Exception, call.CallerToken)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? classifier.RetryAfterFor(response) : null),
            });
        }

        _pipeline = builder.Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = ApiCallContext.GetOrCreate(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);

        // The retry predicate reads the request and the caller's token from the call: one reference-typed property, no boxing.
        call.Request = request;
        call.CallerToken = cancellationToken;
        context.Properties.Set(s_callKey, call);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static (ctx, state) => state.Sender.SendAsync(state.Request, state.Call, ctx.CancellationToken),
                context,
                (Sender: _sender, Request: request, Call: call)).ConfigureAwait(false);

            if (outcome.Exception is TimeoutRejectedException && cancellationToken.IsCancellationRequested)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
