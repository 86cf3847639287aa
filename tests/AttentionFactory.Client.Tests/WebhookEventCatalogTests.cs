using System.Text;
using Attention.Sdk.Webhooks;
using AttentionFactory.Webhooks;

namespace AttentionFactory.Client.Tests;

/// <summary>
/// <see cref="WebhookEventCatalog"/> is what the parser and the model factory obey: each documented event parses as its class when
/// its signed status is the catalog's, and is refused under any other catalogued name of its kind.
/// </summary>
public sealed class WebhookEventCatalogTests
{
    private const string Secret = "whsec_catalog_tests";
    private static readonly AttentionFactoryWebhookParser Parser = new(Secret);

    public static TheoryData<string> Events()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in WebhookEventCatalog.All)
        {
            data.Add(descriptor.Type.Value);
        }

        return data;
    }

    private static string Data(WebhookEventDescriptor descriptor) => descriptor.EventClass == typeof(ActionWebhookEvent)
        ? $$"""{"action_id":"a-1","rental_id":"r-1","status":"{{descriptor.SignedStatus}}"}"""
        : $$"""{"rental_id":"r-1","status":"{{descriptor.SignedStatus}}"}""";

    private static WebhookEvent Parse(string eventName, string data) =>
        Parser.Parse(
            Encoding.UTF8.GetBytes($$"""{"event":"{{eventName}}","timestamp":"2026-04-19T12:30:00Z","data":{{data}}}"""),
            WebhookSigner.Sign(Encoding.UTF8.GetBytes(data), Secret));

    [Theory]
    [MemberData(nameof(Events))]
    public void A_signed_delivery_of_each_event_parses_as_its_catalogued_class(string name)
    {
        var descriptor = WebhookEventCatalog.Find(name)!;

        var webhookEvent = Parse(name, Data(descriptor));

        Assert.IsType(descriptor.EventClass, webhookEvent);
        Assert.Equal(descriptor.Type, webhookEvent.EventType);
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void The_model_factory_builds_each_event_as_its_catalogued_class(string name)
    {
        var descriptor = WebhookEventCatalog.Find(name)!;

        var webhookEvent = AttentionFactoryModelFactory.WebhookEvent(descriptor.Type, Data(descriptor));

        Assert.IsType(descriptor.EventClass, webhookEvent);
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Each_events_signed_data_is_refused_under_every_other_name_of_its_class(string name)
    {
        var descriptor = WebhookEventCatalog.Find(name)!;
        var others = WebhookEventCatalog.All.Where(e => e.EventClass == descriptor.EventClass && e != descriptor).ToArray();

        foreach (var other in others)
        {
            Assert.Throws<WebhookVerificationException>(() => Parse(other.Type.Value, Data(descriptor)));
        }

        Assert.NotEmpty(others);
    }

    [Fact]
    public void Every_documented_name_is_catalogued_once_with_its_suffix_as_signed_status()
    {
        var names = WebhookEventCatalog.All.Select(e => e.Type.Value).ToArray();

        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(WebhookEventCatalog.All, e => Assert.EndsWith("." + e.SignedStatus, e.Type.Value, StringComparison.Ordinal));
        Assert.Equal(10, names.Length);
    }

    [Theory]
    [InlineData("Action.Verified")]
    [InlineData("action.paused")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_knows_only_the_documented_names_exactly(string? name)
    {
        Assert.Null(WebhookEventCatalog.Find(name));
    }
}
