using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Attention.Sdk.Telemetry;

/// <summary>
/// The SDK's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>Attention.Sdk</c>. Subscribe to them
/// (OpenTelemetry: <c>AddSource("Attention.Sdk")</c>, <c>AddMeter("Attention.Sdk")</c>) to see one span per logical operation
/// (a call, a wait, a payment step) with one client span per HTTP attempt beneath it, and one duration measurement per attempt
/// (see docs/observability.md). Nothing is built when nobody listens.
/// </summary>
public static class AttentionDiagnostics
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "Attention.Sdk";

    /// <summary>
    /// The duration histogram's name. Not <c>http.client.request.duration</c>: that is what <see cref="HttpClient"/> itself records per
    /// request on .NET 8+, and the SDK's measurement (one per attempt, with the API and route template) must not be merged with it.
    /// </summary>
    public const string RequestDurationName = "attention.client.request.duration";

    /// <summary>
    /// The histogram's explicit bucket boundaries in seconds, the OpenTelemetry HTTP semantic conventions' recommendation. Given as
    /// instrument advice on .NET 9+; on .NET 8 set them with an OpenTelemetry view (docs/observability.md shows how).
    /// </summary>
    public static IReadOnlyList<double> RequestDurationBuckets { get; } = Array.AsReadOnly(new[] { 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10 });

    internal static readonly string? Version = typeof(AttentionDiagnostics).Assembly.GetName().Version?.ToString();

    /// <summary>The activity source: logical-operation spans (internal) and one client span per attempt, named <c>{METHOD} {route}</c>.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, Version);

    /// <summary>
    /// The meter used by clients built with <c>new</c>. Clients built by dependency injection record on a meter from the container's
    /// <see cref="IMeterFactory"/> instead, with the same name and instruments.
    /// </summary>
    public static Meter Meter { get; } = new(Name, Version);

    /// <summary>The instruments on <see cref="Meter"/>.</summary>
    internal static AttentionMetrics Metrics { get; } = AttentionMetrics.On(Meter);

    /// <summary>
    /// Starts an internal span for one logical operation (a call, a wait, a payment step), a child of the current span, or returns null
    /// when nobody listens (nothing is allocated then). The name must be low-cardinality and free of secrets.
    /// </summary>
    internal static Activity? StartOperation(string name, string? api = null)
    {
        if (!ActivitySource.HasListeners())
        {
            return null;
        }

        var activity = ActivitySource.StartActivity(name, ActivityKind.Internal);
        if (activity is not null && api is not null)
        {
            activity.SetTag(TelemetryTags.Api, api);
        }

        return activity;
    }

    /// <summary>
    /// Runs <paramref name="run"/> under one <see cref="StartOperation"/> span, given to it (to tag as it goes) and marked failed with
    /// <c>error.type</c> when it throws. When nobody listens, <paramref name="run"/> is called with null and nothing else happens (no
    /// span, no extra async frame). The span is started inside an async method, so it stops being current for the caller at the end.
    /// </summary>
    internal static Task<T> RunOperationAsync<T>(string name, string? api, Func<Activity?, Task<T>> run) =>
        ActivitySource.HasListeners() ? RunObservedAsync(name, api, run) : run(null);

    private static async Task<T> RunObservedAsync<T>(string name, string? api, Func<Activity?, Task<T>> run)
    {
        using var operation = StartOperation(name, api);
        try
        {
            return await run(operation).ConfigureAwait(false);
        }
        catch (Exception ex) when (RecordFailure(operation, ex))
        {
            throw;
        }
    }

    /// <summary>
    /// Marks <paramref name="activity"/> failed with <c>error.type</c> (see <see cref="TelemetryTags.ErrorTypeOf"/>) and the error type as
    /// the status description: an exception's message may carry server text, never put on a span. Returns false, so it can sit in an
    /// exception filter without catching anything.
    /// </summary>
    internal static bool RecordFailure(Activity? activity, Exception exception)
    {
        if (activity is not null)
        {
            var type = TelemetryTags.ErrorTypeOf(exception);
            activity.SetTag(TelemetryTags.ErrorType, type);
            activity.SetStatus(ActivityStatusCode.Error, type);
        }

        return false;
    }
}
