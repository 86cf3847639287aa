namespace Attention.Sandbox.Tests.Contract;

/// <summary>Attentium's <c>/verify</c> body as documented, checked over plain HTTP (no key: Attentium has none).</summary>
public sealed class AttentiumContractTests : IAsyncLifetime
{
    private AttentionSandbox _sandbox = null!;
    private RawApi _api = null!;

    public async ValueTask InitializeAsync()
    {
        _sandbox = await AttentionSandbox.StartAsync();
        _api = new RawApi(_sandbox.AttentiumBaseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Theory]
    [InlineData("content_url", "12")]
    [InlineData("content_url", """{"href":"https://x"}""")]
    [InlineData("callback_url", "true")]
    public async Task A_documented_string_field_of_another_type_is_a_400(string field, string value)
    {
        var answer = await _api.PostAsync("verify", null, $$"""{"duration":10,"quantity":1,"bid_per_second":0.003,"validation_question":"Is this a cat?","{{field}}":{{value}}}""");

        Assert.Equal(400, answer.Status);
        Assert.Contains(field, (string?)answer.Body!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task String_urls_are_accepted_and_invoiced()
    {
        var answer = await _api.PostAsync("verify", null, """{"duration":10,"quantity":1,"bid_per_second":0.003,"validation_question":"Is this a cat?","content_url":"https://example.com/cat.png","callback_url":null}""");

        Assert.Equal(402, answer.Status);
    }
}
