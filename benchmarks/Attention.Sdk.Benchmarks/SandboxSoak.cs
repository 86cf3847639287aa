using System.Diagnostics;
using System.Globalization;
using Attention.Sandbox;
using Attention.Sandbox.Workload;

namespace Attention.Sdk.Benchmarks;

/// <summary>
/// <c>--soak [seconds] [callers] [window-seconds] [reads-only-seconds]</c> (default 300 s, 32 callers, 10 s windows, no reads-only
/// tail): the mixed sandbox workload
/// (<see cref="MixedSandboxWorkload"/>: Attention Factory, AutoPersonas and Attentium with the full payment flow, refunds and
/// claims) against the in-process sandbox through the SDK clients. Every window prints ops/s per kind, errors, the managed heap,
/// working set, threads and Gen2 collections; the end prints a summary and checks the invariants: no stretch of 30 s (or three
/// windows, if longer) without a completed operation while callers ran (no deadlock), every caller finished within a drain deadline, the ledger agrees with what the
/// callers paid, refunded and claimed, and nothing failed. Exit code 1 when one does not hold. A reads-only tail then runs reads
/// alone (they add no sandbox state) and compares the heap after a full collection before and after it: growth there is a leak,
/// not the sandbox's history.
/// </summary>
public static class SandboxSoak
{
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long callers may run without any operation completing before it counts as a stall. A duration rather than "one empty
    /// window": on a saturated machine one payment can outlast a short window, and that is slowness, not a lock cycle.
    /// </summary>
    private static readonly TimeSpan MinimumStallThreshold = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<SandboxOperation, string> Labels = new()
    {
        [SandboxOperation.FactoryRent] = "rent",
        [SandboxOperation.FactoryAction] = "action",
        [SandboxOperation.FactoryRead] = "f-read",
        [SandboxOperation.FactoryWebhook] = "webhook",
        [SandboxOperation.AutoPersonasRead] = "ap-read",
        [SandboxOperation.AutoPersonasGenerate] = "ap-gen",
        [SandboxOperation.AttentiumRead] = "a-read",
        [SandboxOperation.AttentiumPayment] = "pay",
        [SandboxOperation.AttentiumRefund] = "refund",
        [SandboxOperation.AttentiumClaim] = "claim",
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var (exitCode, released) = await RunAndDisposeAsync(args);
        if (released is not null)
        {
            // Background work the dispose cancelled (webhook sends, Kestrel connections) takes a moment to unwind.
            var settle = Stopwatch.StartNew();
            while (released.IsAlive && settle.Elapsed < TimeSpan.FromSeconds(10))
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                await Task.Delay(250);
            }

            Print($"after disposing the sandbox and clients: heap after a full collection {Mb(GC.GetTotalMemory(forceFullCollection: true))} MB; sandbox collected: {(released.IsAlive ? "no" : "yes")} ({settle.Elapsed.TotalSeconds:0.0} s)");
        }

