using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Attention.Sdk.Telemetry;

/// <summary>
/// The SDK's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>Attention.Sdk</c>. Subscribe to them
/// (OpenTelemetry: <c>AddSource("Attention.Sdk")</c>, <c>AddMeter("Attention.Sdk")</c>) to see one span and one duration
/// measurement per HTTP attempt.
/// </summary>
public static class AttentionDiagnostics
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "Attention.Sdk";

    /// <summary>The activity source: one client span per attempt, named <c>{METHOD} {route}</c>.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, typeof(AttentionDiagnostics).Assembly.GetName().Version?.ToString());

    /// <summary>The meter.</summary>
    public static Meter Meter { get; } = new(Name, typeof(AttentionDiagnostics).Assembly.GetName().Version?.ToString());

    /// <summary>Histogram <c>attention.client.request.duration</c> in seconds, tagged with API, method, route and status.</summary>
    internal static Histogram<double> RequestDuration { get; } = Meter.CreateHistogram<double>(
        "attention.client.request.duration", unit: "s", description: "Duration of one HTTP attempt made by the Attention SDK.");
}
