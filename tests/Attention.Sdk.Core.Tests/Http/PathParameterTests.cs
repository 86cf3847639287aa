using System.Net;
using Attention.Sdk.Core.Tests.Support;
using Attention.Sdk.Http;

namespace Attention.Sdk.Core.Tests.Http;

/// <summary>A path parameter is exactly one segment: dot segments are refused before sending, everything else is escaped.</summary>
public sealed class PathParameterTests
{
    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Dot_or_empty_segment_is_refused_before_anything_is_sent(string id)
    {
        var transport = new ScriptedHandler().Then(HttpStatusCode.OK, "{}");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => connection.SendRawAsync(
            new ApiRequest(HttpMethod.Delete, "rentals/{id}").WithPath("id", id), TestContext.Current.CancellationToken));

        Assert.Equal("id", error.ParamName);
        Assert.Empty(transport.Sent);
    }

    [Theory]
    [InlineData("%2e%2e", "rentals/%252e%252e")]
    [InlineData("%2E%2E%2F", "rentals/%252E%252E%252F")]
    [InlineData("a/b", "rentals/a%2Fb")]
    [InlineData("a\\b", "rentals/a%5Cb")]
    [InlineData("a?b", "rentals/a%3Fb")]
    [InlineData("a#b", "rentals/a%23b")]
    [InlineData("a b", "rentals/a%20b")]
    [InlineData("...", "rentals/...")]
    [InlineData("r\u00e9sum\u00e9", "rentals/r%C3%A9sum%C3%A9")]
    public void Value_is_escaped_as_one_segment(string id, string expected)
    {
        var request = new ApiRequest(HttpMethod.Get, "rentals/{id}").WithPath("id", id);

        Assert.Equal(expected, request.BuildRelativeUri());
    }

    [Theory]
    [InlineData("%2e%2e", "/v1/rentals/%252e%252e/extend")]
    [InlineData("a/b", "/v1/rentals/a%2Fb/extend")]
    [InlineData("a?b", "/v1/rentals/a%3Fb/extend")]
    [InlineData("a#b", "/v1/rentals/a%23b/extend")]
    public async Task Escaped_value_reaches_the_transport_unchanged_by_system_uri(string id, string expectedPath)
    {
        var transport = new ScriptedHandler().Then(HttpStatusCode.OK, "{}");
        var connection = TestApis.Connect(TestApis.Keyed, TestApis.FastOptions(transport: transport));

        await connection.SendRawAsync(new ApiRequest(HttpMethod.Get, "rentals/{id}/extend").WithPath("id", id), TestContext.Current.CancellationToken);

        var sent = Assert.Single(transport.Sent);
        Assert.Equal(expectedPath, sent.Uri.AbsolutePath);
        Assert.Equal(string.Empty, sent.Uri.Query);
        Assert.Equal(string.Empty, sent.Uri.Fragment);
    }
}
