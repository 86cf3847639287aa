using Attentium;

namespace Attention.Sdk.Docs.Tests.EndpointCatalogs;

/// <summary>
/// The reference table of docs/attentium.md names exactly the endpoints of <see cref="AttentiumEndpoints.All"/>. Several methods
/// share an endpoint (<c>POST /v1/verify</c>), and some rows are Solana steps, so each endpoint appears in at least one row.
/// </summary>
public sealed class AttentiumEndpointTableTests
{
    private static MarkdownTable Table() => MarkdownTable.Find("docs/attentium.md", ["Method", "Endpoint", "Notes"], "Reference");

    private static string[] Documented() => Table().Rows.SelectMany(r => EndpointCell.Endpoints(r, "Endpoint")).ToArray();

    [Fact]
    public void Every_endpoint_span_is_plain()
    {
        var bad = Table().Rows.SelectMany(r => r.Code("Endpoint").Where(c => c.Contains(" /", StringComparison.Ordinal) && !EndpointCell.IsPlain(c))).ToArray();

        Assert.True(bad.Length == 0, "Endpoint spans that are not a plain `METHOD /v1/route`: " + string.Join(", ", bad));
    }

    [Fact]
    public void Every_documented_endpoint_is_catalogued()
    {
        var catalogued = AttentiumEndpoints.All.Select(e => e.ToString()).ToHashSet(StringComparer.Ordinal);

        var unknown = Documented().Where(e => !catalogued.Contains(e)).Distinct().ToArray();

        Assert.True(unknown.Length == 0, "Documented but not in AttentiumEndpoints: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Every_catalogued_endpoint_is_documented()
    {
        var documented = Documented().ToHashSet(StringComparer.Ordinal);

        var missing = AttentiumEndpoints.All.Select(e => e.ToString()).Where(e => !documented.Contains(e)).ToArray();

        Assert.True(missing.Length == 0, "Catalogued but missing from the docs table: " + string.Join(", ", missing));
    }

    [Fact]
    public void No_endpoint_honours_an_idempotency_key()
    {
        Assert.DoesNotContain(AttentiumEndpoints.All, e => e.HonoursIdempotencyKey);
    }
}
