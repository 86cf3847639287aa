using AttentionFactory;
using BenchmarkDotNet.Attributes;

namespace Attention.Sdk.Benchmarks;

/// <summary>64 concurrent callers, each making one typed GET; reported per call. Target: SDK throughput ≥ 0.95× the raw baseline.</summary>
[MemoryDiagnoser]
public class ConcurrentThroughputBenchmarks : LoopbackBenchmarks
{
    public const int Callers = 64;

    [Benchmark(Baseline = true, OperationsPerInvoke = Callers, Description = "raw HttpClient x64")]
    public Task RawHttpClient() => Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => BenchmarkClients.RawGetAsync(RawClient, RentalId)));

    [Benchmark(OperationsPerInvoke = Callers, Description = "SDK typed call x64")]
    public Task Sdk() => Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => BenchmarkClients.SdkGetAsync(SdkClient, RentalId)));
}
