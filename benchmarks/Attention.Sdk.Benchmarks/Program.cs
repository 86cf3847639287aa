using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Attention.Sdk.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/Attention.Sdk.Benchmarks -- --filter *</c> runs every benchmark;
/// add <c>--quick</c> for a single in-process pass that only proves each benchmark runs.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var rest = args.Where(a => a != "--quick").ToArray();
        IConfig config = DefaultConfig.Instance;
        if (quick)
        {
            config = ManualConfig.CreateMinimumViable()
                .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
                .WithOptions(ConfigOptions.DisableOptimizationsValidator);
            if (rest.Length == 0)
            {
                rest = ["--filter", "*"];
            }
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
