using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Attention.Sdk.Testing.WireMock;

/// <summary>A small typed client for WireMock's admin API (<c>/__admin/…</c>): mappings, scenarios and the request journal.</summary>
public sealed class WireMockAdminClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Talks to the admin API at <paramref name="adminUri"/> (e.g. <c>http://127.0.0.1:8080/__admin/</c>).</summary>
    public WireMockAdminClient(Uri adminUri)
    {
        AdminUri = adminUri;
        _http = new HttpClient { BaseAddress = adminUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The admin API root, ending in <c>/__admin/</c>.</summary>
    public Uri AdminUri { get; }

    /// <summary>True when <c>GET /__admin/health</c> answers with a success status.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await _http.GetAsync("health", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Adds a stub mapping (<c>POST /__admin/mappings</c>) and returns its id.</summary>
    public async Task<Guid> AddMappingAsync(JsonObject mapping, CancellationToken cancellationToken = default)
    {
        var created = await SendAsync(HttpMethod.Post, "mappings", mapping, cancellationToken);
        return Guid.Parse(created?["id"]?.GetValue<string>() ?? throw new InvalidOperationException($"WireMock returned no mapping id: {created}"));
    }

    /// <summary>Every stub mapping on the server (<c>GET /__admin/mappings</c>).</summary>
    public async Task<IReadOnlyList<JsonObject>> GetMappingsAsync(CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(HttpMethod.Get, "mappings", null, cancellationToken);
        return (result?["mappings"] as JsonArray)?.OfType<JsonObject>().ToArray() ?? [];
    }

    /// <summary>Removes a mapping (<c>DELETE /__admin/mappings/{id}</c>); false when it did not exist.</summary>
    public async Task<bool> RemoveMappingAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await _http.DeleteAsync($"mappings/{id}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, "DELETE", $"mappings/{id}", cancellationToken);
        return true;
    }

    /// <summary>Removes every mapping, clears the journal and resets scenarios (<c>POST /__admin/reset</c>). Whole server: only for servers a test owns.</summary>
    public Task ResetAsync(CancellationToken cancellationToken = default) => SendAsync(HttpMethod.Post, "reset", null, cancellationToken);

    /// <summary>Every scenario and its current state (<c>GET /__admin/scenarios</c>).</summary>
    public async Task<IReadOnlyList<WireMockScenario>> GetScenariosAsync(CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(HttpMethod.Get, "scenarios", null, cancellationToken);
        return (result?["scenarios"] as JsonArray)?.OfType<JsonObject>()
            .Select(s => new WireMockScenario(
                s["name"]?.GetValue<string>() ?? string.Empty,
                s["state"]?.GetValue<string>() ?? string.Empty,
                (s["possibleStates"] as JsonArray)?.Select(p => p?.GetValue<string>() ?? string.Empty).ToArray() ?? []))
            .ToArray() ?? [];
    }

    /// <summary>Sets a scenario's state (<c>PUT /__admin/scenarios/{name}/state</c>). WireMock does not unescape the name, so use URL-safe names.</summary>
    public Task SetScenarioStateAsync(string name, string state, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"scenarios/{name}/state", new JsonObject { ["state"] = state }, cancellationToken);

    /// <summary>Puts every scenario back to <c>Started</c> (<c>POST /__admin/scenarios/reset</c>). Whole server.</summary>
    public Task ResetScenariosAsync(CancellationToken cancellationToken = default) => SendAsync(HttpMethod.Post, "scenarios/reset", null, cancellationToken);

    /// <summary>The whole journal (<c>GET /__admin/requests</c>), oldest first.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> GetRequestsAsync(CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(HttpMethod.Get, "requests", null, cancellationToken);
        var entries = (result?["requests"] as JsonArray)?.OfType<JsonObject>()
            .Select(e => RecordedRequest.FromJson((JsonObject)e["request"]!, ScopePrefix.None, e["wasMatched"]?.GetValue<bool>() ?? true))
            .ToList() ?? [];
        entries.Reverse(); // WireMock lists the newest first.
        return Chronological(entries);
    }

    /// <summary>Journal entries matching a request pattern (<c>POST /__admin/requests/find</c>), oldest first.</summary>
    public Task<IReadOnlyList<RecordedRequest>> FindRequestsAsync(JsonObject requestPattern, CancellationToken cancellationToken = default) =>
        FindRequestsAsync(requestPattern, ScopePrefix.None, cancellationToken);

    /// <summary>How many journal entries match a request pattern (<c>POST /__admin/requests/count</c>).</summary>
    public async Task<int> CountRequestsAsync(JsonObject requestPattern, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(HttpMethod.Post, "requests/count", requestPattern, cancellationToken);
        return result?["count"]?.GetValue<int>() ?? 0;
    }

    /// <summary>Requests no stub matched (<c>GET /__admin/requests/unmatched</c>), oldest first: the first place to look when a stub "does not work".</summary>
    public async Task<IReadOnlyList<RecordedRequest>> GetUnmatchedRequestsAsync(CancellationToken cancellationToken = default) =>
        await GetUnmatchedRequestsAsync(ScopePrefix.None, cancellationToken);

    /// <summary>Clears the journal (<c>DELETE /__admin/requests</c>). Whole server.</summary>
    public Task ResetRequestsAsync(CancellationToken cancellationToken = default) => SendAsync(HttpMethod.Delete, "requests", null, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    internal async Task<IReadOnlyList<RecordedRequest>> FindRequestsAsync(JsonObject requestPattern, ScopePrefix prefix, CancellationToken cancellationToken)
    {
        var result = await SendAsync(HttpMethod.Post, "requests/find", requestPattern, cancellationToken);
        return Chronological((result?["requests"] as JsonArray)?.OfType<JsonObject>().Select(r => RecordedRequest.FromJson(r, prefix)) ?? []);
    }

    internal async Task<IReadOnlyList<RecordedRequest>> GetUnmatchedRequestsAsync(ScopePrefix prefix, CancellationToken cancellationToken)
    {
        var result = await SendAsync(HttpMethod.Get, "requests/unmatched", null, cancellationToken);
        return Chronological((result?["requests"] as JsonArray)?.OfType<JsonObject>()
            .Where(r => prefix.Path.Length == 0 || (r["url"]?.GetValue<string>() ?? string.Empty).StartsWith(prefix.Path + "/", StringComparison.Ordinal))
            .Select(r => RecordedRequest.FromJson(r, prefix, wasMatched: false)) ?? []);
    }

    // Stable: requests logged in the same millisecond keep the journal's order.
    private static RecordedRequest[] Chronological(IEnumerable<RecordedRequest> requests) => [.. requests.OrderBy(r => r.LoggedAt)];

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, method.Method, path, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string method, string path, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"WireMock admin {method} /__admin/{path} failed with {(int)response.StatusCode}: {text}");
        }
    }
}
