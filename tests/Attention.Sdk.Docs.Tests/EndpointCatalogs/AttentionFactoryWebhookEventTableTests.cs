using AttentionFactory.Webhooks;

namespace Attention.Sdk.Docs.Tests.EndpointCatalogs;

/// <summary>The events table of docs/webhooks.md equals <see cref="WebhookEventCatalog.All"/>: name, typed class and signed status, in order.</summary>
public sealed class AttentionFactoryWebhookEventTableTests
{
    [Fact]
    public void The_events_table_equals_the_catalog()
    {
        var table = MarkdownTable.Find("docs/webhooks.md", ["Event", "Typed class", "Signed status"], "Event types");

        var documented = table.Rows.Select(r => string.Join(" | ", r.Code("Event").Concat(r.Code("Typed class")).Concat(r.Code("Signed status")))).ToArray();
        var catalogued = WebhookEventCatalog.All.Select(e => $"{e.Type.Value} | {e.EventClass.Name} | {e.SignedStatus}").ToArray();

        Assert.Equal(catalogued, documented);
    }
}
