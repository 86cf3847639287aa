using System.Net.Http.Headers;
using System.Text.Json;
using AttentionFactory;
using AttentionFactory.Rentals;
using BenchmarkDotNet.Attributes;

namespace Attention.Sdk.Benchmarks;

/// <summary>
/// One typed <c>Rentals.GetAsync</c> through the whole SDK (idempotency, resilience, attempt timeout, auth, telemetry, error
/// mapping, the full Rental model with raw JSON kept) against the baseline: a raw HttpClient with the same header and transport
/// settings and a source-generated parse of the same document. Target: median ≤ 1.05×, allocations ≤ 1.3× the baseline.
/// </summary>
[MemoryDiagnoser]
public class SdkOverheadBenchmarks : LoopbackBenchmarks
{
    [Benchmark(Baseline = true, Description = "raw HttpClient + STJ source-gen")]
    public Task<BenchRental> RawHttpClient() => BenchmarkClients.RawGetAsync(RawClient, RentalId);

    [Benchmark(Description = "SDK typed call")]
    public Task<Rental> Sdk() => BenchmarkClients.SdkGetAsync(SdkClient, RentalId);
}

/// <summary>Both sides of the comparison, built the same way (same transport settings, same Authorization header).</summary>
public static class BenchmarkClients
{
    public const string ApiKey = "af_test_sk_benchmark";

    public static (HttpClient Raw, AttentionFactoryClient Sdk) Create(Uri address)
    {
        var raw = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = address };
        raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        raw.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "attention-sdk-dotnet/0.1.0 (Attention Factory; .NET 10.0.0)");
        raw.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "application/json");
        var options = new AttentionFactoryClientOptions
        {
            BaseAddress = address,
            ApiKey = ApiKey,
            Transport = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
        return (raw, new AttentionFactoryClient(options));
    }

    public static async Task<BenchRental> RawGetAsync(HttpClient raw, string id)
    {
        using var response = await raw.GetAsync("rentals/" + Uri.EscapeDataString(id));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();
        return JsonSerializer.Deserialize(body, BenchJsonContext.Default.BenchRental)!;
    }

    public static Task<Rental> SdkGetAsync(AttentionFactoryClient sdk, string id) => sdk.Rentals.GetAsync(id);
}
