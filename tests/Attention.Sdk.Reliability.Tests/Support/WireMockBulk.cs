using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Attention.Sdk.Testing.WireMock;

namespace Attention.Sdk.Reliability.Tests.Support;

/// <summary>
/// Registers many stubs of one scope in a single admin call (<c>POST /__admin/mappings/import</c>) and removes them again by the
/// scope metadata every scoped mapping carries (<c>POST /__admin/mappings/remove-by-metadata</c>): thousands of per-call scenario
/// stubs would otherwise cost thousands of admin round trips.
/// </summary>
internal sealed class WireMockBulk : IAsyncDisposable
{
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private readonly WireMockScope _scope;
    private bool _imported;

    public WireMockBulk(WireMockScope scope) => _scope = scope;

    public Task ImportAsync(IEnumerable<StubDefinition> stubs, CancellationToken cancellationToken) =>
        ImportAsync(stubs.Select(_scope.ToMappingJson), cancellationToken);

    /// <summary>Imports mapping JSON already placed in the scope (from <see cref="WireMockScope.ToMappingJson"/>, possibly edited).</summary>
    public async Task ImportAsync(IEnumerable<JsonObject> scopedMappings, CancellationToken cancellationToken)
    {
        var mappings = new JsonArray([.. scopedMappings.Select(m => (JsonNode)m)]);
        var body = new JsonObject
        {
            ["mappings"] = mappings,
            ["importOptions"] = new JsonObject { ["duplicatePolicy"] = "OVERWRITE", ["deleteAllNotInImport"] = false },
        };
        _imported = true;
        using var response = await s_http.PostAsync(new Uri(_scope.Server.AdminUri, "mappings/import"), JsonContent.Create(body), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"WireMock import failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_imported)
        {
            return;
        }

        var filter = new JsonObject { ["matchesJsonPath"] = $"$[?(@.attentionScope == '{_scope.Id}')]" };
        try
        {
            using var response = await s_http.PostAsync(new Uri(_scope.Server.AdminUri, "mappings/remove-by-metadata"), JsonContent.Create(filter));
        }
        catch (HttpRequestException)
        {
            // Best effort: the server may be gone.
        }
    }
}
