using Attention.Sdk.Polling;

namespace Attention.Sdk.Core.Tests.Errors;

/// <summary>The documented exception tree (docs/errors.md): one transport branch, one client-side refusal branch, polling apart.</summary>
public sealed class ExceptionTreeTests
{
    [Fact]
    public void Http_timeout_is_a_transport_failure()
    {
        Assert.True(typeof(AttentionTransportException).IsAssignableFrom(typeof(AttentionTimeoutException)));
    }

    [Fact]
    public void Polling_timeout_is_not_an_http_timeout_or_transport_failure()
    {
        Assert.False(typeof(AttentionTransportException).IsAssignableFrom(typeof(PollingTimeoutException)));
        Assert.True(typeof(AttentionException).IsAssignableFrom(typeof(PollingTimeoutException)));
    }

    [Theory]
    [InlineData(typeof(AttentionClientRateLimitException))]
    [InlineData(typeof(AttentionInsecureTransportException))]
    public void Client_side_refusal_is_in_the_refusal_branch_and_claims_no_server_status(Type type)
    {
        Assert.True(typeof(AttentionRequestRefusedException).IsAssignableFrom(type));
        Assert.False(typeof(AttentionApiException).IsAssignableFrom(type));
        Assert.False(typeof(AttentionTransportException).IsAssignableFrom(type));
    }
}
