using System.Collections;
using System.Text.Json;

namespace Attention.Sdk.Http;

/// <summary>
/// The items of a list endpoint, plus the whole response as the server sent it. The APIs do not document their list
/// envelopes, so <see cref="ApiListReader"/> accepts a bare array or an object holding the array; anything else in the
/// envelope (cursors, totals) stays readable in <see cref="RawJson"/>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ApiList<T> : IReadOnlyList<T>, IRawJsonModel
{
    private readonly IReadOnlyList<T> _items;

    /// <summary>Creates a list (in tests, usually through a package's model factory).</summary>
    /// <param name="items">The items.</param>
    /// <param name="rawJson">The raw response; <c>default</c> when the list was built in code.</param>
    public ApiList(IReadOnlyList<T> items, JsonElement rawJson = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items;
        RawJson = rawJson;
    }

    /// <summary>The whole response body as the server sent it (<c>default</c> when the list was built in code).</summary>
    public JsonElement RawJson { get; }

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
