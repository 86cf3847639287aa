using System.Collections;
using System.Text.Json;

namespace AutoPersonas;

/// <summary>
/// The items of an AutoPersonas list endpoint plus the raw JSON the server sent. The envelope of list responses is not documented,
/// so the SDK accepts a bare JSON array, or an object holding the array under <c>data</c>, <c>items</c>, <c>results</c> or a
/// resource-specific name (for example <c>influencers</c>), or else its only array property; everything else (paging cursors,
/// totals) stays readable in <see cref="Raw"/>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ItemList<T> : IReadOnlyList<T>
{
    private readonly IReadOnlyList<T> _items;

    /// <summary>Creates a list (for your tests: see <see cref="AutoPersonasModelFactory"/>).</summary>
    /// <param name="items">The items.</param>
    /// <param name="raw">The raw response; default when unknown.</param>
    public ItemList(IReadOnlyList<T> items, JsonElement raw = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items;
        Raw = raw;
    }

    /// <summary>The whole response body as the server sent it (<see cref="JsonValueKind.Undefined"/> when the list was built in code).</summary>
    public JsonElement Raw { get; }

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
