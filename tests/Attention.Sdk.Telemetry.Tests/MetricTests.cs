using System.Diagnostics.Metrics;
using System.Net;
using Attention.Sdk.DependencyInjection;
using Attention.Sdk.Http;
using Attention.Sdk.Telemetry.Tests.Support;
using Attentium;
using Attentium.Solana;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Attention.Sdk.Telemetry.Tests;

/// <summary>The duration histogram: its unit, buckets and attributes, and the meter it is recorded on under dependency injection.</summary>
public sealed class MetricTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_duration_histogram_has_the_declared_buckets_in_seconds_and_semantic_convention_attributes()
    {
        var exported = new List<MetricSnapshot>();
        List<MetricSnapshot> flushed;
        using (var meters = OpenTelemetry.Sdk.CreateMeterProviderBuilder().AddMeter(AttentionDiagnostics.Name).AddInMemoryExporter(exported).Build())
        {
            var connection = TestApi.Connect(new ScriptedTransport().Then(HttpStatusCode.NotFound));
            await Assert.ThrowsAsync<AttentionNotFoundException>(() => connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "measured/{id}").WithPath("id", "m1"), Ct));
            meters.ForceFlush();
            flushed = [.. exported]; // one export; disposing the provider exports again
        }

        exported = flushed;

        // Other tests run meanwhile (on this route-free meter, or on their containers' meters): this test's call has a route of its own.
        var metrics = exported.Where(m => m.Name == AttentionDiagnostics.RequestDurationName).ToList();
        Assert.NotEmpty(metrics);
        Assert.All(metrics, m => Assert.Equal(("s", MetricType.Histogram), (m.Unit, m.MetricType)));
        var ours = metrics.SelectMany(m => m.MetricPoints).Where(p => Tags(p).GetValueOrDefault("url.template") as string == "/v1/measured/{id}").ToList();
        var point = Assert.Single(ours);
        var bounds = new List<double>();
        foreach (var bucket in point.GetHistogramBuckets())
        {
            if (!double.IsPositiveInfinity(bucket.ExplicitBound))
            {
                bounds.Add(bucket.ExplicitBound);
            }
        }

        Assert.Equal(AttentionDiagnostics.RequestDurationBuckets, bounds);
        var tags = Tags(point);
        Assert.Equal("GET", tags["http.request.method"]);
        Assert.Equal(TestApi.Profile.Name, tags["attention.api"]);
        Assert.Equal("api.telemetry.test", tags["server.address"]);
        Assert.Equal(404, Convert.ToInt32(tags["http.response.status_code"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("404", tags["error.type"]);
    }

    [Fact]
    public async Task Under_dependency_injection_the_histogram_is_on_the_containers_meter_and_ends_with_the_container()
    {
        var transport = new ScriptedTransport().Then(HttpStatusCode.OK);
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddAttentionApiClient<TestClient, TestOptions>(
            TestApi.Profile,
            o => { o.ApiKey = TestApi.Key; o.RetryBudgetProvider = new Attention.Sdk.RateLimiting.InProcessRetryBudgetProvider(); },
            (http, options, _) => new TestClient(new ApiConnection(http, TestApi.Profile, options)))
            .ConfigurePrimaryHttpMessageHandler(() => transport);
        var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IMeterFactory>();
        var recordedOn = new List<Meter>();
        var completed = new List<Meter>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == AttentionDiagnostics.RequestDurationName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
            MeasurementsCompleted = (instrument, _) => { lock (completed) { completed.Add(instrument.Meter); } },
        };
        listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => { lock (recordedOn) { recordedOn.Add(instrument.Meter); } });
        listener.Start();

        await provider.GetRequiredService<TestClient>().Connection.SendRawAsync(TestApi.GetThing("di"), Ct);
        await provider.DisposeAsync();

        var meter = Assert.Single(recordedOn);
        Assert.NotSame(AttentionDiagnostics.Meter, meter);
        Assert.Equal((AttentionDiagnostics.Name, factory), (meter.Name, meter.Scope));
        Assert.Contains(meter, completed);
    }

    [Fact]
    public async Task A_registered_attentium_clients_own_rpc_client_records_on_the_containers_meter_too()
    {
        using var node = new LoopbackRpcNode("42");
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddAttentiumClient(o =>
        {
            o.BaseAddress = new Uri("https://attentium.telemetry.test/v1/");
            o.Cluster = SolanaCluster.Custom;
            o.RpcEndpoint = node.Endpoint;
            o.UsdcMint = Usdc.DevnetMint;
        });
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IMeterFactory>();
        var apis = new List<string?>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == AttentionDiagnostics.RequestDurationName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "attention.api")
                {
                    lock (apis) { apis.Add(tag.Value as string); }
                }
            }
        });
        listener.Start();

        var height = await provider.GetRequiredService<AttentiumClient>().SolanaRpc.GetBlockHeightAsync(cancellationToken: Ct);

        Assert.Equal(42UL, height);
        Assert.Equal(["solana-rpc"], apis);
    }

    private static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        return tags;
    }
}
