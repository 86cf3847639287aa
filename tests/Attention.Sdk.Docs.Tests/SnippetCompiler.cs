using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Attention.Sdk.Docs.Tests;

/// <summary>
/// Compiles a doc snippet against the SDK's real assemblies. Statements are placed in an async method whose
/// parameters are the names the docs use for context (an app builder, a service collection, configuration, an
/// incoming request, secrets, a cancellation token); type declarations and using directives are hoisted.
/// </summary>
public static class SnippetCompiler
{
    private static readonly Regex s_using = new(@"^\s*using\s+[\w.]+\s*;\s*$", RegexOptions.Multiline);
    private static readonly Regex s_typeDeclaration = new(@"^(public |internal )?(sealed |static |abstract |partial )*(class|record|interface|struct) \w+", RegexOptions.Multiline);

    private static readonly Lazy<MetadataReference[]> s_references = new(LoadReferences);

    private const string Context = """
        Microsoft.AspNetCore.Builder.WebApplicationBuilder builder,
        Microsoft.AspNetCore.Builder.WebApplication app,
        Microsoft.Extensions.DependencyInjection.IServiceCollection services,
        Microsoft.Extensions.Configuration.IConfiguration configuration,
        Microsoft.Extensions.Configuration.IConfiguration config,
        Microsoft.AspNetCore.Http.HttpRequest request,
        Microsoft.AspNetCore.Http.HttpContext context,
        string secret, string newSecret, string oldSecret, string currentSecret, string previousSecret,
        byte[] rawBody, string signatureHeader,
        System.Threading.CancellationToken cancellationToken
        """;

    private static readonly string[] s_globalUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
        "System.Text.Json", "System.Text.Json.Nodes",
        "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Configuration", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Builder",
        "Attention.Sdk", "Attention.Sdk.Http", "Attention.Sdk.Json", "Attention.Sdk.Polling", "Attention.Sdk.Webhooks", "Attention.Sdk.RateLimiting", "Attention.Sdk.DependencyInjection",
        "Attention.Sandbox",
    ];

    /// <summary>Compiles the snippet; returns the error diagnostics (empty when it compiles).</summary>
    public static IReadOnlyList<string> Compile(DocSnippet snippet, IEnumerable<string> extraUsings)
    {
        var code = snippet.Code;
        var usings = s_using.Matches(code).Select(m => m.Value.Trim()).ToList();
        code = s_using.Replace(code, string.Empty);
        var source = new StringBuilder();
        foreach (var ns in s_globalUsings.Concat(extraUsings).Distinct())
        {
            source.Append("using ").Append(ns).AppendLine(";");
        }

        foreach (var directive in usings.Distinct())
        {
            source.AppendLine(directive);
        }

        if (s_typeDeclaration.IsMatch(code))
        {
            source.AppendLine(code);
        }
        else
        {
            source.AppendLine("#pragma warning disable CS0162, CS0168, CS0219, CS8321, CS1998, CS4014");
            source.AppendLine("public static class DocSnippet__ {");
            source.AppendLine("public static async System.Threading.Tasks.Task<object?> Run(" + Context + ") {");
            source.AppendLine("#line 1");
            source.AppendLine(code);
            source.AppendLine("return null; } }");
        }

        source.AppendLine("public sealed class MyAuditHandler : System.Net.Http.DelegatingHandler { }");
        var tree = CSharpSyntaxTree.ParseText(source.ToString(), new CSharpParseOptions(LanguageVersion.Latest), path: snippet.File);
        var compilation = CSharpCompilation.Create(
            "Snippet_" + Guid.NewGuid().ToString("N"),
            [tree],
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{snippet.File}:{snippet.Line + d.Location.GetMappedLineSpan().StartLinePosition.Line - 1}: {d.Id} {d.GetMessage()}")
            .ToList();
    }

    private static MetadataReference[] LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First());
        var references = new List<MetadataReference>();
        foreach (var path in paths)
        {
            try
            {
                _ = AssemblyName.GetAssemblyName(path);
                references.Add(MetadataReference.CreateFromFile(path));
            }
            catch (BadImageFormatException)
            {
                // Native libraries in the output folder are not references.
            }
        }

        return [.. references];
    }
}
