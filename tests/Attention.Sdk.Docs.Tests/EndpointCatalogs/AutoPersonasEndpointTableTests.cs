using Attention.Sdk.Http;
using AutoPersonas;

namespace Attention.Sdk.Docs.Tests.EndpointCatalogs;

/// <summary>
/// docs/autopersonas.md's endpoint table states exactly what <see cref="AutoPersonasEndpoints"/> states: one row per catalogued
/// endpoint, with its method, route, scope and retry rule, so the table cannot drift from the code the SDK and the sandbox run.
/// </summary>
public sealed class AutoPersonasEndpointTableTests
{
    private const string Doc = "docs/autopersonas.md";

    [Fact]
    public void Every_row_is_a_catalogued_endpoint_with_its_scope()
    {
        foreach (var row in EndpointTable().Rows)
        {
            var (method, route) = RouteOf(row);
            var endpoint = AutoPersonasEndpoints.All.SingleOrDefault(e => e.Method.Method == method && e.Route == route);

            Assert.True(endpoint is not null, $"{Doc}:{row.Line}: {method} {route} is not in AutoPersonasEndpoints.");
            Assert.True(
                row.Code("Scope") is [var scope] && scope == endpoint.RequiredPermission,
                $"{Doc}:{row.Line}: {endpoint} needs `{endpoint.RequiredPermission}`, the table says {row["Scope"]}.");
        }
    }

    [Fact]
    public void Every_catalogued_endpoint_has_exactly_one_row()
    {
        var routes = EndpointTable().Rows.Select(RouteOf).ToList();

        foreach (var endpoint in AutoPersonasEndpoints.All)
        {
            var count = routes.Count(r => r == (endpoint.Method.Method, endpoint.Route));

            Assert.True(count == 1, $"{Doc}: {endpoint} has {count} rows in the endpoint table; it needs exactly one.");
        }
    }

    [Fact]
    public void Retries_column_says_all_exactly_for_endpoints_safe_to_repeat()
    {
        foreach (var row in EndpointTable().Rows)
        {
            var (method, route) = RouteOf(row);
            var endpoint = AutoPersonasEndpoints.All.Single(e => e.Method.Method == method && e.Route == route);
            var expected = endpoint.IsSafeToRepeat ? "all" : "429";

            Assert.True(row["Retries"] == expected, $"{Doc}:{row.Line}: {endpoint} is retried after '{expected}', the table says '{row["Retries"]}'.");
        }
    }

    [Fact]
    public void Wait_helpers_poll_catalogued_get_endpoints()
    {
        var table = MarkdownTable.Find(Doc, ["Method", "Polls", "Returns when"], afterHeading: "Reference");

        foreach (var row in table.Rows)
        {
            var (method, route) = Parse(row.Code("Polls").Single(), row.Line);

            Assert.True(
                method == "GET" && AutoPersonasEndpoints.All.Any(e => e.Method == HttpMethod.Get && e.Route == route),
                $"{Doc}:{row.Line}: {method} {route} is not a catalogued GET endpoint.");
        }
    }

    private static MarkdownTable EndpointTable() => MarkdownTable.Find(Doc, ["Method", "Route", "Scope", "Retries"], afterHeading: "Reference");

    private static (string Method, string Route) RouteOf(MarkdownTableRow row) => Parse(row.Code("Route").Single(), row.Line);

    /// <summary>Reads <c>VERB /path/:param</c> as the catalog writes it: <c>path/{param}</c>, relative to the base address.</summary>
    private static (string Method, string Route) Parse(string text, int line)
    {
        var parts = text.Split(' ', 2);
        Assert.True(parts.Length == 2 && parts[1].StartsWith('/'), $"{Doc}:{line}: '{text}' is not 'VERB /route'.");
        var segments = parts[1][1..].Split('/').Select(s => s.StartsWith(':') ? "{" + s[1..] + "}" : s);
        return (parts[0], string.Join('/', segments));
    }
}
