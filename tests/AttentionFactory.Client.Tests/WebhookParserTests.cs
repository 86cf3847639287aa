using System.Text;
using Attention.Sdk.Webhooks;
using AttentionFactory.Actions;
using AttentionFactory.Client.Tests.Support;
using AttentionFactory.Platforms;
using AttentionFactory.Rentals;
using AttentionFactory.Webhooks;

namespace AttentionFactory.Client.Tests;

public sealed class WebhookParserTests(NodeWebhookVectors vectors) : IClassFixture<NodeWebhookVectors>
{
    private static readonly AttentionFactoryWebhookParser Parser = new(NodeWebhookVectors.Secret);

    public static TheoryData<int, string> EveryFormOfEveryBody => new()
    {
        { 0, "raw" }, { 0, "sortedCompact" }, { 0, "pythonDefault" }, { 0, "sortedCompactAscii" },
        { 1, "raw" }, { 1, "sortedCompact" }, { 1, "pythonDefault" }, { 1, "sortedCompactAscii" },
    };

    [Theory]
    [MemberData(nameof(EveryFormOfEveryBody))]
    public void A_signature_from_the_docs_node_snippet_is_accepted_for_each_canonical_form(int body, string form)
    {
        var webhookEvent = Parser.Parse(Encoding.UTF8.GetBytes(NodeWebhookVectors.Bodies[body]), vectors.Signatures[body][form]);

        Assert.Equal(body == 0 ? WebhookEventType.ActionVerified : WebhookEventType.RentalActive, webhookEvent.EventType);
    }

