using System.Text.RegularExpressions;

namespace Attention.Sdk.Docs.Tests.EndpointCatalogs;

/// <summary>
/// Reads <c>METHOD /v1/route</c> code spans of a docs table as the catalog writes an endpoint (<c>ApiEndpoint.ToString()</c>:
/// <c>METHOD route</c>, relative to <c>/v1</c>). Only plain spans count: a query suffix or an abbreviated route is a docs error.
/// </summary>
internal static partial class EndpointCell
{
    /// <summary>The endpoints the code spans of <paramref name="column"/> name, in the catalog's spelling.</summary>
    public static IReadOnlyList<string> Endpoints(MarkdownTableRow row, string column) =>
        row.Code(column).Where(c => HttpSpan().IsMatch(c)).Select(Normalise).ToArray();

    private static string Normalise(string span)
    {
        var space = span.IndexOf(' ', StringComparison.Ordinal);
        return span[..space] + " " + span[(space + 1)..]["/v1/".Length..];
    }

    // Any span that starts like an HTTP call: a well-formed one is checked against the catalog, a malformed one fails the comparison.
    [GeneratedRegex("^(GET|POST|PUT|PATCH|DELETE) /")]
    private static partial Regex HttpSpan();

    /// <summary>Whether a span is a plain <c>METHOD /v1/route</c>: no query, no ellipsis, no suffix.</summary>
    public static bool IsPlain(string span) => PlainSpan().IsMatch(span);

    [GeneratedRegex("^(GET|POST|PUT|PATCH|DELETE) /v1(/([a-z0-9_-]+|\\{[a-z_]+\\}))+$")]
    private static partial Regex PlainSpan();
}
