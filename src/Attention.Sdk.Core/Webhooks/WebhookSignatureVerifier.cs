using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Attention.Sdk.Webhooks;

/// <summary>
/// Verifies HMAC-SHA256 webhook signatures (<c>sha256=&lt;hex&gt;</c>, or the bare hex) over the <c>data</c> field of a
/// delivery, from the raw request body bytes. One pass over the body checks it is a well-formed delivery (one JSON object,
/// valid UTF-8, no repeated member or key at any depth, so no two parsers can read different content from it) and locates
/// <c>data</c>; the signature is checked over exactly that span. Compares in constant time, accepts several secrets at once
/// (rotation) and each canonical form of <c>data</c> (<see cref="WebhookCanonicalForm"/>). Never throws for bad input: it
/// returns a reason.
/// </summary>
public static class WebhookSignatureVerifier
{
    /// <summary>The signature header's scheme prefix (optional: a bare 64-character hex signature is accepted too).</summary>
    public const string SignaturePrefix = "sha256=";

    /// <summary>The default limit on a delivery body read from a stream: 1 MiB.</summary>
    public const int DefaultMaxBodyBytes = 1024 * 1024;

    private static readonly WebhookCanonicalForm[] s_canonicalForms =
        [WebhookCanonicalForm.SortedCompact, WebhookCanonicalForm.SortedPythonDefault, WebhookCanonicalForm.SortedCompactAscii];

    /// <summary>Verifies a delivery body (raw bytes as received) against the signature header and one or more secrets.</summary>
    /// <param name="body">The request body exactly as received: never a re-encoded string or a re-serialized object.</param>
    /// <param name="signatureHeader">The signature header value (for example <c>X-Webhook-Signature</c>).</param>
    /// <param name="secrets">The accepted secrets; during rotation pass the new and the old one.</param>
    public static WebhookVerificationResult Verify(ReadOnlySpan<byte> body, string? signatureHeader, IReadOnlyList<string> secrets) =>
        Verify(body, signatureHeader, secrets, out _);

    /// <summary>Verifies, and on success gives the envelope whose <c>data</c> span was the one verified (for the parsers built on this).</summary>
    internal static WebhookVerificationResult Verify(ReadOnlySpan<byte> body, string? signatureHeader, IReadOnlyList<string> secrets, out WebhookEnvelope envelope)
    {
        envelope = default;
        if (secrets is null || secrets.Count == 0)
        {
            return WebhookVerificationResult.Failure("No webhook secret is configured.");
        }

        for (var i = 0; i < secrets.Count; i++)
        {
            if (string.IsNullOrEmpty(secrets[i]))
            {
                return WebhookVerificationResult.Failure("One of the configured webhook secrets is empty.");
            }
        }

        Span<byte> expected = stackalloc byte[32];
        if (!TryParseSignature(signatureHeader, expected, out var reason))
        {
            return WebhookVerificationResult.Failure(reason);
        }

        if (!WebhookEnvelopeReader.TryRead(body, out var read, out reason))
        {
            return WebhookVerificationResult.Failure(reason);
        }

        // The raw text first: it is what a sender signing its own serialization produces, and the cheapest check.
        var data = read.Data(body);
        if (MatchesAny(secrets, data, expected) is { } rawIndex)
        {
            envelope = read;
            return WebhookVerificationResult.Success(WebhookCanonicalForm.Raw, rawIndex);
        }

        // The canonical forms are written from this same span: what matches is what the parser will deserialize.
        using var document = JsonDocument.Parse(data.ToArray());
        foreach (var form in s_canonicalForms)
        {
            var canonical = CanonicalJsonWriter.Write(document.RootElement, form);
            if (MatchesAny(secrets, canonical, expected) is { } index)
            {
                envelope = read;
                return WebhookVerificationResult.Success(form, index);
            }
        }

        return WebhookVerificationResult.Failure("The signature does not match the delivery for any configured secret: the body was altered or the secret is wrong.");
    }

