using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Attention.Sdk.Webhooks;

/// <summary>
/// Computes <c>sha256=&lt;hex&gt;</c> signatures the way a sender does, so customers can sign deliveries in their own tests
/// (and the sandbox can sign the ones it sends).
/// </summary>
public static class WebhookSigner
{
    /// <summary>Signs the given bytes (the <c>data</c> text) with the secret.</summary>
    public static string Sign(ReadOnlySpan<byte> data, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data, mac);
        return WebhookSignatureVerifier.SignaturePrefix + Convert.ToHexString(mac).ToLowerInvariant();
    }

    /// <summary>Signs a <c>data</c> value in the given canonical form (for <see cref="WebhookCanonicalForm.Raw"/>, its raw text).</summary>
    public static string Sign(JsonElement data, string secret, WebhookCanonicalForm form = WebhookCanonicalForm.SortedCompact)
    {
        var bytes = form == WebhookCanonicalForm.Raw
            ? Encoding.UTF8.GetBytes(data.GetRawText())
            : CanonicalJsonWriter.Write(data, form);
        return Sign(bytes, secret);
    }
}
