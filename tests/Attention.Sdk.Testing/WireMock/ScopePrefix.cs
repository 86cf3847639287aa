using System.Text;
using System.Text.RegularExpressions;

namespace Attention.Sdk.Testing.WireMock;

/// <summary>Rewrites relative stub paths and scenario names into a scope's namespace (empty for the whole server).</summary>
internal sealed class ScopePrefix
{
    public static readonly ScopePrefix None = new(string.Empty);

    public ScopePrefix(string id)
    {
        Id = id;
        Path = id.Length == 0 ? string.Empty : "/s/" + id;
    }

    /// <summary>The scope id (empty for the whole server).</summary>
    public string Id { get; }

    /// <summary><c>/s/&lt;id&gt;</c> without a trailing slash, or empty.</summary>
    public string Path { get; }

    /// <summary><c>v1/x</c> or <c>/v1/x</c> becomes <c>/s/id/v1/x</c>.</summary>
    public string Apply(string relative) => Path + "/" + relative.TrimStart('/');

    /// <summary>A relative path regex becomes an absolute one with the prefix escaped.</summary>
    public string ApplyRegex(string relativeRegex)
    {
        var body = relativeRegex.StartsWith('^') ? relativeRegex[1..] : relativeRegex;
        body = body.TrimStart('/');
        return Regex.Escape(Path + "/") + body;
    }

    /// <summary>A regex matching every path under the prefix.</summary>
    public string EverythingRegex => Regex.Escape(Path + "/") + ".*";

    /// <summary>Scenario names get the scope id in front; characters WireMock cannot take in its admin URLs become '_'.</summary>
    public string Scenario(string name)
    {
        if (Id.Length == 0)
        {
            return name;
        }

        var safe = new StringBuilder(Id.Length + 1 + name.Length).Append(Id).Append('-');
        foreach (var c in name)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' ? c : '_');
        }

        return safe.ToString();
    }

    /// <summary>Strips the prefix from a journal path such as <c>/s/id/v1/x</c> (giving <c>/v1/x</c>).</summary>
    public string Strip(string path) =>
        Path.Length > 0 && path.StartsWith(Path + "/", StringComparison.Ordinal) ? path[Path.Length..] : path;
}
