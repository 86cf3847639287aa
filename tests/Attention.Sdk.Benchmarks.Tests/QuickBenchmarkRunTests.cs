namespace Attention.Sdk.Benchmarks.Tests;

/// <summary>
/// Runs every benchmark once in <c>--quick</c> mode, and the plain timed loop the docs quote beside it briefly (one in-process pass, no measurement), so a benchmark that no longer
/// builds its fixture or throws fails the test suite instead of rotting until the next performance review.
/// </summary>
public sealed class QuickBenchmarkRunTests
{
    [Fact]
    public void Every_benchmark_runs_once_in_quick_mode()
    {
        var artifacts = Path.Combine(Path.GetTempPath(), "attention-sdk-bdn-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var output = new StringWriter();
            var console = Console.Out;
            Console.SetOut(output);
            int exitCode;
            try
            {
                exitCode = Program.Main(["--quick", "--artifacts", artifacts]);
            }
            finally
            {
                Console.SetOut(console);
            }

            var text = output.ToString();
            Assert.True(exitCode == 0, text[Math.Max(0, text.Length - 4000)..]);

            // Every benchmark class ran: the SDK overhead, concurrency, webhook and Solana ones.
            foreach (var name in new[] { "SdkOverheadBenchmarks", "ConcurrentThroughputBenchmarks", "WebhookBenchmarks", "SolanaSigningBenchmarks", "SolanaTransactionBenchmarks" })
            {
                Assert.Contains(name, text);
            }

            var executed = int.Parse(text.Split("benchmarks executed: ")[1].Split('\n')[0].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(executed >= 10, $"only {executed} benchmarks ran");
        }
        finally
        {
            if (Directory.Exists(artifacts))
            {
                Directory.Delete(artifacts, recursive: true);
            }
        }
    }

    // In this class too: both tests redirect Console.Out, which is process-wide, so they must not run in parallel.
    [Fact]
    public async Task Call_throughput_loop_prints_both_sides_and_the_ratio()
    {
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        int exitCode;
        try
        {
            exitCode = await CallThroughput.RunAsync(["0.2", "4", "1"]);
        }
        finally
        {
            Console.SetOut(console);
        }

        var text = output.ToString();
        Assert.Equal(0, exitCode);
        Assert.Contains("round 1: raw ", text);
        Assert.Matches(@"median calls/s: raw \d+, sdk \d+, sdk/raw \d+\.\d\d", text);
        Assert.Matches(@"median process CPU per call: raw [\d.]+ us, sdk [\d.]+ us", text);
    }

    // Console.Out is process-wide: in this class so it never runs beside the other two.
    [Fact]
    public async Task Soak_prints_windows_and_a_summary_and_exits_zero_when_the_invariants_hold()
    {
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        int exitCode;
        try
        {
            exitCode = await SandboxSoak.RunAsync(["2", "4", "1"]);
        }
        finally
        {
            Console.SetOut(console);
        }

        var text = output.ToString();
        Assert.True(exitCode == 0, text);
        Assert.Matches(@"\[\s+\d+s\]\s+\d+ ops/s \| rent [\d.]+ action", text);
        Assert.Matches(@"ops/s per window: first \d+, median \d+, last \d+", text);
        Assert.Matches(@"memory: start heap [\d.]+ MB, gc heap [\d.]+ MB, working set \d+ MB, threads \d+, gen2 \d+", text);
        Assert.Contains("invariants: hold", text);
    }
}
