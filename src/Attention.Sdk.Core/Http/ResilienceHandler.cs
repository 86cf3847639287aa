using Attention.Sdk.RateLimiting;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Attention.Sdk.Http;

/// <summary>
/// Bounds each logical call by the overall timeout and retries it by the <see cref="RetryClassifier"/> rules, with
/// exponential back-off and jitter or the server's <c>Retry-After</c>. Each attempt runs <see cref="AttemptSender"/>'s steps
/// (rate-limit permit, per-attempt timeout, body buffered); the idempotency key set outside this handler stays the same for
/// every attempt.
/// </summary>
/// <remarks>
/// The first attempt runs directly, under one deadline: the shorter of the attempt and overall timeouts. Only when its
/// outcome is to be retried does the call enter the Polly.Core pipeline (overall timeout with the budget left, then retry),
/// whose first execution replays that outcome, so Polly decides the delay and runs the remaining attempts. Most calls
/// succeed at once and so cost no Polly context, strategy frames or second timer (see docs/performance.md). Without a permit
/// to wait for, that first attempt runs in this handler's own frame rather than in <see cref="AttemptSender.SendAsync"/>'s.
/// Calls to an API with a client-side rate limit run wholly in the pipeline, so the overall timeout also bounds the wait for a permit.
/// </remarks>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<ApiCallContext> s_callKey = new("Attention.Sdk.Call");

    private readonly ResiliencePipeline<HttpResponseMessage>? _pipeline;
    private readonly bool _directFirstAttempt;
    private readonly AttemptSender _sender;
    private readonly RetryClassifier _classifier;
    private readonly AttemptDeadlines? _firstAttemptDeadlines;
    private readonly AttemptDeadlines? _attemptDeadlines;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly RetryBudgetGate? _retryBudget;
    private readonly int _maxAttempts;

    public ResilienceHandler(ApiProfile profile, AttentionClientOptions options, ClientRateLimitGate? rateLimit)
    {
        _time = options.TimeProvider;
        _timeout = options.Timeout;
        _sender = new AttemptSender((request, token) => base.SendAsync(request, token), rateLimit);
        _classifier = new RetryClassifier(profile, options.MaxRetryAfter, options.TimeProvider);
        _retryBudget = RetryBudgetGate.Create(profile, options);
        _maxAttempts = options.MaxRetries + 1;
        _attemptDeadlines = IsInfinite(options.AttemptTimeout) ? null : new AttemptDeadlines(options.AttemptTimeout, _time);

        // With a rate limit the first attempt may wait for a permit, and that wait belongs inside the overall timeout,
        // which the attempt's own deadline (started after the permit) cannot bound: such calls always run in the pipeline.
        _directFirstAttempt = rateLimit is null || IsInfinite(_timeout);
        _firstAttemptDeadlines = !_directFirstAttempt || IsInfinite(_timeout) || (_attemptDeadlines is not null && options.AttemptTimeout < _timeout)
            ? _attemptDeadlines
            : new AttemptDeadlines(_timeout, _time, isOverallTimeout: true);
        if (options.MaxRetries > 0 || !_directFirstAttempt)
        {
            _pipeline = BuildPipeline(options, _classifier, this);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = ApiCallContext.GetOrCreate(request);
        _retryBudget?.RecordCall();
        Outcome<HttpResponseMessage> outcome;
        if (_directFirstAttempt)
        {
            var started = _time.GetTimestamp();
            if (_sender.HasGate)
            {
                outcome = await _sender.SendAsync(request, call, _firstAttemptDeadlines, cancellationToken).ConfigureAwait(false);
            }
            else if (AttemptSender.TryBegin(request, call, cancellationToken, out outcome))
            {
                // AttemptSender.SendAsync's steps without the permit, in this frame: one async frame fewer for nearly every call.
                var deadline = _firstAttemptDeadlines?.Start(cancellationToken);
                HttpResponseMessage? response = null;
                try
                {
                    var token = deadline?.Token ?? cancellationToken;
                    response = await base.SendAsync(request, token).ConfigureAwait(false);
                    await AttemptSender.BufferAsync(response, token).ConfigureAwait(false);
                    outcome = Outcome.FromResult(response);
                }
                catch (Exception ex)
                {
                    outcome = AttemptSender.Fail(ex, response, _firstAttemptDeadlines, deadline, cancellationToken);
                }
                finally
                {
                    AttemptSender.End(_firstAttemptDeadlines, deadline);
                }
            }

            if (_pipeline is not null && _classifier.ShouldRetry(request, outcome.Result, outcome.Exception, cancellationToken)
                && await MayRetryAsync(call, cancellationToken).ConfigureAwait(false))
            {
                outcome = await RunPipelineAsync(_pipeline, request, call, outcome, _time.GetElapsedTime(started), cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            outcome = await RunPipelineAsync(_pipeline!, request, call, first: null, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }

        if (outcome.Exception is TimeoutRejectedException && cancellationToken.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        outcome.ThrowIfException();
        return outcome.Result!;
    }

    /// <summary>
    /// Runs the Polly pipeline for the rest of the call (all of it when <paramref name="first"/> is null); its first execution
    /// hands back <paramref name="first"/> when there is one.
    /// </summary>
    private async Task<Outcome<HttpResponseMessage>> RunPipelineAsync(
        ResiliencePipeline<HttpResponseMessage> pipeline,
        HttpRequestMessage request,
        ApiCallContext call,
        Outcome<HttpResponseMessage>? first,
        TimeSpan elapsed,
        CancellationToken cancellationToken)
    {
        var budget = IsInfinite(_timeout) ? Timeout.InfiniteTimeSpan : _timeout - elapsed;
        if (budget != Timeout.InfiniteTimeSpan && budget <= TimeSpan.Zero)
        {
            first?.Result?.Dispose();
            return Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException($"The call did not complete within {_timeout.TotalSeconds:0.###} s.", _timeout));
        }

        // The retry predicate and the timeout read the call from the context: one reference-typed property, no boxing.
        call.Request = request;
        call.CallerToken = cancellationToken;
        call.RetryBudget = budget;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(s_callKey, call);
        try
        {
            return await pipeline.ExecuteOutcomeAsync(
                static (ctx, state) => state.Replay is { } replay && replay.TryTake(out var replayed)
                    ? ValueTask.FromResult(replayed)
                    : state.Handler._sender.SendAsync(state.Request, state.Call, state.Handler._attemptDeadlines, ctx.CancellationToken),
                context,
                (Handler: this, Request: request, Call: call, Replay: first is { } outcome ? new FirstOutcome(outcome) : null)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// Whether a retry the rules allow may be made: the last attempt is never retried (nothing is withdrawn for it), and
    /// otherwise one retry is taken from the retry budget; an empty budget ends the call with the failure at hand.
    /// </summary>
    private async ValueTask<bool> MayRetryAsync(ApiCallContext call, CancellationToken cancellationToken)
    {
        // The first outcome is judged twice when the pipeline replays it: one attempt pays for one retry at most.
        if (_retryBudget is null || call.Attempts >= _maxAttempts || call.RetryBudgetPaidForAttempt == call.Attempts)
        {
            return true;
        }

        call.RetryBudgetPaidForAttempt = call.Attempts;
        if (await _retryBudget.TryWithdrawAsync(cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        call.RetryBudgetExhausted = true;
        return false;
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(AttentionClientOptions options, RetryClassifier classifier, ResilienceHandler handler)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider };
        if (!IsInfinite(options.Timeout))
        {
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(args.Context.Properties.GetValue(s_callKey, null!)?.RetryBudget ?? options.Timeout),
            });
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
                ShouldHandle = args => args.Context.Properties.GetValue(s_callKey, null!) is { Request: { } request } call
                    && classifier.ShouldRetry(request, args.Outcome.Result, args.Outcome.Exception, call.CallerToken)
                        ? handler.MayRetryAsync(call, call.CallerToken)
                        : ValueTask.FromResult(false),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? classifier.RetryAfterFor(response) : null),
            });
        }

        return builder.Build();
    }

    private static bool IsInfinite(TimeSpan timeout) => timeout == Timeout.InfiniteTimeSpan;

    /// <summary>The first attempt's outcome, handed to the pipeline's first execution and then gone.</summary>
    private sealed class FirstOutcome(Outcome<HttpResponseMessage> outcome)
    {
        private bool _taken;

        public bool TryTake(out Outcome<HttpResponseMessage> first)
        {
            first = outcome;
            return !_taken && (_taken = true);
        }
    }
}
