using System.Text;
using System.Text.Json.Nodes;
using Attention.Sandbox.Hosting;
using Attention.Sdk.Webhooks;

namespace Attention.Sandbox.Factory;

internal sealed record PendingDelivery(WebhookRecord Webhook, string EventName, JsonObject Data, DateTimeOffset At);

/// <summary>
/// Delivers webhook events the way Attention Factory documents: an envelope with <c>event</c>, <c>timestamp</c> and
/// <c>data</c>, signed in <c>X-Webhook-Signature</c> as HMAC-SHA256 of <c>data</c> with sorted keys. Deliveries are
/// sent in order per webhook, in the background, and recorded for the deliveries endpoint.
/// </summary>
internal sealed class FactoryWebhookDispatcher(HttpClient http) : IDisposable
{
    private readonly SemaphoreSlim _order = new(1, 1);

    public void Dispatch(List<PendingDelivery> deliveries)
    {
        if (deliveries.Count == 0)
        {
            return;
        }

        var batch = deliveries.ToArray();
        _ = Task.Run(async () =>
        {
            await _order.WaitAsync().ConfigureAwait(false);
            try
            {
                foreach (var delivery in batch)
                {
                    await SendAsync(delivery).ConfigureAwait(false);
                }
            }
            finally
            {
                _order.Release();
            }
        });
    }

    private async Task SendAsync(PendingDelivery delivery)
    {
        var dataText = CanonicalJsonWriter.Write(System.Text.Json.JsonDocument.Parse(delivery.Data.ToJsonString()).RootElement, WebhookCanonicalForm.SortedCompact);
        var body = $"{{\"event\":\"{delivery.EventName}\",\"timestamp\":\"{SandboxHttp.Timestamp(delivery.At)}\",\"data\":{Encoding.UTF8.GetString(dataText)}}}";
        var record = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["event"] = delivery.EventName,
            ["created_at"] = SandboxHttp.Timestamp(delivery.At),
        };
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Webhook.Url)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("X-Webhook-Signature", WebhookSigner.Sign(dataText, delivery.Webhook.Secret));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            record["status_code"] = (int)response.StatusCode;
            record["success"] = response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            record["status_code"] = null;
            record["success"] = false;
            record["error"] = ex.GetType().Name;
        }

        lock (delivery.Webhook.Deliveries)
        {
            delivery.Webhook.Deliveries.Add(record);
        }
    }

    public void Dispose() => _order.Dispose();
}
