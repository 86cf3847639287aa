using Attention.Sdk;
using Attention.Sdk.Http;
using Attention.Sdk.Polling;

namespace AutoPersonas.Batches;

/// <summary>Generation batches: get the status of one and wait until it finishes.</summary>
public class BatchesClient
{
    private readonly ApConnection _connection = null!;

    internal BatchesClient(ApConnection connection) => _connection = connection;

    /// <summary>For mocking.</summary>
    protected BatchesClient()
    {
    }

    /// <summary>Gets a generation batch's status (<c>GET /batches/:id</c>, scope <c>content:read</c>).</summary>
    /// <param name="batchId">The batch id (from <see cref="Content.GenerationStarted.EffectiveBatchId"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="AttentionNotFoundException">404: no such batch.</exception>
    /// <exception cref="AttentionException">Any other failure.</exception>
    public virtual Task<GenerationBatch> GetAsync(string batchId, CancellationToken cancellationToken = default) =>
        GetAsync(batchId, null, cancellationToken);

    /// <summary>Gets a generation batch's status with per-call options; otherwise as <see cref="GetAsync(string, CancellationToken)"/>.</summary>
    /// <param name="batchId">The batch id (from <see cref="Content.GenerationStarted.EffectiveBatchId"/>).</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The id is empty, or an idempotency key was given (AutoPersonas documents no de-duplication): nothing was sent.</exception>
    /// <exception cref="AttentionNotFoundException">404: no such batch.</exception>
    /// <exception cref="AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<GenerationBatch> GetAsync(string batchId, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(new ApiRequest(AutoPersonasEndpoints.GetBatch).WithPath("id", batchId), ApJsonContext.Default.GenerationBatch, requestOptions, cancellationToken);

    /// <summary>
    /// Polls <c>GET /batches/:id</c> until the batch is terminal (<see cref="BatchStatus.IsTerminal"/>) and returns it. A failed,
    /// partial or cancelled batch is returned, not thrown: check <see cref="GenerationBatch.Status"/>. Each poll is one request
    /// against the 60-per-minute budget.
    /// </summary>
    /// <param name="batchId">The batch id.</param>
    /// <param name="polling">Interval, back-off and timeout; default <see cref="AutoPersonasClientOptions.BatchPolling"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="PollingTimeoutException">Still running after the polling timeout (<see cref="PollingTimeoutException.LastValue"/> holds the last batch seen).</exception>
    /// <exception cref="AttentionException">A poll failed (429 and 503 are waited out and polled again).</exception>
    public virtual Task<GenerationBatch> WaitForBatchFinishedAsync(string batchId, PollingOptions? polling = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        return Poller.PollUntilAsync(
            ct => GetAsync(batchId, ct),
            static batch => batch.Status.IsTerminal,
            polling ?? _connection.Options.BatchPolling,
            _connection.TimeProvider,
            $"generation batch {batchId} to finish",
            cancellationToken);
    }
}
