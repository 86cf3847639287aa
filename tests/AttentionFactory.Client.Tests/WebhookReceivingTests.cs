using System.Text;
using Attention.Sdk.Webhooks;
using AttentionFactory.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AttentionFactory.Client.Tests;

/// <summary>Receiving through DI (one call, from configuration, validated), the parser's body limit, and the signed-delivery helper for customers' tests.</summary>
public sealed class WebhookReceivingTests
{
    private const string Secret = "whsec_receiving_new";
    private const string OldSecret = "whsec_receiving_old";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void One_call_registers_options_parser_and_store_from_configuration()
    {
        var configuration = Configuration(new()
        {
            ["AttentionFactory:Webhooks:Secrets:0"] = Secret,
            ["AttentionFactory:Webhooks:Secrets:1"] = OldSecret,
            ["AttentionFactory:Webhooks:MaxBodyBytes"] = "65536",
            ["AttentionFactory:Webhooks:Deduplication:Capacity"] = "10",
            ["AttentionFactory:Webhooks:Deduplication:TimeToLive"] = "01:00:00",
        });
        var services = new ServiceCollection();

        services.AddAttentionFactoryWebhooks(configuration.GetSection("AttentionFactory:Webhooks"));
        using var provider = services.BuildServiceProvider();

        var parser = provider.GetRequiredService<AttentionFactoryWebhookParser>();
        Assert.Equal(65536, parser.MaxBodyBytes);
        var store = Assert.IsType<InMemoryWebhookDeduplicationStore>(provider.GetRequiredService<IWebhookDeduplicationStore>());
        Assert.Equal(10, store.Capacity);
        Assert.Equal(TimeSpan.FromHours(1), store.TimeToLive);
        Assert.Same(parser, provider.GetRequiredService<AttentionFactoryWebhookParser>());
    }

    [Fact]
    public void The_registered_parser_accepts_both_secrets_during_rotation()
    {
        var services = new ServiceCollection();
        services.AddAttentionFactoryWebhooks(o => o.Secrets = [Secret, OldSecret]);
        using var provider = services.BuildServiceProvider();
        var parser = provider.GetRequiredService<AttentionFactoryWebhookParser>();

        foreach (var secret in new[] { Secret, OldSecret })
        {
            var delivery = SignedWebhookDelivery.Create(WebhookEventType.ActionVerified, """{"action_id":"a1","status":"verified"}""", secret);
            Assert.Equal(WebhookEventType.ActionVerified, parser.Parse(delivery.Body.Span, delivery.Signature).EventType);
        }
    }

    [Fact]
    public void A_store_registered_by_the_application_is_kept()
    {
        var services = new ServiceCollection();
        var own = new InMemoryWebhookDeduplicationStore(capacity: 3);
        services.AddSingleton<IWebhookDeduplicationStore>(own);

        services.AddAttentionFactoryWebhooks(o => o.Secrets = [Secret]);
        using var provider = services.BuildServiceProvider();

        Assert.Same(own, provider.GetRequiredService<IWebhookDeduplicationStore>());
    }

