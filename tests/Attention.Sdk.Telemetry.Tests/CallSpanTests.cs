using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Attention.Sdk.Telemetry.Tests.Support;

namespace Attention.Sdk.Telemetry.Tests;

/// <summary>A typed call is one internal span with one client span per attempt beneath it, in OpenTelemetry HTTP semantic-convention terms.</summary>
public sealed class CallSpanTests : IDisposable
{
    private const string CallName = "telemetry-test GET /v1/things/{id}";
    private const string AttemptName = "GET /v1/things/{id}";
    private readonly TraceCapture _trace = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _trace.Dispose();

    [Fact]
    public async Task A_call_retried_once_is_one_call_span_over_two_attempt_spans_numbered_by_resend_count()
    {
        var transport = new ScriptedTransport().Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.OK, """{"id":"t1"}""");
        var connection = TestApi.Connect(transport);

        await connection.SendRawAsync(TestApi.GetThing("t1"), Ct);

        Assert.Equal(_trace.RootId, Activity.Current?.SpanId);
        var call = Assert.Single(_trace.ChildrenOfRoot);
        Assert.Equal((CallName, ActivityKind.Internal, ActivityStatusCode.Unset), (call.DisplayName, call.Kind, call.Status));
        Assert.Equal("telemetry-test", call.GetTagItem("attention.api"));
        Assert.Equal(2, call.GetTagItem("attention.attempts"));
        var attempts = _trace.ChildrenOf(call).OrderBy(a => (int)a.GetTagItem("http.request.resend_count")!).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, a => Assert.Equal((AttemptName, ActivityKind.Client), (a.DisplayName, a.Kind)));
        Assert.Equal([0, 1], attempts.Select(a => (int)a.GetTagItem("http.request.resend_count")!));
        Assert.Equal([503, 200], attempts.Select(a => (int)a.GetTagItem("http.response.status_code")!));
        Assert.Equal(("503", ActivityStatusCode.Error), ((string?)attempts[0].GetTagItem("error.type"), attempts[0].Status));
        Assert.Null(attempts[1].GetTagItem("error.type"));
        Assert.All(attempts, a => Assert.Equal(("GET", "/v1/things/{id}", "api.telemetry.test"), (a.GetTagItem("http.request.method"), a.GetTagItem("url.template"), a.GetTagItem("server.address"))));
    }

    [Fact]
    public async Task A_404_marks_the_call_and_its_attempt_with_error_type_404()
    {
        var connection = TestApi.Connect(new ScriptedTransport().Then(HttpStatusCode.NotFound, """{"error":"not_found","message":"no such thing"}"""));

        await Assert.ThrowsAsync<AttentionNotFoundException>(() => connection.SendRawAsync(TestApi.GetThing("missing"), Ct));

        var call = _trace.Single(CallName);
        var attempt = Assert.Single(_trace.ChildrenOf(call));
        Assert.Equal(("404", ActivityStatusCode.Error), ((string?)call.GetTagItem("error.type"), call.Status));
        Assert.Equal(("404", ActivityStatusCode.Error, 404), ((string?)attempt.GetTagItem("error.type"), attempt.Status, (int?)attempt.GetTagItem("http.response.status_code")));
        Assert.DoesNotContain("no such thing", call.StatusDescription ?? string.Empty);
    }

    [Fact]
    public async Task A_connection_reset_carries_the_exception_types_full_name_and_no_message_or_secret()
    {
        var reset = new HttpRequestException($"reset while sending {TestApi.Key}", new SocketException((int)SocketError.ConnectionReset));
        var connection = TestApi.Connect(new ScriptedTransport().ThenThrow(reset), maxRetries: 0);

        await Assert.ThrowsAsync<AttentionTransportException>(() => connection.SendRawAsync(TestApi.GetThing("t2"), Ct));

        var call = _trace.Single(CallName);
        var attempt = Assert.Single(_trace.ChildrenOf(call));
        Assert.Equal("System.Net.Http.HttpRequestException", attempt.GetTagItem("error.type"));
        Assert.Equal((ActivityStatusCode.Error, "System.Net.Http.HttpRequestException"), (attempt.Status, attempt.StatusDescription));
        Assert.Null(attempt.GetTagItem("http.response.status_code"));
        Assert.Equal(typeof(AttentionTransportException).FullName, call.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, call.Status);
        foreach (var span in _trace.Spans)
        {
            Assert.DoesNotContain("SECRETKEY", span.StatusDescription ?? string.Empty);
            Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains("SECRETKEY", StringComparison.Ordinal) == true);
        }
    }
}
