using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Attention.Sdk.Webhooks;

namespace AttentionFactory.Webhooks;

/// <summary>
/// Verifies and parses Attention Factory webhook deliveries. Give it the raw request body (bytes or stream, never a re-encoded
/// string or re-serialized object) and the <c>X-Webhook-Signature</c> header; it checks the HMAC-SHA256 signature over the
/// <c>data</c> field with <see cref="WebhookSignatureVerifier"/> (constant time, every canonical form, several secrets during
/// rotation) and returns a typed event, or throws <see cref="WebhookVerificationException"/> saying why.
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
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _secrets = secrets.ToArray();
        if (_secrets.Length == 0 || _secrets.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("At least one non-empty webhook secret is required.", nameof(secrets));
        }
    }

    /// <summary>Verifies the delivery and returns its event.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="signatureHeader">The <c>X-Webhook-Signature</c> header value.</param>
    /// <exception cref="WebhookVerificationException">The delivery is not authentic or not a valid envelope.</exception>
    public WebhookEvent Parse(ReadOnlySpan<byte> body, string? signatureHeader)
    {
        var verification = WebhookSignatureVerifier.Verify(body, signatureHeader, _secrets);
        if (!verification.IsValid)
        {
            throw new WebhookVerificationException(verification.FailureReason ?? "The signature is invalid.");
        }

        return ParseEnvelope(body, checkConsistency: true);
    }

    /// <summary>Reads the whole body from a stream (for example <c>HttpRequest.Body</c>), verifies it and returns its event.</summary>
    /// <param name="body">The request body stream.</param>
    /// <param name="signatureHeader">The <c>X-Webhook-Signature</c> header value.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="WebhookVerificationException">The delivery is not authentic or not a valid envelope.</exception>
    public async Task<WebhookEvent> ParseAsync(Stream body, string? signatureHeader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), signatureHeader);
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
    /// your own tests. Never use it on requests from the network.
    /// </summary>
    /// <exception cref="WebhookVerificationException">The body is not a valid envelope.</exception>
    public static WebhookEvent ParseWithoutVerifying(ReadOnlySpan<byte> body) => ParseEnvelope(body, checkConsistency: false);

    private static WebhookEvent ParseEnvelope(ReadOnlySpan<byte> body, bool checkConsistency)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException ex)
        {
            throw new WebhookVerificationException($"The delivery body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new WebhookVerificationException("The delivery body is not a JSON object.");
            }

            if (WebhookEvent.ReadString(root, "event") is not { Length: > 0 } name)
            {
                throw new WebhookVerificationException("The delivery has no 'event' name.");
            }

            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                throw new WebhookVerificationException("The delivery has no 'data' object.");
            }

            DateTimeOffset? timestamp = WebhookEvent.ReadString(root, "timestamp") is { } text
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : null;
            var type = WebhookEventType.FromValue(name);
            if (type.IsActionEvent)
            {
                // The signature covers only 'data': an action event's name must agree with the signed status.
                if (checkConsistency && WebhookEvent.ReadString(data, "status") is { } status && !string.Equals(status, name["action.".Length..], StringComparison.Ordinal))
                {
                    throw new WebhookVerificationException($"The event name '{name}' does not match the signed status '{status}'.");
                }

                return new ActionWebhookEvent(type, timestamp, data);
            }

            return type.IsRentalEvent ? new RentalWebhookEvent(type, timestamp, data) : new WebhookEvent(type, timestamp, data);
        }
    }
}
