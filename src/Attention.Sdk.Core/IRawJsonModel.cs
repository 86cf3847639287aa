using System.Text.Json;

namespace Attention.Sdk;

/// <summary>
/// A model that keeps the JSON it was read from, for fields the SDK does not type (the APIs do not publish every response
/// shape). The one raw-JSON mechanism of every client: the property is always <see cref="RawJson"/>.
/// </summary>
public interface IRawJsonModel
{
    /// <summary>The JSON as the server sent it (<see cref="JsonValueKind.Undefined"/> when the model was built in code).</summary>
    JsonElement RawJson { get; }
}
