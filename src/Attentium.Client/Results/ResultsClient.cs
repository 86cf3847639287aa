using Attention.Sdk.Http;
using Attention.Sdk.Polling;
using Attentium.Campaigns;

namespace Attentium.Results;

/// <summary>Campaign results, read with the campaign's secret read key (sent as <c>?key=</c>, redacted from the SDK's logs and messages).</summary>
public class ResultsClient
{
    private readonly ApiConnection _connection = null!;
    private readonly AttentiumClientOptions _options = null!;

    internal ResultsClient(ApiConnection connection, AttentiumClientOptions options)
    {
        _connection = connection;
        _options = options;
    }

    /// <summary>For mocking.</summary>
    protected ResultsClient()
    {
    }

    /// <summary><c>GET /v1/campaigns/{tx_hash}/results?key=</c>.</summary>
    /// <param name="txHash">The campaign's transaction hash (<see cref="CampaignKeys.TxHash"/>).</param>
    /// <param name="readKey">The campaign's read key (<see cref="CampaignKeys.ReadKey"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An argument is empty (nothing was sent).</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<CampaignResults> GetAsync(string txHash, string readKey, CancellationToken cancellationToken = default) =>
        GetAsync(txHash, readKey, null, cancellationToken);

    /// <summary>Reads campaign results with per-call options; otherwise as <see cref="GetAsync(string, string, CancellationToken)"/>.</summary>
    /// <param name="txHash">The campaign's transaction hash (<see cref="CampaignKeys.TxHash"/>).</param>
    /// <param name="readKey">The campaign's read key (<see cref="CampaignKeys.ReadKey"/>).</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call. Attentium de-duplicates nothing by <c>Idempotency-Key</c>, so a key is refused.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An argument is empty, or an idempotency key was given (Attentium honours none): nothing was sent.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<CampaignResults> GetAsync(string txHash, string readKey, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(txHash);
        if (string.IsNullOrWhiteSpace(readKey))
        {
            throw new ArgumentException("The read key is required.", nameof(readKey));
        }

        return _connection.SendAsync(
            new ApiRequest(AttentiumEndpoints.GetCampaignResults).WithPath("tx_hash", txHash).WithQuery("key", readKey),
            AttentiumJsonContext.Default.CampaignResults,
            requestOptions,
            cancellationToken);
    }

    /// <summary>Reads the results of the campaign the keys belong to.</summary>
    /// <param name="keys">The keys <see cref="CampaignsClient.CreateAsync"/> returned.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The keys lack a tx hash or read key.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed.</exception>
    public virtual Task<CampaignResults> GetAsync(CampaignKeys keys, CancellationToken cancellationToken = default) =>
        GetAsync(keys, null, cancellationToken);

    /// <summary>Reads the results of the campaign the keys belong to, with per-call options; otherwise as <see cref="GetAsync(CampaignKeys, CancellationToken)"/>.</summary>
    /// <param name="keys">The keys <see cref="CampaignsClient.CreateAsync"/> returned.</param>
    /// <param name="requestOptions">Per-call options (extra headers); after the call, <see cref="RequestOptions.Response"/>. Null: the plain call. Attentium de-duplicates nothing by <c>Idempotency-Key</c>, so a key is refused.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The keys lack a tx hash or read key, or an idempotency key was given: nothing was sent.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">The call failed (as the plain overload).</exception>
    public virtual Task<CampaignResults> GetAsync(CampaignKeys keys, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return GetAsync(keys.TxHash!, keys.ReadKey!, requestOptions, cancellationToken);
    }

    /// <summary>Polls the results until every verifier answered (or the campaign expired), within <see cref="AttentiumClientOptions.ResultsPolling"/>.</summary>
    /// <param name="txHash">The campaign's transaction hash.</param>
    /// <param name="readKey">The campaign's read key.</param>
    /// <param name="polling">Overrides the client's polling options.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="PollingTimeoutException">Not complete in time.</exception>
    /// <exception cref="Attention.Sdk.AttentionException">A call failed.</exception>
    public virtual Task<CampaignResults> WaitForCampaignFinishedAsync(string txHash, string readKey, PollingOptions? polling = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(txHash);
        ArgumentException.ThrowIfNullOrWhiteSpace(readKey);
        return Poller.PollUntilAsync(
            ct => GetAsync(txHash, readKey, ct),
            r => r.IsComplete || r.Status == CampaignStatus.Expired,
            polling ?? _options.ResultsPolling,
            _options.TimeProvider,
            $"campaign {txHash} to complete",
            cancellationToken);
    }
}
