using System.Text;
using System.Text.Json.Nodes;
using Attention.Sandbox.Hosting;
using Attention.Sdk.Webhooks;

namespace Attention.Sandbox.Factory;

internal sealed record PendingDelivery(WebhookRecord Webhook, string EventName, JsonObject Data, DateTimeOffset At);

/// <summary>
/// Delivers webhook events the way Attention Factory documents: an envelope with <c>event</c>, <c>timestamp</c> and
/// <c>data</c>, signed in <c>X-Webhook-Signature</c> as HMAC-SHA256 of <c>data</c> with sorted keys. First attempts go out in
/// order per batch, in the background; an answer other than 2xx (or none) is retried after each of
/// <see cref="AttentionSandboxOptions.WebhookRetryDelays"/>, as a real sender backs off. Every attempt is recorded for the
/// deliveries endpoint and offered to whoever awaits the next delivery.
/// </summary>
internal sealed class FactoryWebhookDispatcher(HttpClient http, AttentionSandboxOptions options) : IDisposable
{
    private readonly SemaphoreSlim _order = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private readonly List<(Func<SandboxWebhookDelivery, bool> Matches, TaskCompletionSource<SandboxWebhookDelivery> Waiter)> _waiters = [];
    private readonly Dictionary<string, Envelope> _sent = new(StringComparer.Ordinal);

    public void Dispatch(List<PendingDelivery> deliveries)
    {
        if (deliveries.Count == 0)
        {
            return;
        }

        var batch = deliveries.Select(Envelope.Create).ToArray();
        _ = Task.Run(() => SendInOrderAsync(batch));
    }

    private async Task SendInOrderAsync(Envelope[] batch)
    {
        try
        {
            await _order.WaitAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        try
        {
            foreach (var envelope in batch)
            {
                lock (_gate)
                {
                    _sent[envelope.DeliveryId] = envelope;
                }

                var first = await SendAsync(envelope, attempt: 1).ConfigureAwait(false);
                if (!first.Succeeded)
                {
                    _ = RetryAsync(envelope);
                }
            }
        }
        finally
        {
            _order.Release();
        }
    }

    /// <summary>A task that completes with the next attempt (from now on) matching <paramref name="matches"/>.</summary>
    public Task<SandboxWebhookDelivery> NextAsync(Func<SandboxWebhookDelivery, bool> matches, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<SandboxWebhookDelivery>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((matches, waiter));
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() =>
            {
                lock (_gate)
                {
                    _waiters.RemoveAll(w => w.Waiter == waiter);
                }

                waiter.TrySetCanceled(cancellationToken);
            });
            _ = waiter.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return waiter.Task;
    }

    /// <summary>Sends a delivery again (one attempt, signed with the webhook's current secret); null when the id is unknown.</summary>
    public async Task<SandboxWebhookDelivery?> RedeliverAsync(string deliveryId, CancellationToken cancellationToken)
    {
        Envelope? envelope;
        lock (_gate)
        {
            _sent.TryGetValue(deliveryId, out envelope);
        }

        if (envelope is null)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return await SendAsync(envelope, envelope.NextAttempt()).ConfigureAwait(false);
    }

    private async Task RetryAsync(Envelope envelope)
    {
        foreach (var delay in options.WebhookRetryDelays)
        {
            try
            {
                await Task.Delay(delay, options.TimeProvider, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (envelope.Webhook.Deleted || (await SendAsync(envelope, envelope.NextAttempt()).ConfigureAwait(false)).Succeeded)
            {
                return;
            }
        }
    }

    private async Task<SandboxWebhookDelivery> SendAsync(Envelope envelope, int attempt)
    {
        var signature = WebhookSigner.Sign(envelope.SignedData, envelope.Webhook.Secret);
        int? status = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, envelope.Webhook.Url)
            {
                Content = new StringContent(envelope.Body, Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("X-Webhook-Signature", signature);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            error = ex.GetType().Name;
        }

        var result = new SandboxWebhookDelivery(envelope.DeliveryId, envelope.Webhook.Id, new Uri(envelope.Webhook.Url), envelope.EventName, envelope.Body, signature, attempt, status, error);
        Record(envelope, result);
        Offer(result);
        return result;
    }

    private static void Record(Envelope envelope, SandboxWebhookDelivery result)
    {
        lock (envelope.Webhook.Deliveries)
        {
            var record = envelope.Webhook.Deliveries.FirstOrDefault(d => (string?)d["id"] == envelope.DeliveryId);
            if (record is null)
            {
                record = new JsonObject { ["id"] = envelope.DeliveryId, ["event"] = envelope.EventName, ["created_at"] = SandboxHttp.Timestamp(envelope.At) };
                envelope.Webhook.Deliveries.Add(record);
            }

            record["attempts"] = result.Attempt;
            record["status_code"] = result.StatusCode;
            record["success"] = result.Succeeded;
            record["status"] = result.Succeeded ? "succeeded" : "failed";
            record["error"] = result.Error;
        }
    }

    private void Offer(SandboxWebhookDelivery result)
    {
        List<TaskCompletionSource<SandboxWebhookDelivery>> ready = [];
        lock (_gate)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Matches(result))
                {
                    ready.Add(_waiters[i].Waiter);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var waiter in ready)
        {
            waiter.TrySetResult(result);
        }
    }

    /// <summary>Stops pending retries and in-flight sends. (The token source and semaphore stay undisposed: background sends may still touch them.)</summary>
    public void Dispose() => _stopping.Cancel();

    /// <summary>One delivery: its id and the exact bytes every attempt sends.</summary>
    private sealed class Envelope
    {
        private int _attempts = 1;

        public required string DeliveryId { get; init; }

        public required WebhookRecord Webhook { get; init; }

        public required string EventName { get; init; }

        public required DateTimeOffset At { get; init; }

        public required byte[] SignedData { get; init; }

        public required string Body { get; init; }

        public int NextAttempt() => Interlocked.Increment(ref _attempts);

        public static Envelope Create(PendingDelivery delivery)
        {
            var data = CanonicalJsonWriter.Write(System.Text.Json.JsonDocument.Parse(delivery.Data.ToJsonString()).RootElement, WebhookCanonicalForm.SortedCompact);
            return new Envelope
            {
                DeliveryId = Guid.NewGuid().ToString(),
                Webhook = delivery.Webhook,
                EventName = delivery.EventName,
                At = delivery.At,
                SignedData = data,
                Body = $"{{\"event\":\"{delivery.EventName}\",\"timestamp\":\"{SandboxHttp.Timestamp(delivery.At)}\",\"data\":{Encoding.UTF8.GetString(data)}}}",
            };
        }
    }
}
