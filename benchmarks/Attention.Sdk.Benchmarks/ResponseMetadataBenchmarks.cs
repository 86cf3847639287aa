using Attention.Sdk.Http;
using AttentionFactory;
using BenchmarkDotNet.Attributes;

namespace Attention.Sdk.Benchmarks;

/// <summary>
/// The same GET through the escape hatch, plain and with <see cref="RequestOptions"/> (response metadata): what the metadata
/// costs, and that the plain path pays nothing for it.
/// </summary>
[MemoryDiagnoser]
public class ResponseMetadataBenchmarks
{
    private const string RentalId = "4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3";
    private LoopbackServer _server = null!;
    private HttpClient _raw = null!;
    private AttentionFactoryClient _sdk = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await LoopbackServer.StartAsync(Payloads.Rental);
        (_raw, _sdk) = BenchmarkClients.Create(_server.Address);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _raw.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "plain call")]
    public Task<ApiResponse> Plain() => _sdk.SendAsync(new ApiRequest(HttpMethod.Get, "rentals/{id}").WithPath("id", RentalId));

    [Benchmark(Description = "call with RequestOptions (metadata)")]
    public async Task<string?> WithMetadata()
    {
        var requestOptions = new RequestOptions();
        await _sdk.SendAsync(new ApiRequest(HttpMethod.Get, "rentals/{id}").WithPath("id", RentalId), requestOptions).ConfigureAwait(false);
        return requestOptions.Response!.RequestId;
    }
}
