using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Attention.Sdk;
using Attention.Sdk.Http;

namespace AttentionFactory;

/// <summary>
/// The items of a list endpoint, plus the raw JSON the server sent (a list endpoint's envelope is not documented: the SDK
/// accepts a bare array or an object holding the array, and keeps everything else in <see cref="RawJson"/>).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ResourceList<T> : IReadOnlyList<T>
{
    private readonly IReadOnlyList<T> _items;

    /// <summary>Creates a list (for tests: see <see cref="AttentionFactoryModelFactory"/>).</summary>
    /// <param name="items">The items.</param>
    /// <param name="rawJson">The raw response; default when unknown.</param>
    public ResourceList(IReadOnlyList<T> items, JsonElement rawJson = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items;
        RawJson = rawJson;
    }

    /// <summary>The whole response body as the server sent it (undefined when the list was built in code).</summary>
    public JsonElement RawJson { get; }

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Reads list responses whose envelope the docs do not show.</summary>
internal static class ResourceListReader
{
    private static readonly string[] s_commonNames = ["data", "items", "results"];

    public static ResourceList<T> Read<T>(ApiResponse response, JsonTypeInfo<T> itemType, string propertyName)
    {
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            var root = document.RootElement;
            var array = FindArray(root, propertyName)
                ?? throw new JsonException($"Expected a JSON array or an object with a '{propertyName}' array.");
            var items = new List<T>(array.GetArrayLength());
            foreach (var element in array.EnumerateArray())
            {
                items.Add(element.Deserialize(itemType) ?? throw new JsonException($"A null item in the '{propertyName}' list."));
            }

            return new ResourceList<T>(items, root.Clone());
        }
        catch (JsonException ex)
        {
            throw new AttentionResponseException(
                $"The {(int)response.StatusCode} response body could not be read as a list of {typeof(T).Name}: {ex.Message}",
                response.StatusCode,
                ApiErrorReader.Truncate(response.Text),
                ex);
        }
    }

    private static JsonElement? FindArray(JsonElement root, string propertyName)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (root.TryGetProperty(propertyName, out var named) && named.ValueKind == JsonValueKind.Array)
        {
            return named;
        }

        foreach (var name in s_commonNames)
        {
            if (root.TryGetProperty(name, out var common) && common.ValueKind == JsonValueKind.Array)
            {
                return common;
            }
        }

        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                return property.Value;
            }
        }

        return null;
    }
}
