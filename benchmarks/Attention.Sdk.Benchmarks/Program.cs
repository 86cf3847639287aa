using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Attention.Sdk.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/Attention.Sdk.Benchmarks -- --filter *</c> runs every benchmark;
/// add <c>--quick</c> for a single in-process pass that only proves each benchmark runs;
/// <c>--sign-throughput [seconds]</c> prints Ed25519 signs/s of a plain timed loop (see <see cref="SolanaSignThroughput"/>);
/// <c>--call-throughput [seconds] [callers]</c> prints typed GETs/s, raw and SDK, from concurrent loops (see <see cref="CallThroughput"/>);
/// <c>--key-churn [keys] [baseline-keys]</c> prints limiter count, timers and heap while a million keys come and go (see <see cref="KeyChurn"/>);
/// <c>--permit-latency &lt;redis&gt; [permits] [callers]</c> compares the Redis and in-process limiters (see <see cref="PermitLatency"/>);
/// <c>--soak [seconds] [callers] [window-seconds] [reads-only-seconds]</c> runs the mixed sandbox workload with payments and checks it never stalls (see <see cref="SandboxSoak"/>).
/// <c>--outage-probe [seconds] [callers] [interval-ms]</c> counts connection attempts per failed call during an outage, retry budget off and on (see <see cref="OutageProbe"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--sign-throughput")
        {
            return SolanaSignThroughput.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "--permit-latency")
        {
            return PermitLatency.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "--outage-probe")
        {
            return OutageProbe.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "--key-churn")
        {
            return KeyChurn.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "--soak")
        {
            return SandboxSoak.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "--call-throughput")
        {
            return CallThroughput.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        var quick = args.Contains("--quick");
        var rest = args.Where(a => a != "--quick").ToArray();
        IConfig config = DefaultConfig.Instance;
        if (quick)
        {
            config = ManualConfig.CreateMinimumViable()
                .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
                .WithOptions(ConfigOptions.DisableOptimizationsValidator);
            if (!rest.Contains("--filter"))
            {
                rest = [.. rest, "--filter", "*"];
            }
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
        var executed = summaries.Sum(s => s.Reports.Length);
        Console.WriteLine($"benchmarks executed: {executed}");
        if (executed == 0)
        {
            return 2;
        }

        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
