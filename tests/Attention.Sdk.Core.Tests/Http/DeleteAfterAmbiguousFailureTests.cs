using System.Net;
using Attention.Sdk.Core.Tests.Support;
using Attention.Sdk.Http;
using Attention.Sdk.Testing.Logging;
using Microsoft.Extensions.Logging;

namespace Attention.Sdk.Core.Tests.Http;

/// <summary>A DELETE whose answer was lost did its work: a 404 or 409 on the retry is that success, logged, never an exception.</summary>
public sealed class DeleteAfterAmbiguousFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ApiRequest DeleteRental() => new ApiRequest(HttpMethod.Delete, "rentals/{id}").WithPath("id", "r1");

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Conflict)]
    public async Task Retry_meeting_404_or_409_after_a_503_is_reported_as_success(HttpStatusCode retryStatus)
    {
        var transport = new ScriptedHandler()
            .Then(HttpStatusCode.ServiceUnavailable, """{"detail":"busy"}""")
            .Then(retryStatus, """{"detail":"Rental not found"}""");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));

        var response = await connection.SendRawAsync(DeleteRental(), Ct);

        Assert.Equal(2, transport.Sent.Count);
        Assert.True(response.CompletedByEarlierAttempt);
        Assert.Equal(retryStatus, response.StatusCode);
        Assert.True(response.Body.IsEmpty);
    }

    [Fact]
    public async Task Retry_meeting_404_after_a_reset_is_reported_as_success_and_logged()
    {
        var logs = new CapturingLoggerProvider();
        using var loggers = logs.CreateLoggerFactory();
        var transport = new ScriptedHandler()
            .ThenThrow(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."))
            .Then(HttpStatusCode.NotFound, """{"detail":"Rental not found"}""");
        var options = TestApis.FastOptions(transport: transport);
        options.LoggerFactory = loggers;
        var connection = TestApis.Connect(TestApis.Keyed, options);

        await connection.SendAsync(DeleteRental(), Ct);

        Assert.Contains(logs.AtLeast(LogLevel.Information), e => e.Message.Contains("earlier attempt did the work", StringComparison.Ordinal) && e.Message.Contains("404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task First_attempt_404_is_still_a_not_found_exception()
    {
        var transport = new ScriptedHandler().Then(HttpStatusCode.NotFound, """{"detail":"Rental not found"}""");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));

        await Assert.ThrowsAsync<AttentionNotFoundException>(() => connection.SendRawAsync(DeleteRental(), Ct));
    }

    [Fact]
    public async Task Retry_meeting_404_after_a_429_is_a_not_found_exception_because_the_429_did_nothing()
    {
        var transport = new ScriptedHandler()
            .Then(HttpStatusCode.TooManyRequests, configure: r => r.Headers.Add("Retry-After", "0"))
            .Then(HttpStatusCode.NotFound, """{"detail":"Rental not found"}""");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));

        await Assert.ThrowsAsync<AttentionNotFoundException>(() => connection.SendRawAsync(DeleteRental(), Ct));
    }

    [Fact]
    public async Task Get_meeting_404_after_a_503_is_still_a_not_found_exception()
    {
        var transport = new ScriptedHandler()
            .Then(HttpStatusCode.ServiceUnavailable)
            .Then(HttpStatusCode.NotFound, """{"detail":"Rental not found"}""");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));

        await Assert.ThrowsAsync<AttentionNotFoundException>(() => connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "rentals/{id}").WithPath("id", "r1"), Ct));
    }
}
