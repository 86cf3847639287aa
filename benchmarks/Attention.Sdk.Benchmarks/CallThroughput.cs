using System.Diagnostics;
using System.Globalization;

namespace Attention.Sdk.Benchmarks;

/// <summary>
/// <c>--call-throughput [seconds] [callers] [rounds]</c>: concurrent loops (64 callers by default) of the typed GET against
/// the loopback server, alternating raw HttpClient and SDK rounds (5 of each, 2 s each by default, after a warm-up), printing
/// each round's calls/s, process CPU per call and process bytes allocated per call, then the medians and the SDK/raw ratios. Alternating rounds and medians
/// keep a busy machine's drift out of the ratio; the process CPU includes the in-process server, the same on both sides.
/// A plain timed loop: also the shape to attach <c>dotnet-trace</c> to.
/// </summary>
public static class CallThroughput
{
    private const string RentalId = "4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 2.0;
        var callers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : ConcurrentThroughputBenchmarks.Callers;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        await using var server = await LoopbackServer.StartAsync(Payloads.Rental);
        var (raw, sdk) = BenchmarkClients.Create(server.Address);
        using (raw)
        {
            Func<Task> rawCall = () => BenchmarkClients.RawGetAsync(raw, RentalId);
            Func<Task> sdkCall = () => BenchmarkClients.SdkGetAsync(sdk, RentalId);
            await MeasureAsync(rawCall, callers, 1.0);
            await MeasureAsync(sdkCall, callers, 1.0);
            var rawRounds = new List<Round>();
            var sdkRounds = new List<Round>();
            for (var i = 0; i < rounds; i++)
            {
                rawRounds.Add(await MeasureAsync(rawCall, callers, seconds));
                sdkRounds.Add(await MeasureAsync(sdkCall, callers, seconds));
                Console.WriteLine(Invariant($"round {i + 1}: raw {rawRounds[^1]}, sdk {sdkRounds[^1]}"));
            }

            var rawRate = Median(rawRounds, r => r.CallsPerSecond);
            var sdkRate = Median(sdkRounds, r => r.CallsPerSecond);
            var rawCpu = Median(rawRounds, r => r.CpuMicrosecondsPerCall);
            var sdkCpu = Median(sdkRounds, r => r.CpuMicrosecondsPerCall);
            Console.WriteLine(Invariant($"callers: {callers}, {rounds} rounds of {seconds:0.#} s per side"));
            Console.WriteLine(Invariant($"median calls/s: raw {rawRate:F0}, sdk {sdkRate:F0}, sdk/raw {sdkRate / rawRate:F2}"));
            Console.WriteLine(Invariant($"median process CPU per call: raw {rawCpu:F1} us, sdk {sdkCpu:F1} us, sdk/raw {sdkCpu / rawCpu:F2}"));
            var rawBytes = Median(rawRounds, r => r.BytesPerCall);
            var sdkBytes = Median(sdkRounds, r => r.BytesPerCall);
            Console.WriteLine(Invariant($"median process allocation per call: raw {rawBytes / 1024:F2} KB, sdk {sdkBytes / 1024:F2} KB, sdk/raw {sdkBytes / rawBytes:F2}"));
        }

        return 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static double Median(List<Round> rounds, Func<Round, double> value)
    {
        var sorted = rounds.Select(value).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static async Task<Round> MeasureAsync(Func<Task> call, int callers, double seconds)
    {
        var limit = TimeSpan.FromSeconds(seconds);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var watch = Stopwatch.StartNew();
        long count = 0;
        var loops = Enumerable.Range(0, callers).Select(async _ =>
        {
            while (watch.Elapsed < limit)
            {
                await call();
                Interlocked.Increment(ref count);
            }
        });
        await Task.WhenAll(loops);
        var elapsed = watch.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        return new Round(count / elapsed.TotalSeconds, cpu.TotalMicroseconds / count, (double)allocated / count);
    }

    private readonly record struct Round(double CallsPerSecond, double CpuMicrosecondsPerCall, double BytesPerCall)
    {
        public override string ToString() => Invariant($"{CallsPerSecond:F0}/s {CpuMicrosecondsPerCall:F1} us CPU {BytesPerCall / 1024:F2} KB");
    }
}
