using System.Collections.Concurrent;

namespace Attention.Sandbox.Workload;

/// <summary>Completed operations per kind and errors per type, safe to read while callers run.</summary>
internal sealed class WorkloadCounters
{
    private const int SampleLimit = 20;

    private readonly long[] _completed = new long[Enum.GetValues<SandboxOperation>().Length];
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _samples = new();

    /// <summary>Every kind, in declaration order (the index of <see cref="Snapshot"/>).</summary>
    public static IReadOnlyList<SandboxOperation> Kinds { get; } = Enum.GetValues<SandboxOperation>();

    public void Completed(SandboxOperation kind) => Interlocked.Increment(ref _completed[(int)kind]);

    public void Failed(SandboxOperation kind, Exception exception)
    {
        var type = $"{kind}: {exception.GetType().Name}";
        _errors.AddOrUpdate(type, 1, (_, n) => n + 1);
        if (_samples.Count < SampleLimit)
        {
            // The type and message only: SDK messages carry no keys, and the stack is noise here.
            _samples.Enqueue($"{type}: {exception.Message}");
        }
    }

    /// <summary>Completed operations per kind so far (index = (int)kind).</summary>
    public long[] Snapshot()
    {
        var copy = new long[_completed.Length];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = Interlocked.Read(ref _completed[i]);
        }

        return copy;
    }

    public long TotalCompleted => Snapshot().Sum();

    /// <summary>Errors by "kind: exception type".</summary>
    public IReadOnlyDictionary<string, long> Errors => new SortedDictionary<string, long>(_errors, StringComparer.Ordinal);

    public long TotalErrors => _errors.Values.Sum();

    /// <summary>The first few error messages, for diagnosis.</summary>
    public IReadOnlyList<string> ErrorSamples => [.. _samples];
}
