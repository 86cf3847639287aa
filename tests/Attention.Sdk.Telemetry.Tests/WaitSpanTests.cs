using System.Diagnostics;
using System.Net;
using Attention.Sdk.Polling;
using Attention.Sdk.Telemetry.Tests.Support;

namespace Attention.Sdk.Telemetry.Tests;

/// <summary>A wait helper is one span with each poll's call span beneath it.</summary>
public sealed class WaitSpanTests : IDisposable
{
    private readonly TraceCapture _trace = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _trace.Dispose();

    private static PollingOptions Quick => new() { Interval = TimeSpan.FromMilliseconds(1), MaxInterval = TimeSpan.FromMilliseconds(1), Timeout = TimeSpan.FromMinutes(5) };

    [Fact]
    public async Task A_wait_of_three_polls_is_one_wait_span_over_three_call_spans()
    {
        var transport = new ScriptedTransport()
            .Then(HttpStatusCode.OK, "pending").Then(HttpStatusCode.OK, "pending").Then(HttpStatusCode.OK, "done");
        var connection = TestApi.Connect(transport);

        var body = await Poller.PollUntilAsync(
            async token => (await connection.SendRawAsync(TestApi.GetThing("t3"), token)).Body.ToArray(),
            b => System.Text.Encoding.UTF8.GetString(b) == "done",
            Quick,
            null,
            "thing t3 to be done",
            Ct);

        Assert.Equal("done"u8.ToArray(), body);
        var wait = Assert.Single(_trace.ChildrenOfRoot);
        Assert.Equal(("wait", ActivityKind.Internal, ActivityStatusCode.Unset), (wait.DisplayName, wait.Kind, wait.Status));
        Assert.Equal(("thing t3 to be done", 3), (wait.GetTagItem("attention.wait.description"), wait.GetTagItem("attention.wait.polls")));
        var polls = _trace.ChildrenOf(wait);
        Assert.Equal(3, polls.Count);
        Assert.All(polls, p => Assert.Equal("telemetry-test GET /v1/things/{id}", p.DisplayName));
        Assert.All(polls, p => Assert.Equal("GET /v1/things/{id}", Assert.Single(_trace.ChildrenOf(p)).DisplayName));
    }

    [Fact]
    public async Task After_a_wait_the_callers_span_is_current_again()
    {
        var connection = TestApi.Connect(new ScriptedTransport().Then(HttpStatusCode.OK));

        await Poller.PollUntilAsync(token => connection.SendRawAsync(TestApi.GetThing("t4"), token), _ => true, Quick, null, "thing t4", Ct);

        Assert.Equal(_trace.RootId, Activity.Current?.SpanId);
    }

    [Fact]
    public async Task A_wait_ended_by_a_404_is_marked_failed_with_its_status()
    {
        var connection = TestApi.Connect(new ScriptedTransport().Then(HttpStatusCode.NotFound));

        await Assert.ThrowsAsync<AttentionNotFoundException>(() => Poller.PollUntilAsync(
            token => connection.SendRawAsync(TestApi.GetThing("gone"), token), _ => false, Quick, null, "thing gone", Ct));

        var wait = _trace.Single("wait");
        Assert.Equal(("404", ActivityStatusCode.Error), ((string?)wait.GetTagItem("error.type"), wait.Status));
    }
}
