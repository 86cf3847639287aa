using System.Diagnostics;
using Attention.Sdk.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Attention.Sdk.Telemetry.Tests.Support;

/// <summary>
/// The OpenTelemetry SDK subscribed to the SDK's source, exporting to memory, and a root span the test runs under. Tests run in
/// parallel in one process: only the spans of this root's trace are this test's.
/// </summary>
public sealed class TraceCapture : IDisposable
{
    private static readonly ActivitySource s_testSource = new("Attention.Sdk.Telemetry.Tests");
    private readonly List<Activity> _exported = [];
    private readonly TracerProvider _provider;
    private readonly Activity _root;

    public TraceCapture()
    {
        _provider = OpenTelemetry.Sdk.CreateTracerProviderBuilder()
            .AddSource(AttentionDiagnostics.Name, s_testSource.Name)
            .SetSampler(new AlwaysOnSampler())
            .AddInMemoryExporter(_exported)
            .Build()!;
        _root = s_testSource.StartActivity("test root", ActivityKind.Internal)!;
    }

    public ActivitySpanId RootId => _root.SpanId;

    /// <summary>The ended spans of this test's trace, in the order they ended (the root excluded).</summary>
    public IReadOnlyList<Activity> Spans
    {
        get
        {
            _provider.ForceFlush();
            lock (_exported)
            {
                return [.. _exported.Where(a => a.TraceId == _root.TraceId && a.SpanId != _root.SpanId)];
            }
        }
    }

    public IReadOnlyList<Activity> ChildrenOf(Activity parent) => [.. Spans.Where(s => s.ParentSpanId == parent.SpanId)];

    public IReadOnlyList<Activity> ChildrenOfRoot => [.. Spans.Where(s => s.ParentSpanId == _root.SpanId)];

    public Activity Single(string name) => Assert.Single(Spans, s => s.DisplayName == name);

    public void Dispose()
    {
        _root.Dispose();
        _provider.Dispose();
    }
}
