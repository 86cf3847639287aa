using System.Net.Http.Headers;

namespace Attention.Sdk.Http;

/// <summary>Adds <c>Authorization: Bearer &lt;key&gt;</c> to every attempt. The key was validated at construction and is never logged.</summary>
public sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly AuthenticationHeaderValue? _header;

    /// <summary>Creates the handler; a null or empty key sends no Authorization header (for APIs without keys).</summary>
    public BearerTokenHandler(string? apiKey)
    {
        _header = string.IsNullOrEmpty(apiKey) ? null : new AuthenticationHeaderValue("Bearer", apiKey);
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_header is not null && request.Headers.Authorization is null)
        {
            request.Headers.Authorization = _header;
        }

        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>Never shows the key.</summary>
    public override string ToString() => $"{nameof(BearerTokenHandler)} {{ Key = {(_header is null ? "(none)" : "***")} }}";
}
