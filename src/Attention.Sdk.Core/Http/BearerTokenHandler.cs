using System.Net.Http.Headers;

namespace Attention.Sdk.Http;

/// <summary>
/// Adds <c>Authorization: Bearer &lt;key&gt;</c> to every attempt. The key was validated at construction and is never logged.
/// A request that would carry it over plain <c>http://</c> to a host that is not a loopback address is refused before sending
/// (<see cref="AttentionInsecureTransportException"/>) unless <see cref="AttentionClientOptions.AllowInsecureTransport"/> is set.
/// </summary>
public sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly AuthenticationHeaderValue? _header;
    private readonly bool _allowInsecureTransport;

    /// <summary>Creates the handler; a null or empty key sends no Authorization header (for APIs without keys).</summary>
    public BearerTokenHandler(string? apiKey)
        : this(apiKey, allowInsecureTransport: false)
    {
    }

    /// <summary>Creates the handler, allowing the key over plain <c>http://</c> to any host when <paramref name="allowInsecureTransport"/> is set.</summary>
    public BearerTokenHandler(string? apiKey, bool allowInsecureTransport)
    {
        _header = string.IsNullOrEmpty(apiKey) ? null : new AuthenticationHeaderValue("Bearer", apiKey);
        _allowInsecureTransport = allowInsecureTransport;
    }

    /// <summary>Whether a key may be sent to <paramref name="address"/>: https, or http to a loopback address.</summary>
    public static bool IsSafeForKey(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return !address.IsAbsoluteUri || address.Scheme != Uri.UriSchemeHttp || address.IsLoopback;
    }

    /// <inheritdoc />
    /// <exception cref="AttentionInsecureTransportException">The key would go over plain http to a host that is not a loopback address.</exception>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_header is not null && request.Headers.Authorization is null)
        {
            if (!_allowInsecureTransport && request.RequestUri is { } uri && !IsSafeForKey(uri))
            {
                throw new AttentionInsecureTransportException(
                    $"Refused to send the API key over plain http:// to {uri.Host}: nothing was sent. Use https://, or set {nameof(AttentionClientOptions.AllowInsecureTransport)} for a trusted network.")
                {
                    Method = request.Method.Method,
                    Route = ApiCallContext.Get(request)?.Route,
                };
            }

            request.Headers.Authorization = _header;
        }

        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>Never shows the key.</summary>
    public override string ToString() => $"{nameof(BearerTokenHandler)} {{ Key = {(_header is null ? "(none)" : "***")} }}";
}
