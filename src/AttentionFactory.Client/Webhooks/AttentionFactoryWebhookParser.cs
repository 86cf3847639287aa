using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Attention.Sdk.Webhooks;

namespace AttentionFactory.Webhooks;

/// <summary>
/// Verifies and parses Attention Factory webhook deliveries. Give it the raw request body (bytes or stream, never a re-encoded
/// string or re-serialized object) and the <c>X-Webhook-Signature</c> header; it checks the HMAC-SHA256 signature over the
/// <c>data</c> field with <see cref="WebhookSignatureVerifier"/> (constant time, every canonical form, several secrets during
/// rotation), turns exactly the verified <c>data</c> bytes into a typed event, and refuses an event name the signed data
/// contradicts. Failures throw <see cref="WebhookVerificationException"/> saying why.
/// </summary>
public sealed class AttentionFactoryWebhookParser
{
    /// <summary>The header carrying the signature.</summary>
    public const string SignatureHeaderName = "X-Webhook-Signature";

    private readonly string[] _secrets;

    /// <summary>Creates a parser that accepts deliveries signed with the secret.</summary>
    /// <param name="secret">The webhook's signing secret.</param>
    public AttentionFactoryWebhookParser(string secret)
        : this([secret])
    {
    }

    /// <summary>Creates a parser that accepts deliveries signed with any of the secrets (during rotation pass the new and the old one).</summary>
    /// <param name="secrets">One or more signing secrets.</param>
    /// <exception cref="ArgumentException">No secret, or an empty one.</exception>
    public AttentionFactoryWebhookParser(IEnumerable<string> secrets)
        : this(SecretsOnly(secrets))
    {
    }

    /// <summary>Creates a parser from receiver options (secrets and body size limit), as the DI registration does.</summary>
    /// <param name="options">The options; copied, so later changes do not affect this parser.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message lists why, never a secret).</exception>
    public AttentionFactoryWebhookParser(WebhookReceiverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _secrets = [.. options.Secrets];
        MaxBodyBytes = options.MaxBodyBytes;
    }

    /// <summary>The largest body <see cref="ParseAsync(Stream, string?, long?, CancellationToken)"/> reads, in bytes.</summary>
    public int MaxBodyBytes { get; }

    /// <summary>Verifies the delivery and returns its event.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="signatureHeader">The <c>X-Webhook-Signature</c> header value.</param>
    /// <exception cref="WebhookVerificationException">The delivery is not authentic, not a well-formed envelope, or its event name contradicts its signed data.</exception>
    public WebhookEvent Parse(ReadOnlySpan<byte> body, string? signatureHeader)
    {
        var verification = WebhookSignatureVerifier.Verify(body, signatureHeader, _secrets, out var envelope);
        if (!verification.IsValid)
        {
            throw new WebhookVerificationException(verification.FailureReason ?? "The signature is invalid.");
        }

        return CreateEvent(body, envelope, checkConsistency: true);
    }

    /// <summary>Reads the body from a stream (for example <c>HttpRequest.Body</c>) up to <see cref="MaxBodyBytes"/>, verifies it and returns its event.</summary>
    /// <param name="body">The request body stream.</param>
    /// <param name="signatureHeader">The <c>X-Webhook-Signature</c> header value.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="WebhookBodyTooLargeException">The body is over <see cref="MaxBodyBytes"/>.</exception>
    /// <exception cref="WebhookVerificationException">The delivery is rejected.</exception>
    public Task<WebhookEvent> ParseAsync(Stream body, string? signatureHeader, CancellationToken cancellationToken = default) =>
        ParseAsync(body, signatureHeader, contentLength: null, cancellationToken);

    /// <summary>
    /// Reads the body from a stream up to <see cref="MaxBodyBytes"/>, verifies it and returns its event. A
    /// <paramref name="contentLength"/> over the limit is refused before anything is read, and no more than the limit is ever buffered.
    /// </summary>
    /// <param name="body">The request body stream.</param>
    /// <param name="signatureHeader">The <c>X-Webhook-Signature</c> header value.</param>
    /// <param name="contentLength">The request's <c>Content-Length</c> (for example <c>HttpRequest.ContentLength</c>), when known.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="WebhookBodyTooLargeException">The body is over <see cref="MaxBodyBytes"/>.</exception>
    /// <exception cref="WebhookVerificationException">The delivery is rejected.</exception>
    public async Task<WebhookEvent> ParseAsync(Stream body, string? signatureHeader, long? contentLength, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bytes = await WebhookBodyReader.ReadAsync(body, contentLength, MaxBodyBytes, cancellationToken).ConfigureAwait(false)
            ?? throw new WebhookBodyTooLargeException(MaxBodyBytes);
        return Parse(bytes, signatureHeader);
    }

    /// <summary>Verifies and parses without throwing. (Not named <c>TryParse</c>: ASP.NET Core minimal APIs would take the parser for a route value type.)</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="signatureHeader">The <c>X-Webhook-Signature</c> header value.</param>
    /// <param name="webhookEvent">The event, when authentic.</param>
    /// <param name="failureReason">Why it was rejected, otherwise.</param>
    public bool TryParseEvent(ReadOnlySpan<byte> body, string? signatureHeader, [NotNullWhen(true)] out WebhookEvent? webhookEvent, [NotNullWhen(false)] out string? failureReason)
    {
        try
        {
            webhookEvent = Parse(body, signatureHeader);
            failureReason = null;
            return true;
        }
        catch (WebhookVerificationException ex)
        {
            webhookEvent = null;
            failureReason = ex.Reason;
            return false;
        }
    }

    /// <summary>
    /// Parses a delivery envelope WITHOUT verifying its signature: only for payloads already verified elsewhere or produced by
    /// your own tests. Never use it on requests from the network. The envelope is still checked (one object, no repeated member or key).
    /// </summary>
    /// <exception cref="WebhookVerificationException">The body is not a well-formed envelope.</exception>
    public static WebhookEvent ParseWithoutVerifying(ReadOnlySpan<byte> body)
    {
        if (!WebhookEnvelopeReader.TryRead(body, out var envelope, out var reason))
        {
            throw new WebhookVerificationException(reason);
        }

        return CreateEvent(body, envelope, checkConsistency: false);
    }

    private static WebhookReceiverOptions SecretsOnly(IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var list = secrets.ToList();
        if (list.Count == 0 || list.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("At least one non-empty webhook secret is required.", nameof(secrets));
        }

        return new WebhookReceiverOptions { Secrets = list };
    }

    /// <summary>Deserializes the located <c>data</c> span (the one that was verified) and the envelope strings read in the same pass.</summary>
    private static WebhookEvent CreateEvent(ReadOnlySpan<byte> body, WebhookEnvelope envelope, bool checkConsistency)
    {
        if (envelope.EventName(body) is not { Length: > 0 } name)
        {
            throw new WebhookVerificationException("The delivery has no 'event' name.");
        }

        using var document = JsonDocument.Parse(envelope.Data(body).ToArray());
        var data = document.RootElement;
        var type = WebhookEventType.FromValue(name);
        if (checkConsistency && WebhookEventConsistency.FindContradiction(type, data) is { } contradiction)
        {
            throw new WebhookVerificationException(contradiction);
        }

        DateTimeOffset? timestamp = envelope.TimestampText(body) is { } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
        return WebhookEvent.Create(type, timestamp, data);
    }
}
