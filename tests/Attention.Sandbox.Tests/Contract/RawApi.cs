using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Attention.Sandbox.Tests.Contract;

/// <summary>Plain HTTP against the sandbox, without the SDK (whose client-side checks would stop bad requests first).</summary>
internal sealed class RawApi(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    public async Task<RawAnswer> SendAsync(HttpMethod method, string path, string? key, string? json = null, string? idempotencyKey = null, string scheme = "Bearer")
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {key}");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new RawAnswer((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers);
    }

    public Task<RawAnswer> GetAsync(string path, string? key) => SendAsync(HttpMethod.Get, path, key);

    public Task<RawAnswer> PostAsync(string path, string? key, string json, string? idempotencyKey = null) => SendAsync(HttpMethod.Post, path, key, json, idempotencyKey);

    public void Dispose() => _http.Dispose();
}

internal sealed record RawAnswer(int Status, JsonNode? Body, HttpResponseHeaders Headers)
{
    public string? RequestId => Headers.TryGetValues("X-Request-Id", out var values) ? values.Single() : null;

    /// <summary>The <c>loc</c> of the first schema problem of a 422, joined with dots (for example <c>body.auto_renew</c>).</summary>
    public string? FirstProblemLocation => Body?["detail"] is JsonArray { Count: > 0 } problems
        ? string.Join('.', problems[0]!["loc"]!.AsArray().Select(p => p!.ToString()))
        : null;
}
