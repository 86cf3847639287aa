using System.Text;
using Attention.Sdk.Webhooks;
using AttentionFactory.Actions;
using AttentionFactory.Rentals;
using AttentionFactory.Webhooks;

namespace AttentionFactory.Client.Tests;

/// <summary>
/// The attacks from issue 12 against the parser: a captured genuine delivery with a second <c>data</c> member, repeated keys,
/// and genuine data relabelled under another event name. Each is refused with a reason; the genuine delivery still parses.
/// </summary>
public sealed class WebhookForgeryTests
{
    private const string Secret = "whsec_forgery_tests";
    private static readonly AttentionFactoryWebhookParser Parser = new(Secret);

    private const string FailedAction = """{"action_id":"a-1","rental_id":"r-1","platform":"instagram","action_type":"post.image","status":"failed"}""";
    private const string ActiveRental = """{"rental_id":"r-1","platform":"instagram","status":"active","anonymized_id":"anon-1"}""";

    private static string Sign(string data) => WebhookSigner.Sign(Encoding.UTF8.GetBytes(data), Secret);

    private static string Envelope(string eventName, string data) => $$"""{"event":"{{eventName}}","timestamp":"2026-04-19T12:30:00Z","data":{{data}}}""";

    private static WebhookVerificationException Refused(string body, string signature) =>
        Assert.Throws<WebhookVerificationException>(() => Parser.Parse(Encoding.UTF8.GetBytes(body), signature));

    [Fact]
    public void The_genuine_failed_action_parses()
    {
        var webhookEvent = Assert.IsType<ActionWebhookEvent>(Parser.Parse(Encoding.UTF8.GetBytes(Envelope("action.failed", FailedAction)), Sign(FailedAction)));

        Assert.Equal(ActionStatus.Failed, webhookEvent.Status);
        Assert.Equal("a-1", webhookEvent.ActionId);
    }

    [Fact]
    public void A_failed_action_with_an_appended_verified_data_member_is_refused()
    {
        // The forgery: the verifier hashed the first "data", the parser read the last.
        var forged = Envelope("action.verified", FailedAction)[..^1] + ""","data":{"action_id":"other","status":"verified"}}""";

        var ex = Refused(forged, Sign(FailedAction));

        Assert.Contains("repeats the envelope member \"data\"", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Signed_data_with_a_repeated_status_key_is_refused()
    {
        var data = FailedAction[..^1] + ""","status":"verified"}""";

        var ex = Refused(Envelope("action.verified", data), Sign(data));

        Assert.Contains("repeats the key \"status\"", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rental.refunded")]
    [InlineData("rental.cancelled")]
    [InlineData("rental.expired")]
    public void Active_rental_data_relabelled_as_another_rental_event_is_refused(string eventName)
    {
        var ex = Refused(Envelope(eventName, ActiveRental), Sign(ActiveRental));

        Assert.Contains("does not match the signed status \"active\"", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rental")]
    [InlineData("rental.")]
    [InlineData("rental.active.x")]
    public void Rental_data_under_a_rental_name_without_its_status_is_refused(string eventName)
    {
        Assert.Contains("does not match the signed status", Refused(Envelope(eventName, ActiveRental), Sign(ActiveRental)).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("action.verified")]
    [InlineData("action.queued")]
    public void Failed_action_data_relabelled_as_another_action_event_is_refused(string eventName)
    {
        var ex = Refused(Envelope(eventName, FailedAction), Sign(FailedAction));

        Assert.Contains("does not match the signed status \"failed\"", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rental.failed", "describes an action")]
    [InlineData("credits.failed", "describes an action")]
    [InlineData("Action.failed", "describes an action")]
    public void Action_data_relabelled_as_another_kind_is_refused(string eventName, string reason)
    {
        Assert.Contains(reason, Refused(Envelope(eventName, FailedAction), Sign(FailedAction)).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("action.active")]
    [InlineData("billing.active")]
    public void Rental_data_relabelled_as_another_kind_is_refused(string eventName)
    {
        Assert.Contains("describes a rental", Refused(Envelope(eventName, ActiveRental), Sign(ActiveRental)).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("action.verified", """{"action_id":"a-1","rental_id":"r-1"}""")]
    [InlineData("rental.active", """{"rental_id":"r-1","anonymized_id":"anon-1"}""")]
    [InlineData("rental.active", """{"rental_id":"r-1","status":null}""")]
    public void An_action_or_rental_event_whose_data_carries_no_status_is_refused(string eventName, string data)
    {
        Assert.Contains("carries no status", Refused(Envelope(eventName, data), Sign(data)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_genuine_rental_event_parses_with_its_signed_status()
    {
        var webhookEvent = Assert.IsType<RentalWebhookEvent>(Parser.Parse(Encoding.UTF8.GetBytes(Envelope("rental.active", ActiveRental)), Sign(ActiveRental)));

        Assert.Equal(RentalStatus.Active, webhookEvent.Status);
        Assert.Equal("anon-1", webhookEvent.AnonymizedId);
    }

    [Fact]
    public void An_event_name_spelled_with_escapes_is_the_same_name()
    {
        var body = Envelope("action.failed", FailedAction).Replace("\"action.failed\"", "\"action\\u002efailed\"", StringComparison.Ordinal);

        Assert.Equal(WebhookEventType.ActionFailed, Parser.Parse(Encoding.UTF8.GetBytes(body), Sign(FailedAction)).EventType);
    }

    [Fact]
    public void The_event_carries_exactly_the_verified_bytes_even_when_data_is_not_last()
    {
        var body = """{"data":""" + FailedAction + ""","event":"action.failed","extra":{"data":{"status":"verified"}}}""";

        var webhookEvent = Parser.Parse(Encoding.UTF8.GetBytes(body), Sign(FailedAction));

        Assert.Equal(FailedAction, webhookEvent.Data.GetRawText());
    }

    [Fact]
    public void A_bare_hex_signature_is_accepted_by_the_parser()
    {
        var webhookEvent = Parser.Parse(Encoding.UTF8.GetBytes(Envelope("action.failed", FailedAction)), Sign(FailedAction)["sha256=".Length..]);

        Assert.Equal(WebhookEventType.ActionFailed, webhookEvent.EventType);
    }

    [Fact]
    public void An_unknown_event_without_action_or_rental_data_is_accepted_as_is()
    {
        const string data = """{"id":"tx_1","amount":"50.00","status":"settled"}""";

        var webhookEvent = Parser.Parse(Encoding.UTF8.GetBytes(Envelope("credits.topped_up", data)), Sign(data));

        Assert.Equal("credits.topped_up", webhookEvent.EventType.Value);
    }

    [Fact]
    public void Parsing_without_verifying_still_refuses_a_repeated_member()
    {
        var body = Envelope("action.failed", FailedAction)[..^1] + ""","data":{}}""";

        Assert.Throws<WebhookVerificationException>(() => AttentionFactoryWebhookParser.ParseWithoutVerifying(Encoding.UTF8.GetBytes(body)));
    }
}
