namespace Attention.Sdk.Testing.WireMock;

/// <summary>
/// Entry points of the fluent stub builder. Paths are relative to the scope prefix (a leading slash is optional);
/// a path holding <c>?</c> matches the whole URL including its query exactly, otherwise only the path is matched.
/// </summary>
/// <example><code>
/// await scope.StubAsync(Stub.Post("v1/rentals").WithHeader("Idempotency-Key", Matches.Present).RespondsJson(201, """{"id":"r1"}"""));
/// </code></example>
public static class Stub
{
    /// <summary>A GET on <paramref name="path"/>.</summary>
    public static StubRequestBuilder Get(string path) => Request("GET", path);

    /// <summary>A POST on <paramref name="path"/>.</summary>
    public static StubRequestBuilder Post(string path) => Request("POST", path);

    /// <summary>A PUT on <paramref name="path"/>.</summary>
    public static StubRequestBuilder Put(string path) => Request("PUT", path);

    /// <summary>A PATCH on <paramref name="path"/>.</summary>
    public static StubRequestBuilder Patch(string path) => Request("PATCH", path);

    /// <summary>A DELETE on <paramref name="path"/>.</summary>
    public static StubRequestBuilder Delete(string path) => Request("DELETE", path);

    /// <summary>Any method on <paramref name="path"/>.</summary>
    public static StubRequestBuilder Any(string path) => Request("ANY", path);

    /// <summary>A request with <paramref name="method"/> (or <c>ANY</c>) on <paramref name="path"/> (exact path, or exact URL when it holds <c>?</c>).</summary>
    public static StubRequestBuilder Request(string method, string path) =>
        new(method.ToUpperInvariant(), path.Contains('?', StringComparison.Ordinal) ? UrlMatchKind.Url : UrlMatchKind.Path, path);

    /// <summary>A request whose path (without query) matches the Java regular expression <paramref name="pathRegex"/>, relative to the scope prefix.</summary>
    public static StubRequestBuilder PathMatching(string method, string pathRegex) => new(method.ToUpperInvariant(), UrlMatchKind.PathRegex, pathRegex);

    /// <summary>A request whose URL, query included, is exactly <paramref name="url"/> (relative to the scope prefix).</summary>
    public static StubRequestBuilder Url(string method, string url) => new(method.ToUpperInvariant(), UrlMatchKind.Url, url);
}
