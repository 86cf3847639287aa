using Attention.Sdk.Testing.Tools;

namespace Attention.Sdk.Docs.Tests;

/// <summary>
/// A pipe table read from a Markdown file: the header cells and the body rows, each cell trimmed. Used to hold the docs' endpoint and
/// event tables to the catalogs the code reads, so a table cannot drift from the code.
/// </summary>
internal sealed record MarkdownTable(string File, int Line, IReadOnlyList<string> Header, IReadOnlyList<MarkdownTableRow> Rows)
{
    /// <summary>
    /// The first table in <paramref name="relativePath"/> (from the repository root) whose header row contains every one of
    /// <paramref name="headerCells"/> (case-insensitive), after the optional <paramref name="afterHeading"/> line.
    /// </summary>
    /// <exception cref="InvalidOperationException">No such table.</exception>
    public static MarkdownTable Find(string relativePath, IReadOnlyList<string> headerCells, string? afterHeading = null)
    {
        var lines = System.IO.File.ReadAllLines(Path.Combine(TestEnvironment.RepoRoot, relativePath));
        var start = 0;
        if (afterHeading is not null)
        {
            start = Array.FindIndex(lines, l => l.TrimStart('#', ' ').Equals(afterHeading, StringComparison.OrdinalIgnoreCase));
            if (start < 0)
            {
                throw new InvalidOperationException($"{relativePath} has no heading '{afterHeading}'.");
            }
        }

        for (var i = start; i + 1 < lines.Length; i++)
        {
            if (!IsRow(lines[i]) || !IsSeparator(lines[i + 1]))
            {
                continue;
            }

            var header = Cells(lines[i]);
            if (!headerCells.All(h => header.Any(c => c.Contains(h, StringComparison.OrdinalIgnoreCase))))
            {
                continue;
            }

            var rows = new List<MarkdownTableRow>();
            for (var j = i + 2; j < lines.Length && IsRow(lines[j]); j++)
            {
                rows.Add(new MarkdownTableRow(j + 1, header, Cells(lines[j])));
            }

            return new MarkdownTable(relativePath, i + 1, header, rows);
        }

        throw new InvalidOperationException($"{relativePath} has no table with the columns {string.Join(", ", headerCells)}.");
    }

    private static bool IsRow(string line) => line.TrimStart().StartsWith('|');

    private static bool IsSeparator(string line) => IsRow(line) && line.Trim().Trim('|').Split('|').All(c => c.Trim().Trim(':').Trim('-').Length == 0);

    // Splits on pipes outside backticks, so `a | b` inside code stays one cell.
    private static string[] Cells(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var inCode = false;
        foreach (var c in line.Trim().Trim('|'))
        {
            if (c == '`')
            {
                inCode = !inCode;
            }

            if (c == '|' && !inCode)
            {
                cells.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        cells.Add(current.ToString().Trim());
        return [.. cells];
    }
}

/// <summary>One body row of a <see cref="MarkdownTable"/>.</summary>
internal sealed record MarkdownTableRow(int Line, IReadOnlyList<string> Header, IReadOnlyList<string> Cells)
{
    /// <summary>The cell under the first header containing <paramref name="column"/> (case-insensitive); empty when the row is short.</summary>
    public string this[string column]
    {
        get
        {
            var index = Header.ToList().FindIndex(h => h.Contains(column, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new InvalidOperationException($"No column '{column}'.");
            }

            return index < Cells.Count ? Cells[index] : "";
        }
    }

    /// <summary>The code spans (text between backticks) of a cell, in order.</summary>
    public IReadOnlyList<string> Code(string column) =>
        this[column].Split('`').Where((_, i) => i % 2 == 1).ToArray();
}
