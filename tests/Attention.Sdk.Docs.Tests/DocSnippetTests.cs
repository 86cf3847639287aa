using Attention.Sdk.Testing.Tools;

namespace Attention.Sdk.Docs.Tests;

/// <summary>Every C# block in README.md, docs/ and the package READMEs compiles against the SDK, so the docs cannot drift from the code.</summary>
public sealed class DocSnippetTests
{
    public static TheoryData<string> Snippets()
    {
        var data = new TheoryData<string>();
        foreach (var snippet in DocSnippet.FindAll(TestEnvironment.RepoRoot))
        {
            data.Add(snippet.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_compiles_against_the_sdk(string location)
    {
        var snippet = DocSnippet.FindAll(TestEnvironment.RepoRoot).Single(s => s.ToString() == location);

        var errors = SnippetCompiler.Compile(snippet, NamespacesFor(snippet.File));

        Assert.True(errors.Count == 0, $"{location} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}{Environment.NewLine}---{Environment.NewLine}{snippet.Code}");
    }

    [Fact]
    public void Docs_have_snippets_to_check()
    {
        Assert.True(DocSnippet.FindAll(TestEnvironment.RepoRoot).Count() >= 5);
    }

    [Theory]
    [InlineData("docs/webhooks.md", "AddAttentionFactoryWebhooks")]
    [InlineData("docs/webhooks.md", "SignedWebhookDelivery.Create")]
    [InlineData("docs/webhooks.md", "WebhookSignatureVerifier.VerifyAsync")]
    [InlineData("docs/webhooks.md", "WebhookSigner.Sign")]
    [InlineData("docs/testing.md", "SignedWebhookDelivery.Create")]
    public void The_webhook_docs_show_each_receiving_and_testing_call_in_a_compiled_snippet(string file, string call)
    {
        Assert.Contains(DocSnippet.FindAll(TestEnvironment.RepoRoot), s => s.File == file && s.Code.Contains(call, StringComparison.Ordinal));
    }

    /// <summary>Each API's pages see that API's namespaces; general pages see all three clients' root namespaces.</summary>
    private static IEnumerable<string> NamespacesFor(string file)
    {
        string[] assemblies = file.Contains("autopersonas", StringComparison.OrdinalIgnoreCase) ? ["AutoPersonas.Client"]
            : file.Contains("attentium", StringComparison.OrdinalIgnoreCase) || file.Contains("solana", StringComparison.OrdinalIgnoreCase) ? ["Attentium.Client"]
            : file.Contains("factory", StringComparison.OrdinalIgnoreCase) ? ["AttentionFactory.Client"]
            : ["AttentionFactory.Client", "AutoPersonas.Client", "Attentium.Client"];
        var everything = assemblies.Length == 1;
        return assemblies
            .SelectMany(name => System.Reflection.Assembly.Load(name).GetExportedTypes())
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(ns => everything || !ns.Contains('.', StringComparison.Ordinal) || ns.StartsWith("Microsoft.", StringComparison.Ordinal))
            .Distinct();
    }
}
