using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Attention.Sdk.Http;

/// <summary>
/// Runs each logical call through a Polly.Core pipeline: an overall timeout around retries with exponential back-off
/// and jitter (or the server's <c>Retry-After</c>). What is retried is decided by <see cref="RetryClassifier"/>. Every
/// attempt after the first gets freshly built content; the idempotency key set outside this handler stays the same.
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> s_requestKey = new("Attention.Sdk.Request");
    private static readonly ResiliencePropertyKey<CancellationToken> s_callerTokenKey = new("Attention.Sdk.CallerToken");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public ResilienceHandler(ApiProfile profile, AttentionClientOptions options)
    {
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
                ShouldHandle = args => ValueTask.FromResult(classifier.ShouldRetry(
                    args.Context.Properties.GetValue(s_requestKey, null!),
                    args.Outcome.Result,
                    args.Outcome.Exception,
                    args.Context.Properties.GetValue(s_callerTokenKey, default))),
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
        context.Properties.Set(s_requestKey, request);
        context.Properties.Set(s_callerTokenKey, cancellationToken);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    var (handler, request, call) = state;
                    call.Attempts++;
                    if (call.Attempts > 1 && call.ContentFactory is { } rebuild)
                    {
                        request.Content = rebuild();
                    }

                    try
                    {
                        var response = await handler.SendInnerAsync(request, ctx.CancellationToken).ConfigureAwait(false);
                        return Outcome.FromResult(response);
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (this, request, call)).ConfigureAwait(false);

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

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