    [Theory]
    [MemberData(nameof(EveryFormOfEveryBody))]
    public void A_tampered_delivery_is_rejected_for_each_canonical_form(int body, string form)
    {
        var tampered = NodeWebhookVectors.Bodies[body].Replace("4e1a5c98", "4e1a5c99", StringComparison.Ordinal);

        var ex = Assert.Throws<WebhookVerificationException>(() => Parser.Parse(Encoding.UTF8.GetBytes(tampered), vectors.Signatures[body][form]));

        Assert.Contains("does not match", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_python_form_really_escapes_non_ascii()
    {
        Assert.Contains("\\u2615", vectors.Forms[1]["pythonDefault"], StringComparison.Ordinal);
        Assert.Contains("\", \"", vectors.Forms[1]["pythonDefault"], StringComparison.Ordinal);
        Assert.Contains("☕", vectors.Forms[1]["sortedCompact"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_core_signer_matches_the_docs_snippet()
    {
        Assert.Equal(vectors.Signatures[1]["sortedCompact"], WebhookSigner.Sign(Encoding.UTF8.GetBytes(vectors.Forms[1]["sortedCompact"]), NodeWebhookVectors.Secret));
    }

    [Fact]
    public void An_action_event_is_typed()
    {
        var webhookEvent = Assert.IsType<ActionWebhookEvent>(Parser.Parse(Encoding.UTF8.GetBytes(NodeWebhookVectors.Bodies[0]), vectors.Signatures[0]["sortedCompact"]));

        Assert.Equal("9ab72c01-5d62-4f0b-a8cc-1d4a7b2fc309", webhookEvent.ActionId);
        Assert.Equal("4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3", webhookEvent.RentalId);
        Assert.Equal(ActionStatus.Verified, webhookEvent.Status);
        Assert.Equal(ActionType.PostImage, webhookEvent.ActionType);
        Assert.Equal(Platform.Instagram, webhookEvent.Platform);
        Assert.Equal(new DateTimeOffset(2026, 4, 19, 12, 30, 0, TimeSpan.Zero), webhookEvent.Timestamp);
        Assert.Equal("action.verified:9ab72c01-5d62-4f0b-a8cc-1d4a7b2fc309", webhookEvent.DeduplicationKey);
    }

    [Fact]
    public void A_rental_event_is_typed()
    {
        var webhookEvent = Assert.IsType<RentalWebhookEvent>(Parser.Parse(Encoding.UTF8.GetBytes(NodeWebhookVectors.Bodies[1]), vectors.Signatures[1]["raw"]));

        Assert.Equal("4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3", webhookEvent.RentalId);
        Assert.Equal(RentalStatus.Active, webhookEvent.Status);
        Assert.Equal("rental.active:4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3", webhookEvent.DeduplicationKey);
        Assert.Equal("Café ☕ Launchpad", webhookEvent.Data.GetProperty("profile").GetProperty("display_name").GetString());
    }

    [Fact]
    public void An_unknown_event_is_returned_with_its_raw_data()
    {
        const string body = """{"event":"credits.topped_up","timestamp":"2026-04-20T00:00:00Z","data":{"amount":"50.00","id":"tx_1"}}""";
        var signature = WebhookSigner.Sign(Encoding.UTF8.GetBytes("""{"amount":"50.00","id":"tx_1"}"""), NodeWebhookVectors.Secret);

        var webhookEvent = Parser.Parse(Encoding.UTF8.GetBytes(body), signature);

        Assert.Equal(typeof(WebhookEvent), webhookEvent.GetType());
        Assert.Equal("credits.topped_up", webhookEvent.EventType.Value);
        Assert.Equal("50.00", webhookEvent.Data.GetProperty("amount").GetString());
        Assert.Equal("credits.topped_up:tx_1", webhookEvent.DeduplicationKey);
    }

    [Fact]
    public void During_rotation_the_old_secret_is_still_accepted()
    {
        var parser = new AttentionFactoryWebhookParser([NodeWebhookVectors.Secret, NodeWebhookVectors.OldSecret]);

        Assert.True(parser.TryParseEvent(Encoding.UTF8.GetBytes(NodeWebhookVectors.Bodies[0]), vectors.Signatures[0]["oldSecretSortedCompact"], out var webhookEvent, out _));
        Assert.NotNull(webhookEvent);
        Assert.Throws<WebhookVerificationException>(() => Parser.Parse(Encoding.UTF8.GetBytes(NodeWebhookVectors.Bodies[0]), vectors.Signatures[0]["oldSecretSortedCompact"]));
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("", "missing")]
    [InlineData("md5=abc", "sha256=")]
    [InlineData("sha256=zz", "64 hexadecimal")]
    public void A_missing_or_malformed_header_is_rejected_with_the_reason(string? header, string reason)
    {
        Assert.False(Parser.TryParseEvent(Encoding.UTF8.GetBytes(NodeWebhookVectors.Bodies[0]), header, out _, out var failure));

        Assert.Contains(reason, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_name_that_contradicts_the_signed_status_is_rejected()
    {
        var forged = NodeWebhookVectors.Bodies[0].Replace("\"action.verified\"", "\"action.failed\"", StringComparison.Ordinal);

        var ex = Assert.Throws<WebhookVerificationException>(() => Parser.Parse(Encoding.UTF8.GetBytes(forged), vectors.Signatures[0]["raw"]));

        Assert.Contains("does not match the signed status", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_async_reads_a_stream()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(NodeWebhookVectors.Bodies[0]));

        var webhookEvent = await Parser.ParseAsync(stream, vectors.Signatures[0]["pythonDefault"], TestContext.Current.CancellationToken);

        Assert.IsType<ActionWebhookEvent>(webhookEvent);
    }

    [Fact]
    public void Secrets_never_appear_in_messages()
    {
        var ex = Assert.Throws<WebhookVerificationException>(() => Parser.Parse(Encoding.UTF8.GetBytes(NodeWebhookVectors.Bodies[0]), "sha256=" + new string('0', 64)));

        Assert.DoesNotContain(NodeWebhookVectors.Secret, ex.Message, StringComparison.Ordinal);
    }
}

public sealed class WebhookDeduplicationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_event_is_processed_once()
    {
        var store = new InMemoryWebhookDeduplicationStore();
        var first = AttentionFactoryModelFactory.WebhookEvent(WebhookEventType.ActionVerified, """{"action_id": "a1", "status": "verified"}""");
        var again = AttentionFactoryModelFactory.WebhookEvent(WebhookEventType.ActionVerified, """{"action_id": "a1", "status": "verified"}""");
        var next = AttentionFactoryModelFactory.WebhookEvent(WebhookEventType.ActionFailed, """{"action_id": "a1", "status": "failed"}""");

        Assert.True(await store.TryRegisterAsync(first, Ct));
        Assert.False(await store.TryRegisterAsync(again, Ct));
        Assert.True(await store.TryRegisterAsync(next, Ct));
    }

    [Fact]
    public async Task Keys_expire_after_the_time_to_live()
    {
        var time = new FakeClock();
        var store = new InMemoryWebhookDeduplicationStore(timeToLive: TimeSpan.FromMinutes(5), timeProvider: time);

        Assert.True(await store.TryRegisterAsync("k", Ct));
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.False(await store.TryRegisterAsync("k", Ct));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await store.TryRegisterAsync("k", Ct));
    }

    [Fact]
    public async Task The_store_is_bounded_dropping_the_oldest_keys()
    {
        var store = new InMemoryWebhookDeduplicationStore(capacity: 2);

        await store.TryRegisterAsync("a", Ct);
        await store.TryRegisterAsync("b", Ct);
        await store.TryRegisterAsync("c", Ct);

        Assert.Equal(2, store.Count);
        Assert.True(await store.TryRegisterAsync("a", Ct));
        Assert.False(await store.TryRegisterAsync("c", Ct));
    }

    [Fact]
    public async Task A_removed_key_is_processed_again()
    {
        var store = new InMemoryWebhookDeduplicationStore();
        await store.TryRegisterAsync("k", Ct);

        await store.RemoveAsync("k", Ct);

        Assert.True(await store.TryRegisterAsync("k", Ct));
    }

    private sealed class FakeClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 4, 19, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
