using System.Text;

namespace Attention.Sdk.Telemetry;

/// <summary>
/// Redaction by allow-list: only headers and query parameters known to be harmless are printed; every other value
/// shows as <c>***</c>. So <c>Authorization</c>, API keys, webhook secrets and <c>key</c>/<c>read_key</c> never reach a log.
/// </summary>
public static class LogRedactor
{
    /// <summary>The text shown instead of a redacted value.</summary>
    public const string Redacted = "***";

    private static readonly HashSet<string> s_safeHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Content-Type", "Content-Length", "User-Agent", "Idempotency-Key", "Retry-After", "Date",
        "X-Request-Id", "Request-Id", "X-Correlation-Id", "X-Campaign-Id", "X-Solana-Tx-Signature", "X-Agent-Key",
        "Location", "Cache-Control", "Server",
    };

    private static readonly HashSet<string> s_safeQueryNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "status", "duration", "platform", "limit", "page", "per_page", "offset", "cursor", "sort", "order",
        "from", "to", "period", "type", "profileId", "influencerId", "userPubkey",
    };

    /// <summary>Whether a header's value may be logged.</summary>
    public static bool IsSafeHeader(string name) => s_safeHeaders.Contains(name);

    /// <summary>The header value to log: itself when allowed, <see cref="Redacted"/> otherwise.</summary>
    public static string RedactHeader(string name, string? value) => IsSafeHeader(name) ? value ?? string.Empty : Redacted;

    /// <summary>The URL to log: scheme, host and path as they are; each query value kept only for allowed names.</summary>
    public static string RedactUrl(Uri? uri)
    {
        if (uri is null)
        {
            return string.Empty;
        }

        if (!uri.IsAbsoluteUri)
        {
            return RedactQuery(uri.OriginalString);
        }

        var text = new StringBuilder();
        text.Append(uri.Scheme).Append("://").Append(uri.Authority).Append(uri.AbsolutePath);
        if (uri.Query.Length > 1)
        {
            text.Append('?').Append(RedactQueryString(uri.Query.AsSpan(1)));
        }

        return text.ToString();
    }

    private static string RedactQuery(string relative)
    {
        var q = relative.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? relative : relative[..(q + 1)] + RedactQueryString(relative.AsSpan(q + 1));
    }

    private static string RedactQueryString(ReadOnlySpan<char> query)
    {
        var text = new StringBuilder();
        foreach (var pair in query.ToString().Split('&'))
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }

            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? pair : pair[..eq];
            text.Append(name);
            if (eq >= 0)
            {
                text.Append('=');
                text.Append(s_safeQueryNames.Contains(Uri.UnescapeDataString(name)) ? pair[(eq + 1)..] : Redacted);
            }
        }

        return text.ToString();
    }
}
