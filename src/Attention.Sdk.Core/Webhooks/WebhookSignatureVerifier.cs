using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Attention.Sdk.Webhooks;

/// <summary>
/// Verifies HMAC-SHA256 webhook signatures (<c>sha256=&lt;hex&gt;</c>) over the <c>data</c> field of a delivery, from the
/// raw request body bytes. Compares in constant time, accepts several secrets at once (rotation) and each canonical
/// form of <c>data</c> (<see cref="WebhookCanonicalForm"/>). Never throws for bad input: it returns a reason.
/// </summary>
public static class WebhookSignatureVerifier
{
    /// <summary>The signature header's scheme prefix.</summary>
    public const string SignaturePrefix = "sha256=";

    private static readonly WebhookCanonicalForm[] s_canonicalForms =
        [WebhookCanonicalForm.SortedCompact, WebhookCanonicalForm.SortedPythonDefault, WebhookCanonicalForm.SortedCompactAscii];

    /// <summary>Verifies a delivery body (raw bytes as received) against the signature header and one or more secrets.</summary>
    /// <param name="body">The request body exactly as received: never a re-encoded string or a re-serialized object.</param>
    /// <param name="signatureHeader">The signature header value (for example <c>X-Webhook-Signature</c>).</param>
    /// <param name="secrets">The accepted secrets; during rotation pass the new and the old one.</param>
    public static WebhookVerificationResult Verify(ReadOnlySpan<byte> body, string? signatureHeader, IReadOnlyList<string> secrets)
    {
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

        // Fast path: when data is the envelope's last member, its raw text runs to the closing brace and needs no scan.
        // Only the signed bytes decide: a match proves they are exactly what the sender signed (the envelope's other
        // members are not covered by the signature in any form).
        if (WebhookPayloadReader.TryFindDataAsLastMember(body, out var lastStart, out var lastLength)
            && MatchesAny(secrets, body.Slice(lastStart, lastLength), expected) is { } fastIndex)
        {
            return WebhookVerificationResult.Success(WebhookCanonicalForm.Raw, fastIndex);
        }

        if (!WebhookPayloadReader.TryFindData(body, out var dataStart, out var dataLength, out reason))
        {
            return WebhookVerificationResult.Failure(reason);
        }

        // The raw text first: it is what a sender signing its own serialization produces, and the cheapest check.
        var raw = body.Slice(dataStart, dataLength);
        if ((dataStart != lastStart || dataLength != lastLength) && MatchesAny(secrets, raw, expected) is { } rawIndex)
        {
            return WebhookVerificationResult.Success(WebhookCanonicalForm.Raw, rawIndex);
        }

        using var document = JsonDocument.Parse(raw.ToArray());
        foreach (var form in s_canonicalForms)
        {
            var canonical = CanonicalJsonWriter.Write(document.RootElement, form);
            for (var i = 0; i < secrets.Count; i++)
            {
                if (Matches(secrets[i], canonical, expected))
                {
                    return WebhookVerificationResult.Success(form, i);
                }
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
        // Secrets are short; encoding them on the stack keeps verification allocation-free.
        var length = Encoding.UTF8.GetMaxByteCount(secret.Length);
        var key = length <= 256 ? stackalloc byte[length] : new byte[length];
        key = key[..Encoding.UTF8.GetBytes(secret, key)];
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, data, mac);
        var equal = CryptographicOperations.FixedTimeEquals(mac, expected);
        CryptographicOperations.ZeroMemory(key);
        return equal;
    }

    /// <summary>Verifies with a single secret.</summary>
    public static WebhookVerificationResult Verify(ReadOnlySpan<byte> body, string? signatureHeader, string secret) =>
        Verify(body, signatureHeader, [secret]);

    /// <summary>Reads the whole body from a stream (for example an ASP.NET Core request body) and verifies it.</summary>
    public static async Task<(WebhookVerificationResult Result, byte[] Body)> VerifyAsync(Stream body, string? signatureHeader, IReadOnlyList<string> secrets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var bytes = buffer.ToArray();
        return (Verify(bytes, signatureHeader, secrets), bytes);
    }

    private static bool TryParseSignature(string? header, Span<byte> signature, out string reason)
    {
        var value = header.AsSpan().Trim();
        if (value.IsEmpty)
        {
            reason = "The signature header is missing.";
            return false;
        }

        if (!value.StartsWith(SignaturePrefix, StringComparison.OrdinalIgnoreCase))
        {
            reason = "The signature header does not start with 'sha256='.";
            return false;
        }

        var hex = value[SignaturePrefix.Length..];
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
