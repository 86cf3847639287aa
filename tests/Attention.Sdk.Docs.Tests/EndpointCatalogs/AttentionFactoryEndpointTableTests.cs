using Attention.Sdk.Http;
using AttentionFactory;

namespace Attention.Sdk.Docs.Tests.EndpointCatalogs;

/// <summary>The endpoint table of docs/attention-factory.md equals <see cref="AttentionFactoryEndpoints.All"/>: one row per endpoint.</summary>
public sealed class AttentionFactoryEndpointTableTests
{
    private const string Retried = "retried";
    private const string NotRetried = "not retried";
    private const string Deduplicated = "retried, de-duplicated by `Idempotency-Key`";

    private static MarkdownTable Table() =>
        MarkdownTable.Find("docs/attention-factory.md", ["Endpoint", "Method", "ambiguous failure"], "Reference: every endpoint");

    [Fact]
    public void Every_row_names_one_plain_endpoint()
    {
        var bad = Table().Rows.Where(r => r.Code("Endpoint") is not [var span] || !EndpointCell.IsPlain(span)).Select(r => $"line {r.Line}: {r["Endpoint"]}").ToArray();

        Assert.True(bad.Length == 0, "Rows whose Endpoint cell is not one plain `METHOD /v1/route`:\n" + string.Join("\n", bad));
    }

    [Fact]
    public void Every_row_is_a_catalogued_endpoint()
    {
        var catalogued = AttentionFactoryEndpoints.All.Select(e => e.ToString()).ToHashSet(StringComparer.Ordinal);

        var unknown = Table().Rows.SelectMany(r => EndpointCell.Endpoints(r, "Endpoint")).Where(e => !catalogued.Contains(e)).ToArray();

        Assert.True(unknown.Length == 0, "Documented but not in AttentionFactoryEndpoints: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Every_catalogued_endpoint_has_exactly_one_row()
    {
        var documented = Table().Rows.SelectMany(r => EndpointCell.Endpoints(r, "Endpoint")).ToArray();

        var wrong = AttentionFactoryEndpoints.All.Select(e => e.ToString()).Where(e => documented.Count(d => d == e) != 1).ToArray();

        Assert.True(wrong.Length == 0, "Catalogued endpoints without exactly one row: " + string.Join(", ", wrong));
    }

    [Fact]
    public void The_retry_column_states_each_endpoints_idempotency_promise()
    {
        var rows = Table().Rows.ToDictionary(r => EndpointCell.Endpoints(r, "Endpoint").Single(), r => r["ambiguous failure"]);

        var wrong = AttentionFactoryEndpoints.All
            .Where(e => rows.TryGetValue(e.ToString(), out var cell) && cell != (e.HonoursIdempotencyKey ? Deduplicated : e.IsSafeToRepeat ? Retried : NotRetried))
            .Select(e => $"{e}: \"{rows[e.ToString()]}\"")
            .ToArray();

        Assert.True(wrong.Length == 0, "Rows whose retry column contradicts the catalog:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Only_rental_creation_and_action_submission_honour_an_idempotency_key()
    {
        ApiEndpoint[] expected = [AttentionFactoryEndpoints.CreateRental, AttentionFactoryEndpoints.SubmitAction];

        var honouring = AttentionFactoryEndpoints.All.Where(e => e.HonoursIdempotencyKey).ToArray();

        Assert.Equal(expected, honouring);
    }
}
