using Attention.Sdk.Core.Tests.Support;
using Attention.Sdk.Http;

namespace Attention.Sdk.Core.Tests.Http;

public sealed class OptionsValidationTests
{
    public static TheoryData<string, Action<TestClientOptions>> InvalidSettings => new()
    {
        { "ApiKey", o => o.ApiKey = null },
        { "ApiKey", o => o.ApiKey = "tk_live_sk_ has space" },
        { "BaseAddress", o => o.BaseAddress = new Uri("ftp://example.test/") },
        { "Timeout", o => o.Timeout = TimeSpan.Zero },
        { "AttemptTimeout", o => o.AttemptTimeout = TimeSpan.FromSeconds(-1) },
        { "MaxRetries", o => o.MaxRetries = -1 },
        { "MaxRetryDelay", o => o.MaxRetryDelay = TimeSpan.Zero },
        { "MaxRetryAfter", o => o.MaxRetryAfter = TimeSpan.FromSeconds(-1) },
        { "UserAgentSuffix", o => o.UserAgentSuffix = "bad\r\nheader" },
        { "RetryBudgetRatio", o => o.RetryBudgetRatio = 2 },
        { "RetryBudgetMinPerSecond", o => o.RetryBudgetMinPerSecond = -1 },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Invalid_setting_is_rejected_naming_it(string name, Action<TestClientOptions> spoil)
    {
        var options = TestApis.FastOptions();
        spoil(options);

        var error = Assert.ThrowsAny<ArgumentException>(() => options.Validate(TestApis.Keyed));

        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void Default_base_address_is_the_profiles_with_a_trailing_slash()
    {
        Assert.Equal("https://keyed.example.test/v1/", TestApis.FastOptions().ResolveBaseAddress(TestApis.Keyed).ToString());
    }

    [Fact]
    public void Path_parameters_are_escaped_as_one_segment()
    {
        var request = new ApiRequest(HttpMethod.Delete, "characters/{id}/voice-samples/{audioUrl}")
            .WithPath("id", "c 1")
            .WithPath("audioUrl", "https://cdn.example.com/a/b.mp3?x=1");

        Assert.Equal("characters/c%201/voice-samples/https%3A%2F%2Fcdn.example.com%2Fa%2Fb.mp3%3Fx%3D1", request.BuildRelativeUri());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_path_parameter_is_rejected_before_sending(string id)
    {
        Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Get, "rentals/{id}").WithPath("id", id));
    }

    [Fact]
    public void Unbound_path_parameter_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Get, "rentals/{id}").BuildRelativeUri());
    }

    [Theory]
    [InlineData("i")]
    [InlineData("idx")]
    [InlineData("d")]
    public void Path_parameter_the_template_does_not_name_exactly_is_rejected(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Get, "rentals/{id}/actions/{action_id}").WithPath(name, "x"));

        Assert.Contains($"has no parameter {{{name}}}", error.Message);
    }

    [Fact]
    public void Binding_a_path_parameter_again_replaces_the_value()
    {
        var request = new ApiRequest(HttpMethod.Get, "rentals/{id}/actions/{action_id}")
            .WithPath("id", "first")
            .WithPath("action_id", "a1")
            .WithPath("id", "second");

        Assert.Equal("rentals/second/actions/a1", request.BuildRelativeUri());
    }

    [Fact]
    public void Path_and_query_are_built_the_same_on_every_call()
    {
        var request = new ApiRequest(HttpMethod.Get, "rentals/{id}").WithPath("id", "r 1").WithQuery("limit", 5).WithQuery("status", "a&b");

        var first = request.BuildRelativeUri();
        var other = new ApiRequest(HttpMethod.Get, "x/{id}").WithPath("id", "y").BuildRelativeUri();
        var again = request.BuildRelativeUri();

        Assert.Equal("rentals/r%201?limit=5&status=a%26b", first);
        Assert.Equal("x/y", other);
        Assert.Equal(first, again);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("tab\tkey")]
    public void Idempotency_key_that_a_header_cannot_carry_is_rejected(string key)
    {
        Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Post, "rentals").WithIdempotencyKey(key));
    }
}
