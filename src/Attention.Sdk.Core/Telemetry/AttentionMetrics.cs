using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace Attention.Sdk.Telemetry;

/// <summary>
/// The SDK's instruments on one <see cref="Meter"/>: the static one, or one from a container's <see cref="IMeterFactory"/>. Created once
/// per meter, so every client sharing a meter records on the same histogram (a second instrument of the same name would be a duplicate).
/// </summary>
internal sealed class AttentionMetrics
{
    private static readonly ConditionalWeakTable<Meter, AttentionMetrics> s_byMeter = new();

    private AttentionMetrics(Meter meter)
    {
        const string description = "Duration of one HTTP attempt made by the Attention SDK.";
#if NET9_0_OR_GREATER
        RequestDuration = meter.CreateHistogram(
            AttentionDiagnostics.RequestDurationName,
            unit: "s",
            description: description,
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = AttentionDiagnostics.RequestDurationBuckets });
#else
        // InstrumentAdvice arrived in .NET 9's System.Diagnostics.DiagnosticSource; a .NET 8 app sets the buckets with a view.
        RequestDuration = meter.CreateHistogram<double>(AttentionDiagnostics.RequestDurationName, unit: "s", description: description);
#endif
    }

    /// <summary>Histogram <see cref="AttentionDiagnostics.RequestDurationName"/>, seconds, one measurement per attempt.</summary>
    public Histogram<double> RequestDuration { get; }

    /// <summary>The instruments on <paramref name="meter"/>, created on first use.</summary>
    public static AttentionMetrics On(Meter meter) => s_byMeter.GetValue(meter, static m => new AttentionMetrics(m));

    /// <summary>The instruments on the factory's <c>Attention.Sdk</c> meter (the factory caches the meter and disposes it with itself).</summary>
    public static AttentionMetrics From(IMeterFactory factory) =>
        On(factory.Create(new MeterOptions(AttentionDiagnostics.Name) { Version = AttentionDiagnostics.Version }));
}