    [Fact]
    public void Missing_secrets_fail_validation_at_startup_naming_the_problem()
    {
        var services = new ServiceCollection();
        services.AddAttentionFactoryWebhooks(Configuration(new() { ["Webhooks:MaxBodyBytes"] = "1024" }).GetSection("Webhooks"));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("At least one webhook secret is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_deduplication_bounds_fail_validation()
    {
        var options = new AttentionFactoryWebhookOptions { Secrets = [Secret], DeduplicationCapacity = 0, DeduplicationTimeToLive = TimeSpan.Zero };

        var problems = options.Validate();

        Assert.Contains(problems, p => p.Contains("DeduplicationCapacity", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("DeduplicationTimeToLive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_parser_refuses_a_content_length_over_its_limit_without_reading()
    {
        var parser = new AttentionFactoryWebhookParser(new WebhookReceiverOptions { Secrets = [Secret], MaxBodyBytes = 100 });
        var delivery = SignedWebhookDelivery.Create(WebhookEventType.ActionVerified, """{"action_id":"a1","status":"verified"}""", Secret);
        using var stream = new MemoryStream(delivery.Body.ToArray());

        var ex = await Assert.ThrowsAsync<WebhookBodyTooLargeException>(() => parser.ParseAsync(stream, delivery.Signature, contentLength: 101, Ct));

        Assert.Equal(100, ex.MaxBodyBytes);
        Assert.Equal(0, stream.Position);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_parser_without_usable_secrets_cannot_be_built(bool oneEmpty)
    {
        string[] secrets = oneEmpty ? ["whsec_a", ""] : [];

        var ex = Assert.Throws<ArgumentException>(() => new AttentionFactoryWebhookParser(secrets));

        Assert.Equal("secrets", ex.ParamName);
    }

    [Fact]
    public void A_parser_from_invalid_options_names_the_problem_without_the_secret()
    {
        var ex = Assert.Throws<ArgumentException>(() => new AttentionFactoryWebhookParser(new WebhookReceiverOptions { Secrets = ["whsec_kept_out"], MaxBodyBytes = -1 }));

        Assert.Contains("MaxBodyBytes", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_kept_out", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_parser_reads_a_stream_within_its_limit()
    {
        var delivery = SignedWebhookDelivery.Create(WebhookEventType.RentalActive, """{"rental_id":"r1","status":"active"}""", Secret);
        var parser = new AttentionFactoryWebhookParser(new WebhookReceiverOptions { Secrets = [Secret], MaxBodyBytes = delivery.Body.Length });
        using var stream = new MemoryStream(delivery.Body.ToArray());

        var webhookEvent = await parser.ParseAsync(stream, delivery.Signature, delivery.Body.Length, Ct);

        Assert.Equal("rental.active:r1", webhookEvent.DeduplicationKey);
    }

    [Theory]
    [InlineData(WebhookCanonicalForm.Raw)]
    [InlineData(WebhookCanonicalForm.SortedCompact)]
    [InlineData(WebhookCanonicalForm.SortedPythonDefault)]
    [InlineData(WebhookCanonicalForm.SortedCompactAscii)]
    public void The_signed_delivery_helper_builds_a_delivery_the_parser_accepts_in_each_form(WebhookCanonicalForm form)
    {
        const string data = """{ "status": "verified", "action_id": "a1", "caption": "Café ☕" }""";
        var timestamp = new DateTimeOffset(2026, 4, 19, 12, 30, 0, TimeSpan.Zero);

        var delivery = SignedWebhookDelivery.Create(WebhookEventType.ActionVerified, data, Secret, timestamp, form);
        var webhookEvent = Assert.IsType<ActionWebhookEvent>(new AttentionFactoryWebhookParser(Secret).Parse(delivery.Body.Span, delivery.Headers[AttentionFactoryWebhookParser.SignatureHeaderName]));

        // The body carries sorted compact data, so a sorted compact signature is also its raw text's signature.
        Assert.Equal(form == WebhookCanonicalForm.SortedCompact ? WebhookCanonicalForm.Raw : form, WebhookSignatureVerifier.Verify(delivery.Body.Span, delivery.Signature, Secret).MatchedForm);
        Assert.Equal("a1", webhookEvent.ActionId);
        Assert.Equal("Café ☕", webhookEvent.Data.GetProperty("caption").GetString());
        Assert.Equal(timestamp, webhookEvent.Timestamp);
        Assert.StartsWith("""{"event":"action.verified","timestamp":"2026-04-19T12:30:00Z","data":""", delivery.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_signed_delivery_helper_makes_a_request_with_its_headers()
    {
        var delivery = SignedWebhookDelivery.Create(WebhookEventType.ActionFailed, """{"action_id":"a1","status":"failed"}""", Secret);

        using var request = delivery.ToHttpRequestMessage("https://example.test/hooks");

        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(delivery.Signature, Assert.Single(request.Headers.GetValues(AttentionFactoryWebhookParser.SignatureHeaderName)));
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal(delivery.Body.ToArray(), await request.Content.ReadAsByteArrayAsync(Ct));
        Assert.DoesNotContain(Secret, delivery.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"action_id":"a1","status":"verified"}""", "does not match the signed status")]
    [InlineData("""{"action_id":"a1","status":"failed","status":"failed"}""", "repeats the key")]
    [InlineData("""[1]""", "not a JSON object")]
    [InlineData("""{"a":""", "not valid JSON")]
    public void The_signed_delivery_helper_refuses_what_the_parser_would_refuse(string data, string reason)
    {
        var ex = Assert.Throws<ArgumentException>(() => SignedWebhookDelivery.Create(WebhookEventType.ActionFailed, data, Secret));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
