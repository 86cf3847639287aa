using System.Net;
using System.Net.Http.Headers;
using AttentionFactory;
using AttentionFactory.Rentals;
using BenchmarkDotNet.Attributes;

namespace Attention.Sdk.Benchmarks;

/// <summary>
/// The SDK's own cost per typed call without a network: the same GET as <see cref="SdkOverheadBenchmarks"/>, both sides over
/// an in-memory transport that answers at once with the rental document. What remains is request building, the handlers,
/// the body read and the parse, on one thread with warm caches: a lower bound of what the SDK adds to a real call, whose
/// suspended async frames and cold objects cost more under load (see docs/performance.md).
/// </summary>
[MemoryDiagnoser]
public class InMemoryOverheadBenchmarks
{
    private const string RentalId = "4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3";
    private static readonly Uri s_address = new("https://api.example.test/v1/");
    private HttpClient _raw = null!;
    private AttentionFactoryClient _sdk = null!;

    [GlobalSetup]
    public void Setup()
    {
        _raw = new HttpClient(new CannedResponseHandler(Payloads.Rental)) { BaseAddress = s_address };
        _raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchmarkClients.ApiKey);
        _raw.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "attention-sdk-dotnet/0.1.0 (Attention Factory; .NET 10.0.0)");
        _raw.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "application/json");
        _sdk = new AttentionFactoryClient(new AttentionFactoryClientOptions
        {
            BaseAddress = s_address,
            ApiKey = BenchmarkClients.ApiKey,
            Transport = new CannedResponseHandler(Payloads.Rental),
        });
    }

    [GlobalCleanup]
    public void Cleanup() => _raw.Dispose();

    [Benchmark(Baseline = true, Description = "raw HttpClient + STJ source-gen, in memory")]
    public Task<BenchRental> RawHttpClient() => BenchmarkClients.RawGetAsync(_raw, RentalId);

    [Benchmark(Description = "SDK typed call, in memory")]
    public Task<Rental> Sdk() => BenchmarkClients.SdkGetAsync(_sdk, RentalId);

    /// <summary>Answers every request at once with a 200 and the body as an unbuffered stream, as a socket handler hands it over.</summary>
    private sealed class CannedResponseHandler(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new MemoryStream(body, writable: false));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            content.Headers.ContentLength = body.Length;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
