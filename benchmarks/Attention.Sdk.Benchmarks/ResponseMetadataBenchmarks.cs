using Attention.Sdk.Http;
using AttentionFactory;
using BenchmarkDotNet.Attributes;

namespace Attention.Sdk.Benchmarks;

/// <summary>
/// The same GET through the escape hatch, plain and with <see cref="RequestOptions"/> (response metadata): what the metadata
/// costs, and that the plain path pays nothing for it.
/// </summary>
[MemoryDiagnoser]
public class ResponseMetadataBenchmarks : LoopbackBenchmarks
{
    [Benchmark(Baseline = true, Description = "plain call")]
    public Task<ApiResponse> Plain() => SdkClient.SendAsync(new ApiRequest(HttpMethod.Get, "rentals/{id}").WithPath("id", RentalId));

    [Benchmark(Description = "call with RequestOptions (metadata)")]
    public async Task<string?> WithMetadata()
    {
        var requestOptions = new RequestOptions();
        await SdkClient.SendAsync(new ApiRequest(HttpMethod.Get, "rentals/{id}").WithPath("id", RentalId), requestOptions).ConfigureAwait(false);
        return requestOptions.Response!.RequestId;
    }
}
