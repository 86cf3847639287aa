using AttentionFactory;
using BenchmarkDotNet.Attributes;

namespace Attention.Sdk.Benchmarks;

/// <summary>64 concurrent callers, each making one typed GET; reported per call. Target: SDK throughput ≥ 0.95× the raw baseline.</summary>
[MemoryDiagnoser]
public class ConcurrentThroughputBenchmarks
{
    public const int Callers = 64;
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

    [Benchmark(Baseline = true, OperationsPerInvoke = Callers, Description = "raw HttpClient x64")]
    public Task RawHttpClient() => Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => BenchmarkClients.RawGetAsync(_raw, RentalId)));

    [Benchmark(OperationsPerInvoke = Callers, Description = "SDK typed call x64")]
    public Task Sdk() => Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => BenchmarkClients.SdkGetAsync(_sdk, RentalId)));
}
