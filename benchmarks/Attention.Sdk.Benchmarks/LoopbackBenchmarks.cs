using AttentionFactory;
using BenchmarkDotNet.Attributes;

namespace Attention.Sdk.Benchmarks;

/// <summary>
/// The fixture the loopback comparisons share: one <see cref="LoopbackServer"/> answering with the rental document and both
/// clients (<see cref="BenchmarkClients.Create"/>), set up once per benchmark class and torn down after it.
/// </summary>
public abstract class LoopbackBenchmarks
{
    /// <summary>The rental every call reads.</summary>
    protected const string RentalId = "4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3";

    private LoopbackServer _server = null!;

    /// <summary>The raw <see cref="HttpClient"/> baseline.</summary>
    protected HttpClient RawClient { get; private set; } = null!;

    /// <summary>The SDK client, over a transport with the same settings.</summary>
    protected AttentionFactoryClient SdkClient { get; private set; } = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await LoopbackServer.StartAsync(Payloads.Rental);
        (RawClient, SdkClient) = BenchmarkClients.Create(_server.Address);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        RawClient.Dispose();
        await _server.DisposeAsync();
    }
}
