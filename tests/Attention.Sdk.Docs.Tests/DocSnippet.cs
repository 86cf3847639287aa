using System.Text.RegularExpressions;

namespace Attention.Sdk.Docs.Tests;

/// <summary>One ```csharp block of a Markdown file.</summary>
public sealed record DocSnippet(string File, int Line, string Code)
{
    private static readonly Regex s_block = new(@"^```csharp[^\n]*\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline);

    public override string ToString() => $"{File}:{Line}";

    /// <summary>Every C# block in README.md and docs/*.md.</summary>
    public static IEnumerable<DocSnippet> FindAll(string repoRoot)
    {
        var files = new[] { Path.Combine(repoRoot, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(repoRoot, "docs"), "*.md", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(Path.Combine(repoRoot, "src"), "README.md", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = System.IO.File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
            foreach (Match match in s_block.Matches(text))
            {
                var line = text[..match.Index].Count(c => c == '\n') + 2;
                yield return new DocSnippet(Path.GetRelativePath(repoRoot, file), line, match.Groups["code"].Value);
            }
        }
    }
}
