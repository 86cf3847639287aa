using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Attention.Sdk.Webhooks;

namespace AttentionFactory.Webhooks;

/// <summary>
/// A genuinely signed Attention Factory delivery (envelope body plus headers), built the way the sender builds one, for your
/// own tests: post it to your endpoint, or give <see cref="Body"/> and <see cref="Signature"/> to your handler. The secret is
/// used to sign and is not kept.
/// </summary>
public sealed class SignedWebhookDelivery
{
    private readonly byte[] _body;

    private SignedWebhookDelivery(WebhookEventType eventType, byte[] body, string signature)
    {
        EventType = eventType;
        _body = body;
        Signature = signature;
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [AttentionFactoryWebhookParser.SignatureHeaderName] = signature,
            ["Content-Type"] = "application/json",
        };
    }

    /// <summary>The event name.</summary>
    public WebhookEventType EventType { get; }

    /// <summary>The request body: <c>{"event":...,"timestamp":...,"data":{...}}</c> as UTF-8.</summary>
    public ReadOnlyMemory<byte> Body => _body;

    /// <summary>The body as text.</summary>
    public string BodyText => Encoding.UTF8.GetString(_body);

    /// <summary>The <c>X-Webhook-Signature</c> value (<c>sha256=&lt;hex&gt;</c>).</summary>
    public string Signature { get; }

    /// <summary>The request headers: <c>X-Webhook-Signature</c> and <c>Content-Type: application/json</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>
    /// Builds and signs a delivery. The <c>data</c> sent is sorted compact JSON signed in <paramref name="form"/>, or with
    /// <see cref="WebhookCanonicalForm.Raw"/> your <paramref name="dataJson"/> text exactly, signed as is.
    /// </summary>
    /// <param name="eventType">The event name (for example <see cref="WebhookEventType.ActionVerified"/>).</param>
    /// <param name="dataJson">The <c>data</c> object as JSON; for <c>action.*</c> and <c>rental.*</c> events it carries the matching <c>status</c>.</param>
    /// <param name="secret">The signing secret your receiver is configured with.</param>
    /// <param name="timestamp">The envelope's timestamp; default: now.</param>
    /// <param name="form">The byte form the signature covers; default: sorted compact, as the sender documents.</param>
    /// <exception cref="ArgumentException">The data is not one JSON object without repeated keys, or it contradicts the event name (a delivery the parser would refuse).</exception>
    public static SignedWebhookDelivery Create(WebhookEventType eventType, string dataJson, string secret, DateTimeOffset? timestamp = null, WebhookCanonicalForm form = WebhookCanonicalForm.SortedCompact)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType.Value, nameof(eventType));
        ArgumentNullException.ThrowIfNull(dataJson);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        byte[] data;
        string signature;
        try
        {
            using var document = JsonDocument.Parse(dataJson);
            data = form == WebhookCanonicalForm.Raw
                ? Encoding.UTF8.GetBytes(dataJson.Trim())
                : CanonicalJsonWriter.Write(document.RootElement, WebhookCanonicalForm.SortedCompact);
            signature = form == WebhookCanonicalForm.Raw ? WebhookSigner.Sign(data, secret) : WebhookSigner.Sign(document.RootElement, secret, form);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The data is not valid JSON: {ex.Message}", nameof(dataJson), ex);
        }

        var body = WriteEnvelope(eventType, timestamp ?? DateTimeOffset.UtcNow, data);
        if (!WebhookEnvelopeReader.TryRead(body, out var envelope, out var reason))
        {
            throw new ArgumentException(reason, nameof(dataJson));
        }

        using (var parsed = JsonDocument.Parse(envelope.Data(body).ToArray()))
        {
            if (WebhookEventConsistency.FindContradiction(eventType, parsed.RootElement) is { } contradiction)
            {
                throw new ArgumentException(contradiction, nameof(dataJson));
            }
        }

        return new SignedWebhookDelivery(eventType, body, signature);
    }

    /// <summary>A POST of this delivery to <paramref name="requestUri"/>, with its headers.</summary>
    /// <param name="requestUri">Your endpoint (absolute, or relative to the <see cref="HttpClient"/>'s base address).</param>
    public HttpRequestMessage ToHttpRequestMessage(Uri requestUri)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        var content = new ByteArrayContent(_body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, requestUri) { Content = content };
        request.Headers.TryAddWithoutValidation(AttentionFactoryWebhookParser.SignatureHeaderName, Signature);
        return request;
    }

    /// <summary>A POST of this delivery to <paramref name="requestUri"/>, with its headers.</summary>
    /// <param name="requestUri">Your endpoint (absolute, or relative to the <see cref="HttpClient"/>'s base address).</param>
    public HttpRequestMessage ToHttpRequestMessage(string requestUri)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestUri);
        return ToHttpRequestMessage(new Uri(requestUri, UriKind.RelativeOrAbsolute));
    }

    /// <summary>The event and the body's size.</summary>
    public override string ToString() => $"SignedWebhookDelivery {{ Event = {EventType}, Body = {_body.Length} bytes }}";

    private static byte[] WriteEnvelope(WebhookEventType eventType, DateTimeOffset timestamp, byte[] data)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(data.Length + 128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("event", eventType.Value);
            writer.WriteString("timestamp", timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WritePropertyName("data");
            writer.WriteRawValue(data);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
