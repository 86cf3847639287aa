using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Attention.Sdk.Http;

/// <summary>
/// Reads list answers whose envelope is not documented: a bare JSON array, or an object holding the array under the
/// resource's own name, <c>data</c>, <c>items</c> or <c>results</c>, or else its only array property. Anything unreadable
/// becomes <see cref="AttentionResponseException"/>.
/// </summary>
public static class ApiListReader
{
    private static readonly string[] s_commonNames = ["data", "items", "results"];

    /// <summary>Reads the list.</summary>
    /// <param name="response">The raw 2xx answer.</param>
    /// <param name="itemType">The source-generated contract of one item.</param>
    /// <param name="resourceName">The property the array is expected under when wrapped (for example <c>rentals</c>).</param>
    /// <param name="onItem">Called with each item and its raw JSON (for example to keep the raw element on the model).</param>
    /// <exception cref="AttentionResponseException">No array could be found, or an item could not be read.</exception>
    public static ApiList<T> Read<T>(ApiResponse response, JsonTypeInfo<T> itemType, string resourceName, Action<T, JsonElement>? onItem = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(itemType);
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            var root = document.RootElement.Clone();
            var array = FindArray(root, resourceName)
                ?? throw new JsonException($"Expected a JSON array, or an object holding the array under '{resourceName}', 'data', 'items' or 'results'.");
            var items = new List<T>(array.GetArrayLength());
            foreach (var element in array.EnumerateArray())
            {
                var item = element.Deserialize(itemType) ?? throw new JsonException($"A null item in the '{resourceName}' list.");
                onItem?.Invoke(item, element);
                items.Add(item);
            }

            return new ApiList<T>(items, root);
        }
        catch (Exception ex) when (ApiConnection.IsDecodeFailure(ex))
        {
            throw new AttentionResponseException(
                $"The {(int)response.StatusCode} response body could not be read as a list of {typeof(T).Name}: {ex.Message}",
                response.StatusCode,
                ApiErrorReader.Truncate(response.Text),
                ex);
        }
    }

    private static JsonElement? FindArray(JsonElement root, string resourceName)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in s_commonNames.Prepend(resourceName))
        {
            if (root.TryGetProperty(name, out var named) && named.ValueKind == JsonValueKind.Array)
            {
                return named;
            }
        }

        JsonElement? only = null;
        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                if (only is not null)
                {
                    return null;
                }

                only = property.Value;
            }
        }

        return only;
    }
}
