using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Attention.Sdk.Testing.WireMock;

/// <summary>The response half of a stub: status, headers, body, delay, or a fault.</summary>
public sealed record StubResponse
{
    /// <summary>The status code (ignored for faults).</summary>
    public int Status { get; init; } = 200;

    /// <summary>The body, if any.</summary>
    public string? Body { get; init; }

    /// <summary>Response headers; a name given twice is sent with both values.</summary>
    public ImmutableList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>A delay before the response is sent.</summary>
    public TimeSpan? FixedDelay { get; init; }

    /// <summary>A fault sent instead of a response.</summary>
    public WireMockFault? Fault { get; init; }

    internal JsonObject ToJson()
    {
        var response = new JsonObject();
        if (Fault is { } fault)
        {
            response["fault"] = fault.ToWireName();
        }
        else
        {
            response["status"] = Status;
        }

        if (Body is not null)
        {
            response["body"] = Body;
        }

        if (!Headers.IsEmpty)
        {
            var headers = new JsonObject();
            foreach (var group in Headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
            {
                var values = group.Select(h => h.Value).ToList();
                headers[group.Key] = values.Count == 1 ? values[0] : new JsonArray([.. values.Select(v => (JsonNode?)v)]);
            }

            response["headers"] = headers;
        }

        if (FixedDelay is { } delay)
        {
            response["fixedDelayMilliseconds"] = (long)delay.TotalMilliseconds;
        }

        return response;
    }
}