    private static int? MatchesAny(IReadOnlyList<string> secrets, ReadOnlySpan<byte> data, ReadOnlySpan<byte> expected)
    {
        for (var i = 0; i < secrets.Count; i++)
        {
            if (Matches(secrets[i], data, expected))
            {
                return i;
            }
        }

        return null;
    }

    private static bool Matches(string secret, ReadOnlySpan<byte> data, ReadOnlySpan<byte> expected)
    {
        // A context kept keyed per thread: keying costs as much as hashing a delivery (see WebhookMacCache).
        Span<byte> mac = stackalloc byte[32];
        WebhookMacCache.Compute(secret, data, mac);
        return CryptographicOperations.FixedTimeEquals(mac, expected);
    }

    /// <summary>Verifies with a single secret.</summary>
    /// <param name="body">The request body exactly as received.</param>
    /// <param name="signatureHeader">The signature header value.</param>
    /// <param name="secret">The secret.</param>
    public static WebhookVerificationResult Verify(ReadOnlySpan<byte> body, string? signatureHeader, string secret) =>
        Verify(body, signatureHeader, [secret]);

    /// <summary>Reads the body from a stream (for example an ASP.NET Core request body), up to <see cref="DefaultMaxBodyBytes"/>, and verifies it.</summary>
    /// <param name="body">The request body stream.</param>
    /// <param name="signatureHeader">The signature header value.</param>
    /// <param name="secrets">The accepted secrets.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The result and the body read (empty when it was over the limit).</returns>
    public static Task<(WebhookVerificationResult Result, byte[] Body)> VerifyAsync(Stream body, string? signatureHeader, IReadOnlyList<string> secrets, CancellationToken cancellationToken = default) =>
        VerifyAsync(body, signatureHeader, secrets, DefaultMaxBodyBytes, contentLength: null, cancellationToken);

    /// <summary>
    /// Reads the body from a stream with a size limit and verifies it. A <paramref name="contentLength"/> over the limit is
    /// refused before anything is read; otherwise no more than <paramref name="maxBodyBytes"/> bytes are ever buffered.
    /// </summary>
    /// <param name="body">The request body stream.</param>
    /// <param name="signatureHeader">The signature header value.</param>
    /// <param name="secrets">The accepted secrets.</param>
    /// <param name="maxBodyBytes">The largest body accepted, in bytes.</param>
    /// <param name="contentLength">The request's <c>Content-Length</c>, when known.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The result (<see cref="WebhookVerificationResult.IsBodyTooLarge"/> when over the limit) and the body read.</returns>
    public static async Task<(WebhookVerificationResult Result, byte[] Body)> VerifyAsync(Stream body, string? signatureHeader, IReadOnlyList<string> secrets, int maxBodyBytes, long? contentLength, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBodyBytes, 1);
        var bytes = await WebhookBodyReader.ReadAsync(body, contentLength, maxBodyBytes, cancellationToken).ConfigureAwait(false);
        return bytes is null
            ? (WebhookVerificationResult.TooLarge(maxBodyBytes), [])
            : (Verify(bytes, signatureHeader, secrets), bytes);
    }

    private static bool TryParseSignature(string? header, Span<byte> signature, out string reason)
    {
        var value = header.AsSpan().Trim();
        if (value.IsEmpty)
        {
            reason = "The signature header is missing.";
            return false;
        }

        // The docs' reference code strips an optional "sha256=": a bare hex signature is the same signature.
        var hex = value.StartsWith(SignaturePrefix, StringComparison.OrdinalIgnoreCase) ? value[SignaturePrefix.Length..] : value;
        if (hex.Contains('='))
        {
            reason = "The signature header is neither 'sha256=<hex>' nor a bare hex signature.";
            return false;
        }

        if (hex.Length != 64)
        {
            reason = "The signature is not 64 hexadecimal characters.";
            return false;
        }

        for (var i = 0; i < 32; i++)
        {
            var high = HexValue(hex[2 * i]);
            var low = HexValue(hex[(2 * i) + 1]);
            if ((high | low) < 0)
            {
                reason = "The signature is not 64 hexadecimal characters.";
                return false;
            }

            signature[i] = (byte)((high << 4) | low);
        }

        reason = string.Empty;
        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