        return exitCode;
    }

    /// <summary>The run itself, in its own method so nothing of it is reachable from the caller once it returns.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static async Task<(int ExitCode, WeakReference? Sandbox)> RunAndDisposeAsync(string[] args)
    {
        var duration = TimeSpan.FromSeconds(args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 300);
        var callers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
        var window = TimeSpan.FromSeconds(args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 10);
        var readsTail = TimeSpan.FromSeconds(args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0);
        Print($"sandbox soak: {duration.TotalSeconds:0.#} s, {callers} callers, {window.TotalSeconds:0.#} s windows, reads-only tail {readsTail.TotalSeconds:0.#} s; load average {LoadAverage()}; {Environment.ProcessorCount} cores");

        var sandbox = await AttentionSandbox.StartAsync(MixedSandboxWorkload.SandboxOptions());
        var workload = await MixedSandboxWorkload.CreateAsync(sandbox, callers, CancellationToken.None);
        var start = Sample.Take();
        Print($"start: {start}");

        var mixed = await RunPhaseAsync(workload, duration, window, readsOnly: false, start);
        var totals = workload.Counters.Snapshot();
        var seconds = Math.Min(mixed.Elapsed.TotalSeconds, duration.TotalSeconds);
        Console.WriteLine();
        Print($"summary: {totals.Sum()} operations in {seconds:0} s by {callers} callers, {totals.Sum() / seconds:0} ops/s overall; load average {LoadAverage()}");
        if (mixed.Rates.Count > 0)
        {
            Print($"ops/s per window: first {mixed.Rates[0]:0}, median {Median(mixed.Rates):0}, last {mixed.Rates[^1]:0}, min {mixed.Rates.Min():0}, max {mixed.Rates.Max():0}");
        }

        Print($"per kind: {string.Join(", ", MixedKinds().Select(k => $"{Labels[k]} {totals[(int)k]}"))}");
        Print($"payments {workload.Book.Payments} (full flow, results read), refunds {workload.Book.Refunds}, claims {workload.Book.Claims}, webhooks verified {workload.WebhooksVerified}");
        PrintErrors(workload);
        var end = Sample.Take();
        Print($"memory: start {start}");
        Print($"        end   {end}");
        Print($"        peak  {mixed.Peak}");

        var failures = new List<string>();
        if (!mixed.Finished)
        {
            // Callers still inside an operation a minute after the end: a hang. Nothing is disposed (it would hang too).
            failures.Add($"{workload.RunningCallers} callers did not finish within {DrainDeadline.TotalSeconds:0} s of the end (deadlock or hang)");
        }

        if (mixed.Stalls > 0)
        {
            failures.Add($"{mixed.Stalls} times no operation completed for {mixed.StallThreshold.TotalSeconds:0} s or more while callers were running (stall; longest {mixed.LongestWithoutProgress.TotalSeconds:0} s)");
        }

        if (mixed.Finished)
        {
            failures.AddRange(workload.CheckInvariants());
        }

        if (mixed.Finished && readsTail > TimeSpan.Zero)
        {
            // Reads add no sandbox state: after the same full collection, the heap must come back to where it was.
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var operationsBefore = workload.Counters.TotalCompleted;
            Console.WriteLine();
            Print($"reads-only tail: heap after a full collection {Mb(before)} MB");
            var tail = await RunPhaseAsync(workload, readsTail, window, readsOnly: true, Sample.Take());
            var after = GC.GetTotalMemory(forceFullCollection: true);
            var reads = workload.Counters.TotalCompleted - operationsBefore;
            Print($"reads-only tail: {reads} reads in {Math.Min(tail.Elapsed.TotalSeconds, readsTail.TotalSeconds):0} s, median {(tail.Rates.Count > 0 ? Median(tail.Rates) : 0):0} ops/s; heap after a full collection {Mb(after)} MB ({(after - before) / 1024.0:+0;-0} KB)");
            if (!tail.Finished || tail.Stalls > 0)
            {
                failures.Add("the reads-only tail stalled or did not finish");
            }

            if (workload.Counters.TotalErrors > 0)
            {
                failures.AddRange(workload.CheckInvariants().Where(f => f.Contains("operations failed", StringComparison.Ordinal)));
            }
        }

        Console.WriteLine(failures.Count == 0
            ? $"invariants: hold (no stall; {workload.Book.Payments} payments = {workload.Book.Payments} escrow deposits; vault and wallet balances exact; claims paid once; 0 errors)"
            : "invariants FAILED:\n  " + string.Join("\n  ", failures.Distinct()));
        if (!mixed.Finished)
        {
            return (1, null);
        }

        await workload.DisposeAsync();
        await sandbox.DisposeAsync();
        return (failures.Count == 0 ? 0 : 1, new WeakReference(sandbox));
    }

    /// <summary>Runs the callers for <paramref name="duration"/>, printing a line per window; waits at most the drain deadline after.</summary>
    private static async Task<Phase> RunPhaseAsync(MixedSandboxWorkload workload, TimeSpan duration, TimeSpan window, bool readsOnly, Sample peak)
    {
        var watch = Stopwatch.StartNew();
        var run = workload.RunAsync(_ => watch.Elapsed < duration, CancellationToken.None, readsOnly);
        var rates = new List<double>();
        var stallThreshold = window * 3 > MinimumStallThreshold ? window * 3 : MinimumStallThreshold;
        var stalls = 0;
        var inStall = false;
        var lastProgressAt = TimeSpan.Zero;
        var longestWithoutProgress = TimeSpan.Zero;
        var previous = workload.Counters.Snapshot();
        var previousAt = TimeSpan.Zero;
        var drainBy = duration + DrainDeadline;
        while (!run.IsCompleted && watch.Elapsed < drainBy)
        {
            var wait = previousAt + window - watch.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.WhenAny(run, Task.Delay(wait));
            }

            var runningBefore = workload.RunningCallers;
            var now = watch.Elapsed;
            var counts = workload.Counters.Snapshot();
            var seconds = (now - previousAt).TotalSeconds;
            var done = counts.Sum() - previous.Sum();
            var sample = Sample.Take();
            peak = peak.Max(sample);
            if (done > 0 || runningBefore == 0)
            {
                lastProgressAt = now;
                inStall = false;
            }
            else
            {
                var without = now - lastProgressAt;
                longestWithoutProgress = without > longestWithoutProgress ? without : longestWithoutProgress;
                if (without >= stallThreshold && !inStall)
                {
                    stalls++;
                    inStall = true;
                }
            }

            // A last window of a fraction of a second (the run ended just after a tick) says nothing about throughput.
            if (seconds >= window.TotalSeconds / 2)
            {
                rates.Add(done / seconds);
            }

            var perKind = string.Join(" ", MixedKinds().Select(k => $"{Labels[k]} {(counts[(int)k] - previous[(int)k]) / seconds:0.#}"));
            Print($"[{now.TotalSeconds,5:0}s] {done / seconds,6:0} ops/s | {perKind} | errors {workload.Counters.TotalErrors} | {sample}");
            previous = counts;
            previousAt = now;
        }

        return new Phase(run.IsCompleted, watch.Elapsed, rates, stalls, stallThreshold, longestWithoutProgress, peak);
    }

    private static void PrintErrors(MixedSandboxWorkload workload)
    {
        Print($"errors: {(workload.Counters.TotalErrors == 0 ? "none" : string.Join(", ", workload.Counters.Errors.Select(e => $"{e.Key} x{e.Value}")))}");
        foreach (var message in workload.Counters.ErrorSamples.Take(5))
        {
            Print($"  e.g. {message}");
        }
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);

    private sealed record Phase(bool Finished, TimeSpan Elapsed, List<double> Rates, int Stalls, TimeSpan StallThreshold, TimeSpan LongestWithoutProgress, Sample Peak);

    private static IEnumerable<SandboxOperation> MixedKinds() => WorkloadCounters.Kinds;

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    /// <summary>Process figures at one moment: managed heap without a forced collection, GC heap size, working set, threads, Gen2 count.</summary>
    private readonly record struct Sample(long Heap, long GcHeap, long WorkingSet, int Threads, int Gen2)
    {
        public static Sample Take()
        {
            using var process = Process.GetCurrentProcess();
            return new Sample(GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo().HeapSizeBytes, Environment.WorkingSet, process.Threads.Count, GC.CollectionCount(2));
        }

        public Sample Max(Sample other) => new(
            Math.Max(Heap, other.Heap), Math.Max(GcHeap, other.GcHeap), Math.Max(WorkingSet, other.WorkingSet), Math.Max(Threads, other.Threads), Math.Max(Gen2, other.Gen2));

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"heap {Heap / 1048576.0:0.0} MB, gc heap {GcHeap / 1048576.0:0.0} MB, working set {WorkingSet / 1048576.0:0} MB, threads {Threads}, gen2 {Gen2}");
    }
}
