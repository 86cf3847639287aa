using System.Net;
using Attention.Sdk;
using Attention.Sdk.Http;
using Attention.Sdk.Polling;

namespace AutoPersonas.SocialImport;

/// <summary>Import historical posts from connected X, TikTok and Instagram accounts (scope <c>content:write</c>), and follow the import job (scope <c>content:read</c>).</summary>
public class SocialImportClient
{
    private readonly ApConnection _connection = null!;

    internal SocialImportClient(ApConnection connection) => _connection = connection;

    /// <summary>For mocking.</summary>
    protected SocialImportClient()
    {
    }

    /// <summary>Starts importing historical posts from the connected X account (<c>POST /social-import/x</c>); never retried after an ambiguous failure.</summary>
    /// <param name="request">Optional options; null sends no body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<ImportJob> ImportXAsync(SocialImportRequest? request = null, CancellationToken cancellationToken = default) =>
        ImportXAsync(request, null, cancellationToken);

    /// <summary>Starts importing historical posts from the connected X account with per-call options; otherwise as <see cref="ImportXAsync(SocialImportRequest, CancellationToken)"/>.</summary>
    /// <param name="request">Optional options; null sends no body.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ImportJob> ImportXAsync(SocialImportRequest? request, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        StartAsync(AutoPersonasEndpoints.ImportX, request, requestOptions, cancellationToken);

    /// <summary>Starts importing historical videos from the connected TikTok account (<c>POST /social-import/tiktok</c>); never retried after an ambiguous failure.</summary>
    /// <param name="request">Optional options; null sends no body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AttentionException">The call failed.</exception>
    public virtual Task<ImportJob> ImportTikTokAsync(SocialImportRequest? request = null, CancellationToken cancellationToken = default) =>
        ImportTikTokAsync(request, null, cancellationToken);

    /// <summary>Starts importing historical videos from the connected TikTok account with per-call options; otherwise as <see cref="ImportTikTokAsync(SocialImportRequest, CancellationToken)"/>.</summary>
    /// <param name="request">Optional options; null sends no body.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ImportJob> ImportTikTokAsync(SocialImportRequest? request, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        StartAsync(AutoPersonasEndpoints.ImportTikTok, request, requestOptions, cancellationToken);

    /// <summary>
    /// Tries the Instagram import (<c>POST /social-import/instagram</c>), which the docs mark as gated pending a Meta scope upgrade.
    /// A 4xx answer other than 401 and 429 (typically 403) comes back as <see cref="InstagramImportResult.IsGated"/> with the server's
    /// reason, not as an exception. A scope missing from <see cref="AutoPersonasClientOptions.GrantedScopes"/> still throws before sending.
    /// </summary>
    /// <param name="request">Optional options; null sends no body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ScopeNotGrantedException">The declared scopes lack <c>content:write</c>.</exception>
    /// <exception cref="AttentionException">401, 429 after retries, 5xx, transport failures.</exception>
    public virtual Task<InstagramImportResult> ImportInstagramAsync(SocialImportRequest? request = null, CancellationToken cancellationToken = default) =>
        ImportInstagramAsync(request, null, cancellationToken);

    /// <summary>Tries the Instagram import with per-call options; otherwise as <see cref="ImportInstagramAsync(SocialImportRequest, CancellationToken)"/>.</summary>
    /// <param name="request">Optional options; null sends no body.</param>
    /// <param name="requestOptions">
    /// Per-call options (extra headers); after a 2xx answer, <see cref="RequestOptions.Response"/>. A gated answer is a 4xx, so it leaves
    /// <see cref="RequestOptions.Response"/> null (the status and reason are on the result). Null: the plain call.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="ScopeNotGrantedException">The declared scopes lack <c>content:write</c>.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual async Task<InstagramImportResult> ImportInstagramAsync(SocialImportRequest? request, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        try
        {
            var job = await StartAsync(AutoPersonasEndpoints.ImportInstagram, request, requestOptions, cancellationToken).ConfigureAwait(false);
            return new InstagramImportResult(job);
        }
        catch (AttentionApiException ex) when (IsGatedAnswer(ex.StatusCode))
        {
            return new InstagramImportResult(null, ex.StatusCode, ex.ServerMessage ?? ex.RawBody);
        }
    }

    /// <summary>Gets an import job's status (<c>GET /social-import/jobs/:jobId</c>, scope <c>content:read</c>).</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="AttentionNotFoundException">404: no such job.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<ImportJob> GetJobAsync(string jobId, CancellationToken cancellationToken = default) =>
        GetJobAsync(jobId, null, cancellationToken);

    /// <summary>Gets an import job's status with per-call options; otherwise as <see cref="GetJobAsync(string, CancellationToken)"/>.</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionNotFoundException">404: no such job.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<ImportJob> GetJobAsync(string jobId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(new ApiRequest(AutoPersonasEndpoints.GetImportJob).WithPath("jobId", jobId), ApJsonContext.Default.ImportJob, requestOptions, cancellationToken);

    /// <summary>
    /// Polls <c>GET /social-import/jobs/:jobId</c> until the job has finished (<see cref="ImportJobStatus.IsTerminal"/>) and returns it.
    /// A failed job is returned, not thrown: check <see cref="ImportJob.Status"/> and <see cref="ImportJob.Error"/>.
    /// </summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="polling">Interval, back-off and timeout; default <see cref="AutoPersonasClientOptions.ImportPolling"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="PollingTimeoutException">Not finished within the polling timeout.</exception>
    /// <exception cref="AttentionException">A poll failed (429 and 503 are waited out and polled again).</exception>
    public virtual Task<ImportJob> WaitForImportJobFinishedAsync(string jobId, PollingOptions? polling = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        return Poller.PollUntilAsync(
            ct => GetJobAsync(jobId, ct),
            static job => job.Status is { IsTerminal: true },
            polling ?? _connection.Options.ImportPolling,
            _connection.TimeProvider,
            $"social import job {jobId} to finish",
            cancellationToken);
    }

    private Task<ImportJob> StartAsync(ApiEndpoint endpoint, SocialImportRequest? request, RequestOptions? requestOptions, CancellationToken cancellationToken) =>
        _connection.SendAsync(
            new ApiRequest(endpoint).WithOptionalJsonBody(request, ApJsonContext.Default.SocialImportRequest),
            ApJsonContext.Default.ImportJob,
            requestOptions,
            cancellationToken);

    private static bool IsGatedAnswer(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status is not (HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout);
}
