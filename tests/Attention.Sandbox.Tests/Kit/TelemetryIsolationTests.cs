using System.Diagnostics;

namespace Attention.Sandbox.Tests.Kit;

/// <summary>The sandbox's server spans stay out of the host app's traces.</summary>
public sealed class TelemetryIsolationTests
{
    [Fact]
    public async Task Requests_to_the_sandbox_start_no_aspnetcore_server_span_in_the_callers_trace()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var started = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    lock (started)
                    {
                        started.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var sandbox = await AttentionSandbox.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(sandbox.AttentionFactoryBaseAddress, "platforms"));
        request.Headers.Authorization = new("Bearer", AttentionSandbox.FactoryApiKey);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Empty(started);
    }
}
